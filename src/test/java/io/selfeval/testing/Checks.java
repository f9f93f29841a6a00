package io.selfeval.testing;

import io.selfeval.check.Checker;
import io.selfeval.model.Finding;
import io.selfeval.model.SubmissionResult;
import io.selfeval.rules.RuleBase;
import io.selfeval.rules.RuleCache;
import io.selfeval.rules.RuleCompileException;
import io.selfeval.rules.RulesSnapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Runs the real rules in rules/ over a small hand-written report, the way the CLI does: the text is written to a
 * temporary .txt file and checked with {@link Checker}. The rule base is compiled once per test JVM and shared by
 * every test that does not edit rules ({@link #rules()}, and the command line's through {@link #sharedOr}).
 */
public final class Checks {
    private static final Path RULES = Path.of("rules");
    private static RuleBase shared;

    private Checks() {
    }

    public static synchronized RuleBase rules() {
        if (shared == null) {
            try {
                shared = RuleBase.load(RULES);
            } catch (RuleCompileException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        return shared;
    }

    /**
     * The shared rule base when {@code snapshot} is the project's rules/ folder as it was compiled (the same folder,
     * the same fingerprint); anything else, such as a copy a test edited, is compiled on its own. For code that
     * compiles a folder it was given (the command line), so its tests need not compile rules/ again.
     */
    public static RuleBase sharedOr(RulesSnapshot snapshot, RuleCache cache) throws RuleCompileException {
        if (snapshot.dir().toAbsolutePath().normalize().equals(RULES.toAbsolutePath().normalize())
                && snapshot.fingerprint().equals(rules().fingerprint())) {
            return rules();
        }
        return RuleBase.load(snapshot, cache);
    }

    /** Checks a report given as text (seed format: paragraphs, and tables as tab-indented cells). */
    public static SubmissionResult text(String report) {
        return text(report, rules());
    }

    public static SubmissionResult text(String report, RuleBase rules) {
        try {
            Path file = Files.createTempFile("selfeval-test", ".txt");
            try {
                Files.writeString(file, report, StandardCharsets.UTF_8);
                return new Checker(rules).check(file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SubmissionResult file(Path file) {
        return new Checker(rules()).check(file);
    }

    public static Set<String> codes(SubmissionResult r) {
        return r.getFindings().stream().map(Finding::getCode).collect(Collectors.toCollection(TreeSet::new));
    }

    public static List<Finding> findings(SubmissionResult r, String code) {
        return r.getFindings().stream().filter(f -> f.getCode().equals(code)).toList();
    }

    /** All findings, one per line, for assertion messages. */
    public static String dump(SubmissionResult r) {
        return r.getFindings().stream().map(f -> f.getSeverity() + " " + f.getCode() + " " + f.getMessage())
                .collect(Collectors.joining("\n"));
    }

    /** The one finding with this code; fails (showing all findings) when there is none or more than one. */
    public static Finding single(SubmissionResult r, String code) {
        List<Finding> found = findings(r, code);
        org.junit.jupiter.api.Assertions.assertEquals(1, found.size(), () -> "one " + code + " expected:\n" + dump(r));
        return found.get(0);
    }

    /** Fails (showing all findings) when the code was reported. */
    public static void assertNone(SubmissionResult r, String code) {
        org.junit.jupiter.api.Assertions.assertTrue(findings(r, code).isEmpty(), () -> "no " + code + " expected:\n" + dump(r));
    }

    /** Numbers compared by value: "90" equals 90.00 (evidence holds BigDecimals as written). */
    public static void assertNum(String expected, Object actual) {
        org.junit.jupiter.api.Assertions.assertEquals(0, new java.math.BigDecimal(expected).compareTo(new java.math.BigDecimal(String.valueOf(actual))),
                () -> "expected " + expected + ", got " + actual);
    }
}
