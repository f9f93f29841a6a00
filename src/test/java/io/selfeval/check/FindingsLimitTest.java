package io.selfeval.check;

import io.selfeval.model.Finding;
import io.selfeval.model.Location;
import io.selfeval.model.Severity;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A damaged file's thousands of findings are listed up to a limit, and one more finding says how many were found. */
class FindingsLimitTest {
    @Test
    void beyondTheLimitTheMostSeriousAreListedAndTheRestCounted() {
        List<Finding> many = new ArrayList<>();
        for (int i = 0; i < SubmissionCheck.MAX_FINDINGS + 250; i++) many.add(finding(i < 10 ? Severity.ERROR : Severity.WARNING));
        List<Finding> listed = SubmissionCheck.atMost(SubmissionCheck.MAX_FINDINGS, many);
        assertEquals(SubmissionCheck.MAX_FINDINGS + 1, listed.size());
        assertEquals(many.subList(0, SubmissionCheck.MAX_FINDINGS), listed.subList(0, SubmissionCheck.MAX_FINDINGS));
        Finding last = listed.get(SubmissionCheck.MAX_FINDINGS);
        assertEquals("PARSE_TRUNCATED", last.getCode());
        assertEquals(Severity.INFO, last.getSeverity());
        assertEquals(SubmissionCheck.MAX_FINDINGS + 250, last.getEvidence().get("found"));
        assertTrue(last.getMessage().contains("共750条"), last.getMessage());
    }

    @Test
    void withinTheLimitNothingChanges() {
        List<Finding> few = List.of(finding(Severity.ERROR), finding(Severity.WARNING));
        assertSame(few, SubmissionCheck.atMost(SubmissionCheck.MAX_FINDINGS, few));
    }

    private static Finding finding(Severity s) {
        return new Finding("AMT_SUM_MISMATCH", s, "r", "amounts.drl", "合计与分项之和不符",
                new Location("file", null, null, null, null, null, null), Map.of(), null);
    }
}
