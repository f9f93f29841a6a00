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
}
