package io.selfeval.testing;

import io.selfeval.model.Severity;
import io.selfeval.model.SubmissionResult;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The base report the per-code tests break must itself be clean, or their near-miss tests prove nothing. */
class ReportsTest {
    @Test
    void completeConsistentReportHasNoFinding() {
        SubmissionResult r = Checks.text(Reports.complete());
        assertEquals("测试县人民政府办公室", r.getUnit());
        assertEquals(2024, r.getYear());
        assertTrue(r.getFindings().isEmpty(), () -> "expected no findings, got:\n" + Checks.dump(r));
        assertEquals(0, r.count(Severity.ERROR));
    }
}
