package io.selfeval.rules;

import io.selfeval.model.Finding;
import io.selfeval.model.Location;
import io.selfeval.model.SubmissionResult;
import io.selfeval.testing.Checks;
import io.selfeval.testing.Reports;
import io.selfeval.bench.TextTable;
import org.junit.jupiter.api.Test;

import static io.selfeval.rules.MoneyRuleFixtures.assertAmount;
import static io.selfeval.rules.MoneyRuleFixtures.assertNarrativeAt;
import static io.selfeval.rules.MoneyRuleFixtures.lineOf;
import static io.selfeval.rules.MoneyRuleFixtures.narrative;
import static io.selfeval.rules.MoneyRuleFixtures.only;
import static io.selfeval.rules.MoneyRuleFixtures.replaceRow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** EXE_RATE_MISMATCH, EXE_OVER_BUDGET and EXE_BUDGET_ADJUSTED in the narrative, 附件1 and 附件2. */
class ExecutionRulesTest {
    private static final String RATE = "EXE_RATE_MISMATCH";
    private static final String OVER = "EXE_OVER_BUDGET";
    private static final String ADJUSTED = "EXE_BUDGET_ADJUSTED";

    private static final String[] FUNDS_ROW = {"", "年度资金总额", "480", "500", "490", "10", "98%", "9.8"};
    private static final String[] PROJECT_FUNDS_ROW = {"", "年度资金总额", "70", "70", "70", "10", "100%", "10"};

    // —— EXE_RATE_MISMATCH ——

    @Test
    void narrativeRateOfHundredPercentWithUnequalAmountsIsReported() {
        String doc = Reports.complete().replace("预算执行率98%", "预算执行率100%");
        Finding f = only(Checks.text(doc), RATE);
        assertEquals("100%", f.getEvidence().get("stated"));
        assertEquals("98.00%", f.getEvidence().get("computed"));
        assertAmount("490", f.getEvidence().get("spent"));
        assertAmount("500", f.getEvidence().get("budget"));
        assertEquals("EXE_RATE_MISMATCH.narrative", f.getMessageKey());
        assertEquals("490万元", f.getMessageArgs().get("spent"));
        assertEquals("500万元", f.getMessageArgs().get("budget"));
        assertEquals("98.00%", f.getMessageArgs().get("computed"));
        assertNarrativeAt(f, lineOf(doc, "预算执行率100%"));
    }

    @Test
    void narrativeRateTypoIsReported() {
        Finding f = only(Checks.text(Reports.complete().replace("预算执行率98%", "完成全年预算的1009%")), RATE);
        assertEquals("1009%", f.getEvidence().get("stated"));
    }

    @Test
    void narrativeRateRoundedToTwoDecimalsAgrees() {
        // 1253.78 ÷ 1273.05 = 98.4863…%, written 98.49%.
        SubmissionResult r = Checks.text(narrative(
                "2024年全年预算资金1273.05万元，全年实际支出1253.78万元，预算执行率98.49%。"));
        assertFalse(Checks.codes(r).contains(RATE), () -> Checks.dump(r));
    }

    @Test
    void narrativeRateOffByOneHundredthIsReported() {
        // The amounts' rounding allows 98.4855% to 98.4871%; 98.48% stands for [98.475, 98.485].
        Finding f = only(Checks.text(narrative(
                "2024年全年预算资金1273.05万元，全年实际支出1253.78万元，预算执行率98.48%。")), RATE);
        assertEquals("98.49%", f.getEvidence().get("computed"));
    }

    @Test
    void fullWidthDigitsAreReadLikeAscii() {
        SubmissionResult ok = Checks.text(narrative(
                "2024年全年预算资金１２７３．０５万元，全年实际支出１２５３．７８万元，预算执行率９８．４９％。"));
        assertFalse(Checks.codes(ok).contains(RATE), () -> Checks.dump(ok));
        Finding f = only(Checks.text(narrative(
                "2024年全年预算资金１２７３.０５万元，全年实际支出１２５３.７８万元，预算执行率１００％。")), RATE);
        assertEquals("100%", f.getEvidence().get("stated"));
        assertAmount("1273.05", f.getEvidence().get("budget"));
        assertAmount("1253.78", f.getEvidence().get("spent"));
    }

    @Test
    void budgetInYiYuanAllowsEveryRateItsRoundingAllows() {
        // 1.27亿元 is 12650–12750万元, so 12537.8万元 spent is 98.34%–99.11% of it.
        SubmissionResult ok = Checks.text(narrative("2024年全年预算资金1.27亿元，全年实际支出12537.8万元，预算执行率98.5%。"));
        assertFalse(Checks.codes(ok).contains(RATE), () -> Checks.dump(ok));
        Finding f = only(Checks.text(narrative("2024年全年预算资金1.27亿元，全年实际支出12537.8万元，预算执行率97%。")), RATE);
        assertAmount("12700", f.getEvidence().get("budget"));
    }

