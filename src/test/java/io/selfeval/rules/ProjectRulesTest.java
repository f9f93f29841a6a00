package io.selfeval.rules;

import io.selfeval.model.Finding;
import io.selfeval.model.SubmissionResult;
import io.selfeval.testing.Checks;
import io.selfeval.testing.Reports;
import io.selfeval.bench.TextTable;
import org.junit.jupiter.api.Test;

import static io.selfeval.rules.MoneyRuleFixtures.assertAmount;
import static io.selfeval.rules.MoneyRuleFixtures.lineOf;
import static io.selfeval.rules.MoneyRuleFixtures.only;
import static io.selfeval.rules.MoneyRuleFixtures.replaceRow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PRJ_OVER_CAP: a project's cost indicator above its cap, or its 全年执行数 above its 全年预算数 (附件3). */
class ProjectRulesTest {
    private static final String CAP = "PRJ_OVER_CAP";

    private static final String[] COST_ROW = {"", "", "成本指标", "支出不超过预算", "≤70万元", "70万元", "10", "10", ""};
    private static final String[] FUNDS_ROW = {"", "年度资金总额", "70", "70", "70", "10", "100%", "10"};

    @Test
    void costIndicatorAboveItsCapIsReported() {
        String[] row = {"", "", "成本指标", "支出不超过预算", "≤70万元", "80万元", "10", "8", "会议增加，超出预算"};
        String doc = replaceRow(Reports.complete(), COST_ROW, row);
        Finding f = only(Checks.text(doc), CAP);
        assertEquals("支出不超过预算", f.getEvidence().get("indicator"));
        assertAmount("70", f.getEvidence().get("cap"));
        assertAmount("80", f.getEvidence().get("value"));
        assertAmount("10", f.getEvidence().get("over"));
        assertTrue(f.getMessage().contains("业务工作经费") && f.getMessage().contains("≤70万元") && f.getMessage().contains("80万元"),
                f.getMessage());
        assertEquals("附件3 项目支出绩效自评表", f.getLocation().getTable());
        assertEquals("支出不超过预算", f.getLocation().getRow());
        assertEquals(lineOf(doc, TextTable.table().row(row).toString()), f.getLocation().getLine());
    }

    @Test
    void costIndicatorAtOrBelowItsCapIsNotReported() {
        for (String actual : new String[]{"70万元", "69.99万元"}) {
            String doc = replaceRow(Reports.complete(), COST_ROW,
                    new String[]{"", "", "成本指标", "支出不超过预算", "≤70万元", actual, "10", "10", ""});
            SubmissionResult r = Checks.text(doc);
            assertFalse(Checks.codes(r).contains(CAP), () -> actual + ":\n" + Checks.dump(r));
        }
    }

    @Test
    void costCapInTenThousandsComparesWithAnActualInYuan() {
        String within = replaceRow(Reports.complete(), COST_ROW,
                new String[]{"", "", "成本指标", "支出不超过预算", "≤70万元", "695,000元", "10", "10", ""});
        assertFalse(Checks.codes(Checks.text(within)).contains(CAP));
        String above = replaceRow(Reports.complete(), COST_ROW,
                new String[]{"", "", "成本指标", "支出不超过预算", "≤70万元", "800,000元", "10", "9", "超支"});
        assertTrue(Checks.codes(Checks.text(above)).contains(CAP));
    }

    @Test
    void costTargetWithoutOperatorIsACap() {
        String doc = replaceRow(Reports.complete(), COST_ROW,
                new String[]{"", "", "成本指标", "项目总成本", "70万元", "75万元", "10", "9", "会议增加"});
        Finding f = only(Checks.text(doc), CAP);
        assertAmount("5", f.getEvidence().get("over"));
    }

