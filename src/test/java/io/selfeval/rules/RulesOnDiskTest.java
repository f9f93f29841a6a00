package io.selfeval.rules;

import io.selfeval.testing.RuleFolders;
import io.selfeval.model.Finding;
import io.selfeval.model.Severity;
import io.selfeval.model.SubmissionResult;
import io.selfeval.check.Checker;
import io.selfeval.testing.Checks;
import io.selfeval.testing.XlsxTables;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules are data on disk: a copy of rules/ with one threshold, one severity or one broken line changed behaves
 * accordingly when loaded, without recompiling Java. The real rules/ folder is never touched.
 * (Exit code 2 of the CLI for a broken rule file is MainTest's; here the exception itself is checked.)
 */
@Tag("slow") // copies and recompiles rules/
class RulesOnDiskTest {
    private static final Path SEED_004 = seed("004_");
    private static final Path SEED_002 = seed("002_");

    @TempDir
    Path tmp;

    /** Replaces text that must be present in the copied file, exactly once. */
    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertEquals(1, text.split(java.util.regex.Pattern.quote(from), -1).length - 1,
                () -> file.getFileName() + " should hold once: " + from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    private static SubmissionResult check(RuleBase rules, Path file) {
        return new Checker(rules).check(file);
    }

    private static Path seed(String prefix) {
        try (Stream<Path> s = Files.list(Path.of("fixtures/seeds"))) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String PARAMETERS = "parameters.drl.xlsx";

    /** Sets the 参数值 of one parameter in the copied folder's parameters table, as staff would in Excel. */
    private static String setParameter(Path rules, String name, String value) {
        return XlsxTables.set(rules.resolve(PARAMETERS), "参数", "参数名", name, "参数值", value);
    }

    // ---- a threshold in the parameters table ----

    @Test
    void budgetAdjustmentThresholdIsReadFromTheParametersFile() throws Exception {
        // Seed 004: 年初预算 1070 → 全年预算 1538, +43.7%. Seed 002: 基本支出 454.99 → 561.09, +23.3%.
        Path original = RuleFolders.copy(tmp, "original");
        RuleBase base = RuleBase.load(original);
        List<Finding> at20 = Checks.findings(check(base, SEED_004), "EXE_BUDGET_ADJUSTED");
        assertEquals(1, at20.size());
        assertEquals(0, new BigDecimal("0.20").compareTo((BigDecimal) at20.get(0).getEvidence().get("threshold")));
        assertEquals(1, Checks.findings(check(base, SEED_002), "EXE_BUDGET_ADJUSTED").size());

        Path at50 = RuleFolders.copy(tmp, "at50");
        setParameter(at50, "预算调整阈值", "0.50");
        RuleBase raised = RuleBase.load(at50);
        assertTrue(Checks.findings(check(raised, SEED_004), "EXE_BUDGET_ADJUSTED").isEmpty(),
                () -> Checks.dump(check(raised, SEED_004)));
        assertTrue(Checks.findings(check(raised, SEED_002), "EXE_BUDGET_ADJUSTED").isEmpty());

        // Between the two changes: 43.7% is still above 40%, 23.3% no longer is.
        Path at40 = RuleFolders.copy(tmp, "at40");
        setParameter(at40, "预算调整阈值", "0.40");
        RuleBase between = RuleBase.load(at40);
        List<Finding> still = Checks.findings(check(between, SEED_004), "EXE_BUDGET_ADJUSTED");
        assertEquals(1, still.size());
        assertEquals("40%", still.get(0).getMessageArgs().get("threshold"), still.get(0).getMessage());
        assertTrue(Checks.findings(check(between, SEED_002), "EXE_BUDGET_ADJUSTED").isEmpty());

        // Loading the original folder again brings the finding back: nothing is cached between loads.
        assertEquals(1, Checks.findings(check(RuleBase.load(original), SEED_004), "EXE_BUDGET_ADJUSTED").size());
        assertNotEquals(base.fingerprint(), raised.fingerprint(), "a changed parameter changes the fingerprint");
    }

    // ---- a severity in a .drl file ----

    @Test
    void severityIsReadFromTheRuleFile() throws Exception {
        Path rules = RuleFolders.copy(tmp, "severity");
        edit(rules.resolve("meta.drl"), "@code(META_STAFF_RATE) @severity(ERROR)", "@code(META_STAFF_RATE) @severity(WARNING)");
        SubmissionResult before = check(Checks.rules(), SEED_004);
        SubmissionResult after = check(RuleBase.load(rules), SEED_004);

        Finding was = Checks.findings(before, "META_STAFF_RATE").get(0);
        List<Finding> now = Checks.findings(after, "META_STAFF_RATE");
        assertEquals(Severity.ERROR, was.getSeverity());
        assertEquals(1, now.size());
        assertEquals(Severity.WARNING, now.get(0).getSeverity());
        assertEquals(was.getEvidence(), now.get(0).getEvidence(), "only the severity changed");
        assertEquals(before.count(Severity.ERROR) - 1, after.count(Severity.ERROR));
        assertEquals(before.count(Severity.WARNING) + 1, after.count(Severity.WARNING));
        // Named from the rules folder down, never by where that folder lives on the machine.
        assertEquals(rules.getFileName() + "/meta.drl", now.get(0).getRuleFile());
        assertEquals("rules/meta.drl", was.getRuleFile());
    }

    // ---- a rule file that does not compile ----

    @Test
    void syntaxErrorNamesTheFileAndTheLine() throws IOException {
        Path rules = RuleFolders.copy(tmp, "syntax");
        Path drl = rules.resolve("completeness.drl");
        int line = appendLine(drl, "rule \"残缺规则\" when Attachment( then end");
        RuleCompileException e = assertThrows(RuleCompileException.class, () -> RuleBase.load(rules));
        assertNamesFileAndLine(e, "completeness.drl", line);
    }

    @Test
    void unknownFactTypeNamesTheFileAndTheLine() throws IOException {
        Path rules = RuleFolders.copy(tmp, "unknown-type");
        Path drl = rules.resolve("meta.drl");
        int line = appendLine(drl, "rule \"未知事实\" @code(META_TEST) when NoSuchFact() then end");
        RuleCompileException e = assertThrows(RuleCompileException.class, () -> RuleBase.load(rules));
        assertNamesFileAndLine(e, "meta.drl", line);
        assertTrue(e.getMessage().contains("NoSuchFact"), e.getMessage());
    }

    @Test
    void nonNumericParameterNamesTheFileTheSheetAndTheCell() throws IOException {
        Path rules = RuleFolders.copy(tmp, "bad-parameter");
        String cell = setParameter(rules, "预算调整阈值", "百分之二十");
        RuleCompileException e = assertThrows(RuleCompileException.class, () -> RuleBase.load(rules));
        assertEquals(1, e.getProblems().size(), e::getMessage);
        String p = e.getProblems().get(0);
        assertTrue(p.contains(PARAMETERS + " 参数!" + cell + "："), p);
        assertTrue(p.contains("预算调整阈值") && p.contains("百分之二十") && p.contains("不是数字"), p);
    }

    /** Appends one line at the end of the file and returns its line number (1-based). */
    private static int appendLine(Path file, String text) throws IOException {
        String content = Files.readString(file, StandardCharsets.UTF_8);
        if (!content.endsWith("\n")) content += "\n";
        int line = (int) content.chars().filter(c -> c == '\n').count() + 1;
        Files.writeString(file, content + text + "\n", StandardCharsets.UTF_8);
        return line;
    }

    private static void assertNamesFileAndLine(RuleCompileException e, String file, int line) {
        assertTrue(!e.getProblems().isEmpty(), "at least one problem");
        String expected = file + " 第" + line + "行";
        assertTrue(e.getProblems().stream().anyMatch(p -> p.contains(expected)),
                () -> "expected a problem naming \"" + expected + "\":\n" + e.getMessage());
        assertTrue(e.getProblems().stream().allMatch(p -> p.contains(file)),
                () -> "every problem is in " + file + ":\n" + e.getMessage());
    }
}
