package io.selfeval.generated;

import io.selfeval.generated.ReportRenderer.Fault;
import io.selfeval.model.Finding;
import io.selfeval.model.SubmissionResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The other half of the property: each code's fault, injected into generated reports of every format and many
 * layouts, is found, and it brings no ERROR of an unrelated code (the few codes the same fault rightly implies are
 * allowed).
 */
@Tag("slow") // a big generated corpus, every format
class InjectedFaultsTest {
    private static final int PER_FAULT = 10;

    /** ERROR codes a fault may bring besides its own: the same wrong number seen from another place. */
    private static Set<String> alsoAllowed(Fault fault) {
        return switch (fault) {
            case AMT_SUM_MISMATCH, AMT_PART_EXCEEDS_TOTAL -> Set.of("AMT_SUM_MISMATCH", "AMT_PART_EXCEEDS_TOTAL", "AMT_CROSS_MISMATCH");
            case AMT_CROSS_MISMATCH -> Set.of("AMT_SUM_MISMATCH");
            case EXE_RATE_MISMATCH -> Set.of("AMT_CROSS_MISMATCH", "SCR_RATE_SCORE");
            case PRJ_OVER_CAP -> Set.of("SCR_RATE_SCORE");
            case SCR_WEIGHT_SUM, SCR_EXCEEDS_WEIGHT -> Set.of("SCR_WEIGHT_SUM", "SCR_EXCEEDS_WEIGHT", "SCR_SUM_MISMATCH", "SCR_GRADE_MISMATCH");
            case SCR_SUM_MISMATCH, SCR_NARRATIVE_MISMATCH -> Set.of("SCR_GRADE_MISMATCH");
            case SCR_DEVIATION_UNEXPLAINED, SCR_MISSED_FULL_SCORE -> Set.of("SCR_MISSED_FULL_SCORE");
            default -> Set.of();
        };
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void eachInjectedFaultIsFoundInEveryFormat(Fault fault, @TempDir Path dir) throws Exception {
        if (GeneratedReportsTest.selfEval == null) GeneratedReportsTest.rules();
        // Flattened forms are not rebuilt (only their presence is known), so faults inside them are not looked for.
        ReportFiles.Format[] formats = java.util.Arrays.stream(ReportFiles.Format.values())
                .filter(f -> f != ReportFiles.Format.TXT_FLATTENED).toArray(ReportFiles.Format[]::new);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < PER_FAULT; i++) {
            long seed = 50_000 + fault.ordinal() * 100L + i;
            ReportFiles.Format format = formats[i % formats.length];
            ReportRenderer renderer = new ReportRenderer(ReportModel.random(seed), fault);
            Path path = ReportFiles.write(renderer.render(), format, dir, "r" + i);
            SubmissionResult r = GeneratedReportsTest.selfEval.check(path);
            boolean found = r.getFindings().stream().anyMatch(f -> f.getCode().equals(fault.name()));
            List<Finding> stray = GeneratedReportsTest.errors(r).stream()
                    .filter(f -> !f.getCode().equals(fault.name()) && !alsoAllowed(fault).contains(f.getCode())).toList();
            if (!found || !stray.isEmpty()) {
                StringBuilder sb = new StringBuilder(format + " " + renderer.describe() + (found ? "" : " — not found"));
                for (Finding f : stray) sb.append("\n    unrelated ").append(f.getCode()).append(' ').append(f.getMessage());
                failures.add(sb.toString());
            }
        }
        assertTrue(failures.isEmpty(), () -> fault + ": " + failures.size() + " of " + PER_FAULT + " cases wrong:\n" + String.join("\n", failures));
    }
}