    @Test
    void projectSpentAboveItsBudgetIsReported() {
        String doc = replaceRow(Reports.complete(), FUNDS_ROW, new String[]{"", "年度资金总额", "70", "70", "75", "10", "107.14%", "10"});
        Finding f = only(Checks.text(doc), CAP);
        assertEquals("业务工作经费", f.getEvidence().get("project"));
        assertAmount("70", f.getEvidence().get("budget"));
        assertAmount("75", f.getEvidence().get("spent"));
        assertAmount("5", f.getEvidence().get("over"));
        assertTrue(f.getMessage().contains("全年执行数75万元超过全年预算数70万元"), f.getMessage());
        assertEquals("附件3 项目支出绩效自评表", f.getLocation().getTable());
        assertEquals("全年执行数", f.getLocation().getColumn());
    }

    @Test
    void projectSpentEqualToItsBudgetIsNotReported() {
        String doc = replaceRow(Reports.complete(), FUNDS_ROW, new String[]{"", "年度资金总额", "70", "70.00", "70.00", "10", "100%", "10"});
        SubmissionResult r = Checks.text(doc);
        assertFalse(Checks.codes(r).contains(CAP), () -> Checks.dump(r));
    }

    @Test
    void projectSpentWithinRoundingOfItsBudgetIsNotReported() {
        // 70 may stand for 70.4; a spend written as 70.4 is not certainly above it.
        String doc = replaceRow(Reports.complete(), FUNDS_ROW, new String[]{"", "年度资金总额", "70", "70", "70.4", "10", "100%", "10"});
        SubmissionResult r = Checks.text(doc);
        assertFalse(Checks.codes(r).contains(CAP), () -> Checks.dump(r));
    }

    @Test
    void seedShapedProjectWithCostAboveCapAndFundsBlockDisagreeing() {
        // Seed 000: funds block 80/80/80, cost indicator ≤80万元 but 90万元 spent.
        String doc = replaceRow(Reports.complete(), FUNDS_ROW, new String[]{"", "年度资金总额", "80", "80", "80", "10", "100%", "10"});
        doc = replaceRow(doc, new String[]{"", "其中：当年财政拨款", "70", "70", "70", "", "", ""},
                new String[]{"", "其中：当年财政拨款", "80", "80", "80", "", "", ""});
        doc = replaceRow(doc, COST_ROW, new String[]{"", "", "成本指标", "支出不超过预算", "≤80万元", "90万元", "10", "10", ""});
        SubmissionResult r = Checks.text(doc);
        Finding f = only(r, CAP);
        assertAmount("80", f.getEvidence().get("cap"));
        assertAmount("90", f.getEvidence().get("value"));
        assertTrue(Checks.findings(r, "AMT_CROSS_MISMATCH").stream()
                        .anyMatch(x -> x.getMessage().contains("支出不超过预算") && x.getMessage().contains("80万元")),
                () -> Checks.dump(r));
    }

    // ---- per-unit cost targets: performance targets, not caps on the project's money ----

    private static final String[] PROJECT_TOTAL = {"总分", "100", "100", ""};

    /** The project sheet's cost row replaced by a per-unit target, its score and reason given, the total following. */
    private static String perUnit(String name, String target, String actual, String score, String reason) {
        String doc = replaceRow(Reports.complete(), COST_ROW, new String[]{"", "", "成本指标", name, target, actual, "10", score, reason});
        String total = new java.math.BigDecimal("90").add(new java.math.BigDecimal(score)).stripTrailingZeros().toPlainString();
        return replaceRow(doc, PROJECT_TOTAL, new String[]{"总分", "100", total, ""});
    }

    private static boolean anyError(SubmissionResult r) {
        return r.getFindings().stream().anyMatch(f -> f.getSeverity() == io.selfeval.model.Severity.ERROR);
    }