    @Test
    void fundsRowRateOfTheOverallTableIsChecked() {
        String[] row = {"", "年度资金总额", "480", "500", "490", "10", "100%", "9.8"};
        String doc = replaceRow(Reports.complete(), FUNDS_ROW, row);
        Finding f = only(Checks.text(doc), RATE);
        assertEquals("98.00%", f.getEvidence().get("computed"));
        assertEquals("EXE_RATE_MISMATCH.table", f.getMessageKey());
        assertEquals(Location.TABLE, f.getLocation().getPart());
        assertEquals("附件2 整体支出绩效自评表", f.getLocation().getTable());
        assertEquals("执行率", f.getLocation().getColumn());
        assertEquals(lineOf(doc, TextTable.table().row(row).toString()), f.getLocation().getLine());
    }

    @Test
    void fundsRowRateRoundedToTwoDecimalsAgrees() {
        SubmissionResult r = Checks.text(overallFunds("1250", "1273.05", "1253.78", "98.49%"));
        assertFalse(Checks.codes(r).contains(RATE), () -> Checks.dump(r));
        assertTrue(Checks.codes(Checks.text(overallFunds("1250", "1273.05", "1253.78", "100%"))).contains(RATE));
    }

    @Test
    void fullWidthDigitsInTheFundsRowAreRead() {
        String doc = replaceRow(Reports.complete(), FUNDS_ROW, new String[]{"", "年度资金总额", "４８０", "５００", "４９０", "10", "１００％", "9.8"});
        Finding f = only(Checks.text(doc), RATE);
        assertEquals("100%", f.getEvidence().get("stated"));
        assertAmount("500", f.getEvidence().get("budget"));
    }

    @Test
    void projectFundsRowRateIsChecked() {
        String doc = replaceRow(Reports.complete(), PROJECT_FUNDS_ROW, new String[]{"", "年度资金总额", "70", "70", "63", "10", "100%", "10"});
        Finding f = only(Checks.text(doc), RATE);
        assertEquals("90.00%", f.getEvidence().get("computed"));
        assertTrue(f.getMessage().contains("业务工作经费"), f.getMessage());
        assertEquals("附件3 项目支出绩效自评表", f.getLocation().getTable());
    }

    // —— EXE_OVER_BUDGET ——

    @Test
    void publicFundsSpentAboveBudgetInBasicDataTableIsReported() {
        String doc = replaceRow(Reports.complete(), new String[]{"公用经费", "85", "95", "90"}, new String[]{"公用经费", "85", "95", "100"});
        Finding f = only(Checks.text(doc), OVER);
        assertEquals("公用经费", f.getEvidence().get("subject"));
        assertAmount("95", f.getEvidence().get("budget"));
        assertAmount("100", f.getEvidence().get("spent"));
        assertAmount("5", f.getEvidence().get("over"));
        assertEquals("附件1 基础数据表", f.getLocation().getTable());
        assertEquals(lineOf(doc, "\t公用经费\n\t85"), f.getLocation().getLine());
    }

    @Test
    void spendEqualToBudgetIsNotOverBudget() {
        String doc = replaceRow(Reports.complete(), new String[]{"公用经费", "85", "95", "90"}, new String[]{"公用经费", "85", "95", "95"});
        SubmissionResult r = Checks.text(doc);
        assertFalse(Checks.codes(r).contains(OVER), () -> Checks.dump(r));
    }

    @Test
    void threePublicExpensesSpentAboveBudgetAreReported() {
        String doc = replaceRow(Reports.complete(), new String[]{"三公经费", "6", "5", "4"}, new String[]{"三公经费", "6", "5", "7"});
        doc = replaceRow(doc, new String[]{"   3、公务接待", "2", "2", "1"}, new String[]{"   3、公务接待", "2", "2", "4"});
        SubmissionResult r = Checks.text(doc);
        Finding f = Checks.findings(r, OVER).stream().filter(x -> "三公经费".equals(x.getEvidence().get("subject"))).findFirst()
                .orElseThrow(() -> new AssertionError(Checks.dump(r)));
        assertAmount("5", f.getEvidence().get("budget"));
        assertAmount("7", f.getEvidence().get("spent"));
    }

    @Test
    void overallFundsSpentAboveBudgetIsReported() {
        Finding f = only(Checks.text(overallFunds("500", "500", "510", "102%")), OVER);
        assertEquals("资金总额", f.getEvidence().get("subject"));
        assertAmount("10", f.getEvidence().get("over"));
        assertEquals("510万元", f.getMessageArgs().get("spent"));
        assertEquals("500万元", f.getMessageArgs().get("budget"));
        assertEquals("10万元", f.getMessageArgs().get("over"));
    }

