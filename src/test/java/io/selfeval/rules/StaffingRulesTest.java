package io.selfeval.rules;

import io.selfeval.model.Finding;
import io.selfeval.model.SubmissionResult;
import io.selfeval.testing.Checks;
import io.selfeval.testing.Reports;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Head counts stated in the narrative are compared with the 基础数据表's 编制数 and 实际在职人数. */
class StaffingRulesTest {
    private static String withStaffing(String sentence) {
        return Reports.complete().replace("测试县人民政府办公室（以下简称县政府办）是县政府的办事机构。",
                "测试县人民政府办公室（以下简称县政府办）是县政府的办事机构。\n" + sentence);
    }

    @Test
    void narrativeHeadCountDifferingFromTheBasicDataTableIsReported() {
        SubmissionResult r = Checks.text(withStaffing("2024年末共有编制50人，其中行政编制30人，年末实有在职人员46人。"));
        List<Finding> cross = Checks.findings(r, "AMT_CROSS_MISMATCH");
        assertEquals(1, cross.size(), () -> Checks.dump(r));
        Finding f = cross.get(0);
        assertEquals("在职人数在正文第4行为46人，在附件1 基础数据表为45人，前后不一致（相差1人）", f.getMessage());
        assertEquals(new java.math.BigDecimal("46"), f.getEvidence().get("first"));
    }

    @Test
    void narrativeHeadCountsAgreeingWithTheTableAreSilent() {
        // 行政编制30人 is a part of the 50, not another statement of the quota.
        SubmissionResult r = Checks.text(withStaffing("2024年末共有编制50人，其中行政编制30人，年末实有在职人员45人。"));
        assertTrue(r.getFindings().isEmpty(), () -> Checks.dump(r));
    }
}