    @Test
    void missedPerUnitCostTargetDeductedAndExplainedIsNoFinding() {
        for (String[] v : new String[][]{
                {"单次会议成本", "≤3000元", "3185元"},
                {"公务接待人均标准", "≦120元", "136元"},
                {"公务用车单车年运行成本", "≤25000元", "27574元"},
                {"会议服务成本", "≤120元/人", "136元/人"}}) {
            SubmissionResult r = Checks.text(perUnit(v[0], v[1], v[2], "8", "参会人数增加，单次成本超出目标，下年压缩会议规模"));
            assertFalse(anyError(r), () -> v[0] + ":\n" + Checks.dump(r));
            Checks.assertNone(r, CAP);
            Checks.assertNone(r, "SCR_DEVIATION_UNEXPLAINED");
        }
    }

    @Test
    void missedPerUnitCostTargetWithFullMarksIsAScoringFaultNotAnOverCap() {
        SubmissionResult r = Checks.text(perUnit("单次会议成本", "≤3000元", "3185元", "10", "会议增加"));
        Checks.assertNone(r, CAP);
        Finding f = only(r, "SCR_MISSED_FULL_SCORE");
        assertEquals("单次会议成本", f.getEvidence().get("indicator"));
        // A unit written per person in the target and plainly in the actual is still the same quantity.
        SubmissionResult perPerson = Checks.text(perUnit("公务接待成本", "≤120元/人", "136元", "10", "接待增加"));
        Checks.assertNone(perPerson, CAP);
        only(perPerson, "SCR_MISSED_FULL_SCORE");
    }

    @Test
    void missedPerUnitCostTargetDeductedWithoutReasonIsUnexplained() {
        SubmissionResult r = Checks.text(perUnit("公务接待人均标准", "≤120元", "141元", "8", ""));
        Checks.assertNone(r, CAP);
        Finding f = only(r, "SCR_DEVIATION_UNEXPLAINED");
        assertEquals("公务接待人均标准", f.getEvidence().get("indicator"));
        assertFalse(anyError(r), () -> Checks.dump(r));
    }

    @Test
    void perUnitWordsAreARuleParameter(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path rules = io.selfeval.testing.RuleFolders.copy(tmp, "rules");
        String words = io.selfeval.testing.XlsxTables.get(rules.resolve("parameters.drl.xlsx"), "参数", "参数名", "词表.单位成本用语", "参数值");
        assertTrue(words.contains("单次"), words);
        io.selfeval.testing.XlsxTables.set(rules.resolve("parameters.drl.xlsx"), "参数", "参数名", "词表.单位成本用语", "参数值",
                words.replace("单次,", ""));
        String doc = perUnit("单次会议成本", "≤3000元", "3185元", "8", "参会人数增加");
        assertFalse(Checks.codes(Checks.text(doc)).contains(CAP));
        assertTrue(Checks.codes(Checks.text(doc, RuleBase.load(rules))).contains(CAP),
                "without 单次 in the list the target reads as a cap again");
    }

    @Test
    void aMissedCostTargetOfTheWholeDepartmentIsNoProjectCap() {
        String[] overallCost = {"", "", "成本指标", "支出不超过预算", "≤500万元", "490万元", "10", "10", "无偏差"};
        String[] total = {"总分", "100", "98.8", ""};
        String doc = replaceRow(Reports.complete(), overallCost,
                new String[]{"", "", "成本指标", "三公经费支出", "≤10万元", "12万元", "10", "8", "公务接待增加，下年压缩接待规模"});
        doc = replaceRow(doc, total, new String[]{"总分", "100", "96.8", ""});
        doc = doc.replace("98.8分", "96.8分");
        SubmissionResult r = Checks.text(doc);
        Checks.assertNone(r, CAP);
        // The project sheet's cap of its own money is still checked.
        String project = replaceRow(Reports.complete(), COST_ROW,
                new String[]{"", "", "成本指标", "支出不超过预算", "≤70万元", "80万元", "10", "9", "超支"});
        assertTrue(Checks.codes(Checks.text(project)).contains(CAP));
    }
}
