package io.selfeval.generated;

import io.selfeval.api.SelfEval;
import io.selfeval.model.Finding;
import io.selfeval.model.Severity;
import io.selfeval.model.SubmissionResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The property the product stands on: a consistent report gets no ERROR, whatever its layout, wording and format.
 * 320 reports drawn from {@link ReportModel} and written by {@link ReportRenderer} in every {@link ReportFiles.Format};
 * a failure names the seed, format and styles so the case can be rebuilt.
 */
@Tag("slow") // a big generated corpus
class GeneratedReportsTest {
    static final int COUNT = 320;
    static SelfEval selfEval;

    @BeforeAll
    static void rules() throws Exception {
        // The real rules, compiled once for every test class that does not edit them.
        selfEval = SelfEval.builder().ruleBase(io.selfeval.testing.Checks.rules()).build();
    }

    static List<Finding> errors(SubmissionResult r) {
        return r.getFindings().stream().filter(f -> f.getSeverity() == Severity.ERROR).toList();
    }

    @Test
    void consistentReportsInEveryLayoutAndFormatGetNoError(@TempDir Path dir) throws Exception {
        ReportFiles.Format[] formats = ReportFiles.Format.values();
        List<String> failures = new ArrayList<>();
        Map<ReportFiles.Format, Integer> perFormat = new EnumMap<>(ReportFiles.Format.class);
        for (int i = 0; i < COUNT; i++) {
            long seed = 1000 + i;
            ReportFiles.Format format = formats[i % formats.length];
            ReportRenderer renderer = new ReportRenderer(ReportModel.random(seed), ReportRenderer.Fault.NONE);
            Path path = ReportFiles.write(renderer.render(), format, dir, "r" + i);
            SubmissionResult r = selfEval.check(path);
            perFormat.merge(format, 1, Integer::sum);
            List<Finding> errors = errors(r);
            if (!errors.isEmpty() || r.getError() != null) {
                StringBuilder sb = new StringBuilder(format + " " + renderer.describe() + (r.getError() != null ? " error " + r.getError() : ""));
                for (Finding f : errors) sb.append("\n    ").append(f.getCode()).append(' ').append(f.getMessage());
                failures.add(sb.toString());
            }
        }
        assertEquals(formats.length, perFormat.size());
        assertTrue(failures.isEmpty(), () -> failures.size() + " of " + COUNT + " consistent reports got ERRORs:\n" + String.join("\n", failures));
    }
}
