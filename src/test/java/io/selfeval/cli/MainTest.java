package io.selfeval.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.selfeval.testing.XlsxTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {
    private static final String SEEDS = "fixtures/seeds";
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @TempDir
    Path tmp;

    // ---- rules that do not compile ----

    @Test
    void brokenRuleFileStopsWithExit2AndNamesFileAndLine() throws IOException {
        Path rules = RulesFixture.copyOfRealRules(tmp);
        Path drl = RulesFixture.drlFiles(rules).get(0);
        Files.writeString(drl, Files.readString(drl, StandardCharsets.UTF_8) + "\nrule \"broken\" when Foo( then end\n",
                StandardCharsets.UTF_8);

        for (String[] args : List.of(
                new String[]{"check", SEEDS, "--format", "json", "--rules", rules.toString()},
                new String[]{"rules", "verify", "--rules", rules.toString()})) {
            CliRun r = CliRun.of(args);
            assertEquals(2, r.exit(), r::toString);
            assertTrue(r.err().contains("规则编译失败"), r::toString);
            assertTrue(r.err().contains(drl.getFileName().toString()), r::toString);
            assertTrue(r.err().contains("行"), r::toString);
            assertNoStackTrace(r);
            assertEquals("", r.out(), "nothing on stdout when the rules do not compile");
        }
    }

    @Test
    void rulesFolderThatDoesNotExistIsAUsageError() {
        CliRun r = CliRun.of("check", SEEDS, "--rules", tmp.resolve("no-such-rules").toString());
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("规则目录"), r::toString);
        assertNoStackTrace(r);
    }

    // ---- inputs ----

    @Test
    void missingPathIsReportedAsUnreadableAndExits3() throws IOException {
        Path rules = RulesFixture.REAL_RULES;
        String missing = tmp.resolve("没有这个文件.txt").toString();
        CliRun r = CliRun.of("check", missing, "--format", "json", "--rules", rules.toString());
        assertEquals(3, r.exit(), r::toString);

        JsonNode doc = JSON.readTree(r.out());
        assertEquals(1, doc.get("submissions").size());
        JsonNode sub = doc.get("submissions").get(0);
        assertEquals(missing, sub.get("file").asText());
        assertTrue(sub.get("error").isTextual() && !sub.get("error").asText().isBlank(), sub::toString);
        assertTrue(codes(sub).contains("PARSE_UNREADABLE"), sub::toString);
        assertEquals(1, doc.get("summary").get("unreadable").asInt());
        assertEquals(1, doc.get("summary").get("errors").asInt());
    }

    @Test
    void aFolderOrFileGivenTwiceIsCheckedOnce() throws IOException {
        Path rules = RulesFixture.alwaysFiring(tmp, "INFO");
        String seed = Path.of(SEEDS).resolve("000_0c4b3fbed2722708.txt").toString();
        CliRun r = CliRun.of("check", SEEDS, SEEDS, seed, "--format", "json", "--rules", rules.toString(),
                "--fail-on", "never");
        assertEquals(0, r.exit(), "not a usage error: the folder has reports, they were given already\n" + r);
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        long seeds;
        try (java.util.stream.Stream<Path> s = Files.list(Path.of(SEEDS))) {
            seeds = s.filter(p -> p.toString().endsWith(".txt")).count();
        }
        assertEquals(seeds, json.get("submissions").size(), "each report once");
    }

    @Test
    void otherInputsAreStillCheckedWhenOneIsMissing() throws IOException {
        Path rules = RulesFixture.alwaysFiring(tmp, "INFO");
        CliRun r = CliRun.of("check", tmp.resolve("missing.txt").toString(), SEEDS,
                "--format", "json", "--rules", rules.toString(), "--fail-on", "never");
        assertEquals(3, r.exit(), "an unreadable input gives 3 whatever --fail-on says\n" + r);
        JsonNode subs = JSON.readTree(r.out()).get("submissions");
        assertEquals(1 + seedCount(), subs.size());
        assertTrue(subs.get(0).get("error").isTextual());
        for (int i = 1; i < subs.size(); i++) {
            assertTrue(subs.get(i).get("error").isNull(), subs.get(i)::toString);
            assertEquals(List.of("TEST_ALWAYS"), codes(subs.get(i)));
        }
    }

    @Test
    void folderIsSearchedRecursivelyAndSortedByPath() throws IOException {
        Path rules = RulesFixture.alwaysFiring(tmp, "INFO");
        Path in = tmp.resolve("in");
        Files.createDirectories(in.resolve("b/deeper"));
        Files.createDirectories(in.resolve(".hidden"));
        Path seed = seedFiles().get(0);
        Files.copy(seed, in.resolve("b/deeper/c.txt"));
        Files.copy(seed, in.resolve("b/a.txt"));
        Files.copy(seed, in.resolve("a.txt"));
        Files.copy(seed, in.resolve(".hidden/x.txt"));
        Files.writeString(in.resolve("notes.pptx"), "not a supported type");

        CliRun r = CliRun.of("check", in.toString(), "--format", "json", "--rules", rules.toString());
        assertEquals(0, r.exit(), r::toString);
        List<String> files = new ArrayList<>();
        JSON.readTree(r.out()).get("submissions").forEach(s -> files.add(s.get("file").asText()));
        assertEquals(List.of(in.resolve("a.txt").toString(), in.resolve("b/a.txt").toString(),
                in.resolve("b/deeper/c.txt").toString()), files);
    }

    @Test
    void folderWithoutSupportedFilesIsAUsageError() throws IOException {
        Path rules = RulesFixture.alwaysFiring(tmp, "INFO");
        Path empty = Files.createDirectories(tmp.resolve("empty/sub"));
        Files.writeString(empty.resolve("slides.pptx"), "x"); // PDF and web pages are read now
        CliRun r = CliRun.of("check", tmp.resolve("empty").toString(), "--rules", rules.toString());
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("没有可检查的文件"), r::toString);
        assertEquals("", r.out());
    }

    // ---- JSON and text output ----

    @Test
    void jsonIsTheOnlyThingOnStdoutAndHasTheContractKeys() throws IOException {
        Path rules = RulesFixture.REAL_RULES;
        CliRun r = CliRun.of("check", SEEDS, "--format", "json", "--rules", rules.toString(), "--fail-on", "never");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().startsWith("{") && r.out().endsWith("}\n"), "stdout holds the JSON document only");

        JsonNode doc = JSON.readTree(r.out());
        assertEquals(List.of("tool", "rules", "submissions", "summary"), fieldNames(doc));
        assertEquals(List.of("name", "version"), fieldNames(doc.get("tool")));
        assertEquals("selfeval", doc.get("tool").get("name").asText());
        assertFalse(doc.get("tool").get("version").asText().isBlank());

        JsonNode rulesInfo = doc.get("rules");
        assertEquals(List.of("dir", "fingerprint", "count"), fieldNames(rulesInfo));
        assertEquals(rules.toString(), rulesInfo.get("dir").asText(), "the folder as given");
        assertTrue(rulesInfo.get("fingerprint").asText().matches("[0-9a-f]{64}"), rulesInfo::toString);
        assertTrue(rulesInfo.get("count").isInt() && rulesInfo.get("count").asInt() >= 1, rulesInfo::toString);

        JsonNode summary = doc.get("summary");
        assertEquals(List.of("submissions", "errors", "warnings", "infos", "unreadable"), fieldNames(summary));
        assertEquals(seedCount(), summary.get("submissions").asInt());

        JsonNode subs = doc.get("submissions");
        assertEquals(seedCount(), subs.size());
        long errors = 0, warnings = 0, infos = 0;
        for (JsonNode s : subs) {
            assertEquals(List.of("file", "files", "unit", "year", "selfScore", "review", "findings", "error"),
                    fieldNames(s), s::toString);
            assertTrue(s.get("file").asText().startsWith(SEEDS + "/"), s::toString);
            assertEquals(List.of("score", "items"), fieldNames(s.get("review")), s::toString);
            assertTrue(s.get("review").get("score").isNumber(), s::toString);
            assertTrue(s.get("error").isNull());
            for (JsonNode f : s.get("findings")) {
                assertTrue(Set.of("ERROR", "WARNING", "INFO").contains(f.get("severity").asText()), f::toString);
                assertFalse(f.has("deduction") && f.get("deduction").isNull(), "deduction is absent, not null");
                switch (f.get("severity").asText()) {
                    case "ERROR" -> errors++;
                    case "WARNING" -> warnings++;
                    default -> infos++;
                }
            }
        }
        assertEquals(errors, summary.get("errors").asLong());
        assertEquals(warnings, summary.get("warnings").asLong());
        assertEquals(infos, summary.get("infos").asLong());
        assertEquals(0, summary.get("unreadable").asInt());
    }

    @Test
    void jsonFindingCarriesRuleEvidenceAndLocationWithoutNulls() throws IOException {
        Path rules = RulesFixture.alwaysFiring(tmp, "WARNING");
        CliRun r = CliRun.of("check", seedFiles().get(0).toString(), "--format", "json", "--rules", rules.toString());
        assertEquals(0, r.exit(), r::toString);
        JsonNode f = JSON.readTree(r.out()).get("submissions").get(0).get("findings").get(0);
        assertEquals("TEST_ALWAYS", f.get("code").asText());
        assertEquals("WARNING", f.get("severity").asText());
        assertEquals("每份报告都提示", f.get("rule").asText());
        assertFalse(f.has("deduction"), f::toString);
        assertEquals(List.of("part", "section", "line", "excerpt"), fieldNames(f.get("location")));
        assertTrue(f.get("evidence").get("amount").isNumber(), f::toString);
        assertTrue(r.out().contains("\"amount\": 1273.05"), "BigDecimal written plain:\n" + r.out());
    }

    @Test
    void textReportIsTheDefault() {
        Path rules = RulesFixture.alwaysFiring(tmp, "ERROR");
        CliRun r = CliRun.of("check", SEEDS, "--rules", rules.toString());
        assertEquals(1, r.exit(), r::toString);
        int n = seedCount();
        assertTrue(r.out().contains("【" + SEEDS + "/"), r::toString);
        assertTrue(r.out().contains("[错误] TEST_ALWAYS 测试规则触发"), r::toString);
        assertTrue(r.out().contains("依据：amount：1273.05；写明：100%"), r::toString);
        assertTrue(r.out().contains("规则：每份报告都提示"), r::toString);
        assertTrue(r.out().endsWith(n + "份报告，错误" + n + "条，警告0条，提示0条，无法读取0份\n"), r::toString);
        assertFalse(r.out().contains("\u001b["), "no terminal colour codes");
    }

    @Test
    void outWritesTheFileAndNothingToStdout() throws IOException {
        Path rules = RulesFixture.REAL_RULES;
        Path outDir = Files.createDirectories(tmp.resolve("out"));
        Path json = outDir.resolve("report.json");
        CliRun r = CliRun.of("check", SEEDS, "--format", "json", "--out", json.toString(),
                "--rules", rules.toString(), "--fail-on", "never");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("", r.out());
        assertEquals(seedCount(), JSON.readTree(json.toFile()).get("submissions").size());

        Path text = outDir.resolve("report.txt");
        r = CliRun.of("check", SEEDS, "--out", text.toString(), "--rules", rules.toString(), "--fail-on", "never");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("", r.out());
        assertTrue(Files.readString(text, StandardCharsets.UTF_8).contains(seedCount() + "份报告"));

        try (Stream<Path> s = Files.list(outDir)) {
            assertEquals(Set.of("report.json", "report.txt"),
                    Set.copyOf(s.map(p -> p.getFileName().toString()).toList()), "no temporary file left behind");
        }
    }

    @Test
    void outInAFolderThatDoesNotExistIsAUsageError() {
        Path rules = RulesFixture.alwaysFiring(tmp, "INFO");
        CliRun r = CliRun.of("check", SEEDS, "--out", tmp.resolve("nope/report.json").toString(),
                "--rules", rules.toString());
        assertEquals(2, r.exit(), r::toString);
        assertNoStackTrace(r);
    }

    @Test
    void severalJobsGiveTheSameReport() throws IOException {
        Path rules = RulesFixture.alwaysFiring(tmp, "INFO");
        CliRun one = CliRun.of("check", SEEDS, "--format", "json", "--rules", rules.toString());
        CliRun three = CliRun.of("check", SEEDS, "--format", "json", "--rules", rules.toString(), "--jobs", "3");
        assertEquals(0, three.exit(), three::toString);
        assertEquals(JSON.readTree(one.out()), JSON.readTree(three.out()));
    }

    // ---- exit status ----

    @Test
    void failOnDecidesExit1() {
        Path warning = RulesFixture.alwaysFiring(tmp, "WARNING");
        assertEquals(0, CliRun.of("check", SEEDS, "--rules", warning.toString()).exit());
        assertEquals(1, CliRun.of("check", SEEDS, "--rules", warning.toString(), "--fail-on", "warning").exit());
        assertEquals(0, CliRun.of("check", SEEDS, "--rules", warning.toString(), "--fail-on", "never").exit());

        Path error = RulesFixture.alwaysFiring(tmp, "ERROR");
        assertEquals(1, CliRun.of("check", SEEDS, "--rules", error.toString()).exit());
        assertEquals(1, CliRun.of("check", SEEDS, "--rules", error.toString(), "--fail-on", "warning").exit());
        assertEquals(0, CliRun.of("check", SEEDS, "--rules", error.toString(), "--fail-on", "never").exit());

        Path info = RulesFixture.alwaysFiring(tmp, "INFO");
        assertEquals(0, CliRun.of("check", SEEDS, "--rules", info.toString(), "--fail-on", "warning").exit());
    }

    // ---- usage errors ----

    @Test
    void unknownOptionIsAUsageError() {
        CliRun r = CliRun.of("check", "--no-such-option", SEEDS);
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("--no-such-option"), r::toString);
        assertEquals("", r.out());
    }

    @Test
    void missingPathArgumentIsAUsageError() {
        CliRun r = CliRun.of("check", "--format", "json");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("PATH"), r::toString);
        assertEquals("", r.out());
    }

    @Test
    void noCommandIsAUsageError() {
        assertEquals(2, CliRun.of().exit());
        assertEquals(2, CliRun.of("rules").exit());
        assertEquals(2, CliRun.of("frobnicate").exit());
    }

    @Test
    void formatsOfLaterReleasesAndBadValuesAreUsageErrors() {
        for (String format : List.of("xlsx", "html")) {
            if (io.selfeval.report.ReportSinks.available(format)) continue; // its writer has landed
            CliRun r = CliRun.of("check", SEEDS, "--format", format);
            assertEquals(2, r.exit(), r::toString);
            assertTrue(r.err().contains("后续版本"), r::toString);
        }
        assertEquals(2, CliRun.of("check", SEEDS, "--format", "pdf").exit());
        assertEquals(2, CliRun.of("check", SEEDS, "--fail-on", "sometimes").exit());
        assertEquals(2, CliRun.of("check", SEEDS, "--jobs", "0").exit());
        assertEquals(2, CliRun.of("check", SEEDS, "--jobs", "many").exit());
    }

    @Test
    void helpAndVersionExit0() {
        CliRun help = CliRun.of("check", "--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("--fail-on"), help::toString);
        CliRun version = CliRun.of("--version");
        assertEquals(0, version.exit());
        assertTrue(version.out().startsWith("selfeval "), version::toString);
    }

    // ---- rules commands ----

    @Test
    void rulesVerifyAndList() {
        Path rules = RulesFixture.alwaysFiring(tmp, "WARNING");
        CliRun verify = CliRun.of("rules", "verify", "--rules", rules.toString());
        assertEquals(0, verify.exit(), verify::toString);
        // The test rule's code is not in the code table: compiled, with one warning that names it.
        assertTrue(verify.out().matches("规则编译通过：1条规则，指纹 [0-9a-f]{64}\n警告1条（规则仍可运行，但请检查）：\n"
                + "  警告：规则“每份报告都提示”（[^\n]*always\\.drl）的问题代码 TEST_ALWAYS 不在问题代码表（[^\n]*codes\\.drl\\.xlsx）中\n"),
                verify::toString);

        CliRun list = CliRun.of("rules", "list", "--rules", rules.toString());
        assertEquals(0, list.exit(), list::toString);
        String[] lines = list.out().split("\n");
        assertTrue(lines[0].startsWith("规则") && lines[0].contains("代码") && lines[0].contains("级别")
                && lines[0].contains("文件"), list::toString);
        assertTrue(list.out().contains("每份报告都提示") && list.out().contains("TEST_ALWAYS")
                && list.out().contains("警告") && !list.out().contains("WARNING"), list::toString);
    }

    @Test
    void rulesOfTheProjectVerify() {
        Path rules = RulesFixture.REAL_RULES;
        CliRun verify = CliRun.of("rules", "verify", "--rules", rules.toString());
        assertEquals(0, verify.exit(), verify::toString);
    }

    @Test
    void serveBeyondLoopbackWithoutTokenExits2() {
        CliRun serve = CliRun.of("serve", "--port", "0", "--bind", "0.0.0.0");
        assertEquals(2, serve.exit(), serve::toString);
        assertTrue(serve.err().contains("--token"), serve::toString);
    }

    // ---- helpers ----

    private static void assertNoStackTrace(CliRun r) {
        assertFalse(r.err().contains("\tat "), r::toString);
        assertFalse(r.err().contains("Exception:"), r::toString);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) names.add(it.next());
        return names;
    }

    private static List<String> codes(JsonNode submission) {
        List<String> codes = new ArrayList<>();
        submission.get("findings").forEach(f -> codes.add(f.get("code").asText()));
        return codes;
    }

    private static List<Path> seedFiles() throws IOException {
        try (Stream<Path> s = Files.list(Path.of(SEEDS))) {
            return s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
    }

    private static int seedCount() {
        try {
            int n = seedFiles().size();
            assertNotEquals(0, n, "fixtures/seeds holds the seed reports");
            return n;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void editedThresholdInACopiedRulesFolderChangesTheResultWithoutRebuild() throws IOException {
        String seed004 = "fixtures/seeds/004_a3928fcbeeb643f4.txt";
        CliRun original = CliRun.of("check", seed004, "--format", "json");
        assertTrue(original.out().contains("\"EXE_BUDGET_ADJUSTED\""), original::toString);

        Path rules = RulesFixture.copyOfRealRules(tmp);
        Path params = rules.resolve("parameters.drl.xlsx");
        assertEquals("0.2", XlsxTables.get(params, "参数", "参数名", "预算调整阈值", "参数值"));
        XlsxTables.set(params, "参数", "参数名", "预算调整阈值", "参数值", "0.50");

        CliRun edited = CliRun.of("check", seed004, "--format", "json", "--rules", rules.toString());
        assertFalse(edited.out().contains("\"EXE_BUDGET_ADJUSTED\""), edited::toString);
        assertTrue(edited.out().contains("\"META_STAFF_RATE\""), "the other rules still run: " + edited);
        assertNotEquals(fingerprint(original.out()), fingerprint(edited.out()), "the fingerprint follows the rule files");
    }

    private static String fingerprint(String json) throws IOException {
        return new ObjectMapper().readTree(json).path("rules").path("fingerprint").asText();
    }
}
