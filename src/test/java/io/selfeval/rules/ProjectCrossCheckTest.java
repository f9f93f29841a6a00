package io.selfeval.rules;

import io.selfeval.model.Finding;
import io.selfeval.model.SubmissionResult;
import io.selfeval.testing.Checks;
import io.selfeval.testing.Reports;
import org.junit.jupiter.api.Test;

import static io.selfeval.rules.MoneyRuleFixtures.assertAmount;
import static io.selfeval.rules.MoneyRuleFixtures.replaceRow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A project listed in the 基础数据表 and the same project's 项目支出绩效自评表 must give the same money. */
class ProjectCrossCheckTest {
    private static final String CROSS = "AMT_CROSS_MISMATCH";
    private static final String[] ROW = {"    1、业务工作经费", "60", "70", "70"};

    private static java.util.List<Finding> projectFindings(SubmissionResult r) {
        return Checks.findings(r, CROSS).stream().filter(f -> "业务工作经费".equals(f.getEvidence().get("project"))).toList();
    }

    @Test
    void theSameProjectWithTheSameMoneyInBothTablesIsNotReported() {
        SubmissionResult r = Checks.text(Reports.complete());
        assertTrue(projectFindings(r).isEmpty(), () -> Checks.dump(r));
    }

    @Test
    void aProjectWhoseSpendDiffersBetweenTheTablesIsReported() {
        String doc = replaceRow(Reports.complete(), ROW, new String[]{"    1、业务工作经费", "60", "70", "65"});
        java.util.List<Finding> found = projectFindings(Checks.text(doc));
        assertEquals(1, found.size(), () -> found.toString());
        assertAmount("65", found.get(0).getEvidence().get("first"));
        assertAmount("70", found.get(0).getEvidence().get("second"));
    }

    @Test
    void aBasicDataBudgetEqualToTheProjectsInitialBudgetIsNotReported() {
        String doc = Reports.complete().replace(io.selfeval.bench.TextTable.table().row("", "年度资金总额", "70", "70", "70", "10", "100%", "10").toString(),
                io.selfeval.bench.TextTable.table().row("", "年度资金总额", "60", "70", "70", "10", "100%", "10").toString());
        doc = replaceRow(doc, ROW, new String[]{"    1、业务工作经费", "50", "60", "70"});
        SubmissionResult r = Checks.text(doc);
        assertTrue(projectFindings(r).stream().noneMatch(f -> f.getEvidence().get("measure").equals("全年预算")), () -> Checks.dump(r));
    }
}
