package io.selfeval.cli;

import io.selfeval.testing.RuleFolders;
import io.selfeval.check.RuleTests;
import io.selfeval.rules.RuleBase;
import io.selfeval.testing.DeductionTable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code rules test}: the shipped cases under rules/tests pass; a deliberately broken rule in a copy of rules/ makes
 * the case that depends on it fail (exit 1, the case named); a broken case table is exit 2.
 */
@Tag("slow") // copies and recompiles rules/
class RulesTestCommandTest {
    private static final Pattern SUMMARY = Pattern.compile("(?m)^通过(\\d+)个，失败(\\d+)个$");

    @TempDir
    Path tmp;

    /** A copy of the whole rules folder, tests/ included. */
    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertEquals(1, text.split(Pattern.quote(from), -1).length - 1, () -> file + " should hold once: " + from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    @Test
    void shippedCasesPass() {
        CliRun run = CliRun.of("rules", "test");
        assertEquals(0, run.exit(), run::toString);
        Matcher m = SUMMARY.matcher(run.out());
        assertTrue(m.find(), run::toString);
        assertTrue(Integer.parseInt(m.group(1)) >= 60, run::toString);
        assertEquals("0", m.group(2), run::toString);
        assertTrue(run.out().contains("  通过  问题仅归因于经费不足：触发"), run::toString);
        assertFalse(run.out().contains("失败  "), run::toString);
        assertTrue(run.out().strip().endsWith(m.group(0)), "the summary line comes last: " + run);
        assertFalse(run.out().contains("passed"), "one summary line, in Chinese: " + run);
    }

    @Test
    void brokenRuleInACopyFailsTheCaseThatNeedsIt() throws IOException {
        Path rules = RuleFolders.copy(tmp, "rules-copy");
        // The problems-only-funding rule can no longer fire.
        edit(rules.resolve("objectivity.drl"), "eval(Objectivity.onlyAbout($s.getPoints(), params.list(\"词表.经费不足用语\")))",
                "eval(false && Objectivity.onlyAbout($s.getPoints(), params.list(\"词表.经费不足用语\")))");
        CliRun run = CliRun.of("rules", "test", "--rules", rules.toString());
        assertEquals(1, run.exit(), run::toString);
        assertTrue(run.out().contains("  失败  问题仅归因于经费不足：触发"), run::toString);
        assertTrue(run.out().contains("应出现 OBJ_PROBLEMS_ONLY_FUNDING，但没有出现"), run::toString);
        Matcher m = SUMMARY.matcher(run.out());
        assertTrue(m.find(), run::toString);
        assertEquals("1", m.group(2), "only the case that needs the rule fails: " + run);
    }

    @Test
    void aFindingOnAnotherLineThanExpectedFailsTheCase() throws IOException {
        Path rules = RuleFolders.copy(tmp, "rules-copy");
        edit(rules.resolve("tests/cases.csv"), "AMT_SUM_MISMATCH@5,", "AMT_SUM_MISMATCH@6,");
        CliRun run = CliRun.of("rules", "test", "--rules", rules.toString());
        assertEquals(1, run.exit(), run::toString);
        assertTrue(run.out().contains("  失败  合计与分项之和不符：触发"), run::toString);
        assertTrue(run.out().contains("应在第6行出现 AMT_SUM_MISMATCH，但出现在第5行"), run::toString);
    }

    @Test
    void changedDeductionFailsTheCaseThatExpectsTheScore() throws IOException {
        Path rules = RuleFolders.copy(tmp, "rules-copy");
        DeductionTable.setPoints(rules, "CMP_MISSING_SELF_SCORE", "3");
        CliRun run = CliRun.of("rules", "test", "--rules", rules.toString());
        assertEquals(1, run.exit(), run::toString);
        assertTrue(run.out().contains("考核得分应为 87，实为 86"), run::toString);
    }

    @Test
    void unexpectedCodeIsNamedWithItsMessage() throws IOException {
        Path rules = RuleFolders.copy(tmp, "rules-copy");
        // A rule that wrongly calls every measures part too brief.
        Files.writeString(rules.resolve("zz-broken.drl"), """
                package selfeval.broken;
                import io.selfeval.model.*;
                import io.selfeval.rules.Message;
                global io.selfeval.rules.FindingCollector findings;
                global io.selfeval.rules.RuleParameters params;

                rule "措施总是过于简单"
                    @code(OBJ_TOO_BRIEF) @severity(WARNING)
                when
                    $s : Section(title.contains("改进措施"))
                then
                    findings.report(kcontext, $s.getLocation(), Message.of("OBJ_TOO_BRIEF.test"));
                end
                """, StandardCharsets.UTF_8);
        Files.writeString(rules.resolve("messages.properties"), "OBJ_TOO_BRIEF.test = 测试：措施过于简单\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        CliRun run = CliRun.of("rules", "test", "--rules", rules.toString());
        assertEquals(1, run.exit(), run::toString);
        assertTrue(run.out().contains("  失败  问题或措施过于简单：不触发"), run::toString);
        assertTrue(run.out().contains("不应出现 OBJ_TOO_BRIEF，但出现了：测试：措施过于简单"), run::toString);
        assertTrue(run.out().contains("  通过  预算执行率计算错误：触发"), "cases that do not depend on it still pass: " + run);
    }

    @Test
    void missingInputFileIsABadCaseTable() throws IOException {
        Path rules = RuleFolders.copy(tmp, "rules-copy");
        Files.writeString(rules.resolve("tests/more.csv"), "\uFEFF用例名称,输入文件,必须出现,不得出现,考核得分\n"
                + "没有的文件,报告/不存在.txt,CMP_MISSING_SECTION,,\n", StandardCharsets.UTF_8);
        CliRun run = CliRun.of("rules", "test", "--rules", rules.toString());
        assertEquals(2, run.exit(), run::toString);
        assertTrue(run.err().contains("more.csv 第2行（没有的文件）：输入文件“报告/不存在.txt”不存在"), run::toString);
    }

    @Test
    void badCodeScoreAndHeaderAreEachReportedWithTheirLine() throws IOException {
        Path rules = RuleFolders.copy(tmp, "rules-copy");
        Files.writeString(rules.resolve("tests/cases.csv"), "用例名称,输入文件,必须出现,不得出现,考核得分\n"
                + "坏代码,报告/完整报告.txt,缺少附表,,\n"
                + "坏得分,报告/完整报告.txt,,CMP_BLANK_CELL,九十\n", StandardCharsets.UTF_8);
        Files.writeString(rules.resolve("tests/other.csv"), "名称,文件\n", StandardCharsets.UTF_8);
        CliRun run = CliRun.of("rules", "test", "--rules", rules.toString());
        assertEquals(2, run.exit(), run::toString);
        assertTrue(run.err().contains("cases.csv 第2行（坏代码）的“必须出现”：“缺少附表”不是问题代码"), run::toString);
        assertTrue(run.err().contains("cases.csv 第3行（坏得分）：“考核得分”应为数字，实为“九十”"), run::toString);
        assertTrue(run.err().contains("other.csv 第1行：表头缺少列"), run::toString);
        assertTrue(run.out().isEmpty(), run::toString);
    }

    @Test
    void noTestsFolderIsExit2AndBrokenRulesAreExit2() throws IOException {
        Path rules = RulesFixture.copyOfRealRules(tmp); // top-level files only: no tests/ folder
        CliRun none = CliRun.of("rules", "test", "--rules", rules.toString());
        assertEquals(2, none.exit(), none::toString);
        assertTrue(none.err().contains("测试用例文件夹"), none::toString);

        Path copy = RuleFolders.copy(tmp, "rules-copy");
        Files.writeString(copy.resolve("objectivity.drl"), "rule \"坏\" when then", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        CliRun bad = CliRun.of("rules", "test", "--rules", copy.toString());
        assertEquals(2, bad.exit(), bad::toString);
        assertTrue(bad.err().contains("objectivity.drl"), bad::toString);
    }

    @Test
    void gbkTableFromExcelIsRead() throws IOException {
        Path rules = RuleFolders.copy(tmp, "rules-copy");
        Files.delete(rules.resolve("tests/cases.csv"));
        Files.write(rules.resolve("tests/cases.csv"), ("用例名称,输入文件,必须出现,不得出现,考核得分\n"
                + "完整报告,报告/完整报告.txt,,\"CMP_BLANK_CELL, OBJ_TOO_BRIEF\",100\n").getBytes("GB18030"));
        CliRun run = CliRun.of("rules", "test", "--rules", rules.toString());
        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.out().contains("  通过  完整报告"), run::toString);
        assertTrue(run.out().contains("通过1个，失败0个"), run::toString);
    }

    @Test
    void junitFormatIsOneSuiteWithAFailurePerFailedCase() throws Exception {
        Path rules = RuleFolders.copy(tmp, "rules-junit");
        Files.delete(rules.resolve("tests/cases.csv"));
        Files.writeString(rules.resolve("tests/cases.csv"), "用例名称,输入文件,必须出现,不得出现,考核得分\n"
                + "完整报告,报告/完整报告.txt,,OBJ_TOO_BRIEF,100\n"
                + "应报执行率,报告/完整报告.txt,EXE_RATE_MISMATCH,,\n", java.nio.charset.StandardCharsets.UTF_8);
        CliRun run = CliRun.of("rules", "test", "--rules", rules.toString(), "--format", "junit");
        assertEquals(1, run.exit(), run::toString);
        org.w3c.dom.Document xml = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(run.out().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        org.w3c.dom.Element suite = (org.w3c.dom.Element) xml.getDocumentElement().getElementsByTagName("testsuite").item(0);
        assertEquals("2", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        org.w3c.dom.NodeList cases = suite.getElementsByTagName("testcase");
        assertEquals("完整报告", ((org.w3c.dom.Element) cases.item(0)).getAttribute("name"));
        assertEquals(0, ((org.w3c.dom.Element) cases.item(0)).getElementsByTagName("failure").getLength());
        org.w3c.dom.Element failure = (org.w3c.dom.Element) ((org.w3c.dom.Element) cases.item(1)).getElementsByTagName("failure").item(0);
        assertTrue(failure.getAttribute("message").contains("EXE_RATE_MISMATCH"), run::toString);
        assertEquals(2, CliRun.of("rules", "test", "--rules", rules.toString(), "--format", "tap").exit());
    }

    /** Every code a rule reports has a case where it must appear and a near miss of its own where it must not. */
    @Test
    void everyCodeOfTheRulesHasAFiringAndANearMissCase() throws Exception {
        RuleBase rules = io.selfeval.testing.Checks.rules();
        List<RuleTests.Case> cases = RuleTests.load(RuleTests.tables(RulesFixture.REAL_RULES));
        Set<String> codes = rules.catalog().stream().map(RuleBase.RuleInfo::code).filter(java.util.Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(codes.contains("OBJ_TOO_BRIEF") && codes.size() >= 30, codes::toString);
        for (String code : codes) {
            assertTrue(cases.stream().anyMatch(c -> c.mustAppear().contains(code)), "no firing case for " + code);
            assertTrue(cases.stream().anyMatch(c -> c.mustNotAppear().equals(Set.of(code)) && c.mustAppear().isEmpty()),
                    "no near-miss case for " + code);
        }
    }
}