    @Test
    void narrativeSpendAboveBudgetIsReported() {
        String doc = narrative("2024年全年预算资金500万元，全年实际支出510万元，预算执行率102%。");
        Finding f = only(Checks.text(doc), OVER);
        assertAmount("510", f.getEvidence().get("spent"));
        assertNarrativeAt(f, lineOf(doc, "2024年全年预算资金"));
        SubmissionResult equal = Checks.text(narrative("2024年全年预算资金500万元，全年实际支出500万元，预算执行率100%。"));
        assertFalse(Checks.codes(equal).contains(OVER), () -> Checks.dump(equal));
    }

    // —— EXE_BUDGET_ADJUSTED ——

    @Test
    void fullYearBudgetQuarterAboveInitialBudgetIsReported() {
        String doc = replaceRow(Reports.complete(), FUNDS_ROW, new String[]{"", "年度资金总额", "400", "500", "490", "10", "98%", "9.8"});
        Finding f = only(Checks.text(doc), ADJUSTED);
        assertAmount("400", f.getEvidence().get("initialBudget"));
        assertAmount("500", f.getEvidence().get("budget"));
        assertAmount("0.25", f.getEvidence().get("change"));
        assertAmount("0.20", f.getEvidence().get("threshold"));
        assertEquals("EXE_BUDGET_ADJUSTED", f.getMessageKey());
        assertEquals("EXE_BUDGET_ADJUSTED.increase", ((Message) f.getMessageArgs().get("direction")).key());
        assertEquals("25%", f.getMessageArgs().get("change"));
        assertEquals("20%", f.getMessageArgs().get("threshold"));
        assertEquals("附件2 整体支出绩效自评表", f.getLocation().getTable());
    }

    @Test
    void budgetCutByMoreThanTheThresholdIsReported() {
        String doc = replaceRow(Reports.complete(), FUNDS_ROW, new String[]{"", "年度资金总额", "700", "500", "490", "10", "98%", "9.8"});
        Finding f = only(Checks.text(doc), ADJUSTED);
        assertEquals("EXE_BUDGET_ADJUSTED.decrease", ((Message) f.getMessageArgs().get("direction")).key());
        assertEquals("28.6%", f.getMessageArgs().get("change"));
    }

    @Test
    void projectBudgetAdjustmentNamesTheProject() {
        String doc = replaceRow(Reports.complete(), PROJECT_FUNDS_ROW, new String[]{"", "年度资金总额", "50", "70", "70", "10", "100%", "10"});
        Finding f = only(Checks.text(doc), ADJUSTED);
        assertEquals("EXE_BUDGET_ADJUSTED.project", f.getMessageKey());
        assertEquals("业务工作经费", f.getMessageArgs().get("project"));
        assertEquals("EXE_BUDGET_ADJUSTED.increase", ((Message) f.getMessageArgs().get("direction")).key());
        assertEquals("40%", f.getMessageArgs().get("change"));
        assertEquals("附件3 项目支出绩效自评表", f.getLocation().getTable());
    }

    @Test
    void budgetChangeJustUnderTheThresholdIsNotReported() {
        // 500 ÷ 417 − 1 = 19.9%.
        String doc = replaceRow(Reports.complete(), FUNDS_ROW, new String[]{"", "年度资金总额", "417", "500", "490", "10", "98%", "9.8"});
        SubmissionResult r = Checks.text(doc);
        assertFalse(Checks.codes(r).contains(ADJUSTED), () -> Checks.dump(r));
    }

    @Test
    void budgetChangeOfExactlyTheThresholdIsNotReported() {
        SubmissionResult r = Checks.text(overallFunds("500", "600", "600", "100%"));
        assertFalse(Checks.codes(r).contains(ADJUSTED), () -> Checks.dump(r));
        assertTrue(Checks.codes(Checks.text(overallFunds("500", "601", "601", "100%"))).contains(ADJUSTED));
    }

    @Test
    void narrativeInitialAndFullYearBudgetsAreCompared() {
        String doc = narrative("2024年年初预算400万元，全年预算500万元，全年实际支出490万元。");
        Finding f = only(Checks.text(doc), ADJUSTED);
        assertAmount("400", f.getEvidence().get("initialBudget"));
        assertNarrativeAt(f, lineOf(doc, "2024年年初预算"));
    }

    // —— helpers ——

    /** A short report with only the funds block of 附件2: 年初预算数, 全年预算数, 全年执行数, 执行率. */
    private static String overallFunds(String initial, String budget, String spent, String rate) {
        return narrative("2024年部门整体支出情况详见附件。") + "\n附件2\n2024年度部门整体支出绩效自评表\n" + TextTable.table()
                .row("年度预\n算申请\n（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")
                .row("", "年度资金总额", initial, budget, spent, "10", rate, "10");
    }
}
