package io.selfeval.cli;

import io.selfeval.rules.CodeInfo;
import io.selfeval.rules.RuleBase;
import io.selfeval.testing.Checks;
import io.selfeval.testing.XlsxTables;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code rules verify} and {@code rules list} on copies of rules/: where a broken table cell or rule line is, what
 * verify warns about, and the catalog documents.
 */
@Tag("slow") // copies and recompiles rules/
class RulesVerifyListTest {
    private static final String SEED_004 = "fixtures/seeds/004_a3928fcbeeb643f4.txt";

    @TempDir
    Path tmp;

    // ---- errors: exit 2 with the location ----

    @Test
    void brokenTableCellExits2WithFileSheetAndCell() {
        Path rules = RulesFixture.copyOfRealRules(tmp);
        String cell = XlsxTables.set(rules.resolve("parameters.drl.xlsx"), "参数", "参数名", "比率容差", "参数值", "零点一");
        for (CliRun run : List.of(CliRun.of("rules", "verify", "--rules", rules.toString()),
                CliRun.of("check", SEED_004, "--rules", rules.toString()))) {
            assertEquals(2, run.exit(), run::toString);
            assertEquals("", run.out(), run::toString);
            assertTrue(run.err().contains("规则编译失败："), run::toString);
            assertTrue(run.err().contains("parameters.drl.xlsx 参数!" + cell + "：参数“比率容差”的值“零点一”不是数字"), run::toString);
        }
    }

    @Test
    void brokenDrlExits2WithFileAndLine() throws IOException {
        Path rules = RulesFixture.copyOfRealRules(tmp);
        Path drl = rules.resolve("execution.drl");
        String text = Files.readString(drl, StandardCharsets.UTF_8);
        // The budget-adjustment rule loses the closing bracket of its first pattern.
        String from = "$i : Figure(measure == Figure.INITIAL_BUDGET, value.isPositive())";
        assertTrue(text.contains(from));
        int line = (int) text.substring(0, text.indexOf(from)).chars().filter(c -> c == '\n').count() + 1;
        Files.writeString(drl, text.replace(from, "$i : Figure(measure == Figure.INITIAL_BUDGET, value.isPositive()"), StandardCharsets.UTF_8);
        CliRun run = CliRun.of("rules", "verify", "--rules", rules.toString());
        assertEquals(2, run.exit(), run::toString);
        assertTrue(run.err().matches("(?s).*execution\\.drl 第(" + line + "|" + (line + 1) + ")行：.*"), run::toString);
        assertTrue(run.err().contains("语法错误"), "a Chinese explanation: " + run);
    }

    @Test
    void misspeltParameterNameStopsVerifyAndCheckWithFileAndLine() throws IOException {
        Path rules = RulesFixture.copyOfRealRules(tmp);
        Path drl = rules.resolve("execution.drl");
        String text = Files.readString(drl, StandardCharsets.UTF_8);
        String from = "params.num(\"预算调整阈值\")";
        assertTrue(text.contains(from));
        int line = (int) text.substring(0, text.indexOf(from)).chars().filter(c -> c == '\n').count() + 1;
        Files.writeString(drl, text.replaceFirst(java.util.regex.Pattern.quote(from), "params.num(\"预算调整阀值\")"), StandardCharsets.UTF_8);
        for (CliRun run : List.of(CliRun.of("rules", "verify", "--rules", rules.toString()),
                CliRun.of("check", SEED_004, "--rules", rules.toString()))) {
            assertEquals(2, run.exit(), run::toString);
            assertEquals("", run.out(), run::toString);
            assertTrue(run.err().contains("execution.drl 第" + line + "行：规则用到参数“预算调整阀值”（类型：数字），但参数表（"), run::toString);
            assertTrue(run.err().contains("是否应为“预算调整阈值”"), run::toString);
        }
    }

    @Test
    void parameterReadWithTheWrongTypeStopsVerify() throws IOException {
        Path rules = RulesFixture.copyOfRealRules(tmp);
        Path drl = rules.resolve("execution.drl");
        String text = Files.readString(drl, StandardCharsets.UTF_8);
        Files.writeString(drl, text.replaceFirst(java.util.regex.Pattern.quote("params.num(\"预算调整阈值\")"),
                "params.text(\"预算调整阈值\")"), StandardCharsets.UTF_8);
        CliRun run = CliRun.of("rules", "verify", "--rules", rules.toString());
        assertEquals(2, run.exit(), run::toString);
        assertTrue(run.err().contains("params.text(\"预算调整阈值\") 读取文字参数，但参数表（"), run::toString);
        assertTrue(run.err().contains("的类型是数字（应写 params.num）"), run::toString);
    }

    @Test
    void aParameterNamedOnlyInACommentIsNotChecked() throws IOException {
        Path rules = RulesFixture.copyOfRealRules(tmp);
        Path drl = rules.resolve("execution.drl");
        Files.writeString(drl, Files.readString(drl, StandardCharsets.UTF_8) + "\n// params.num(\"旧阈值\") is gone\n/* params.list(\"旧词表\") */\n",
                StandardCharsets.UTF_8);
        CliRun run = CliRun.of("rules", "verify", "--rules", rules.toString());
        assertEquals(0, run.exit(), run::toString);
    }

    // ---- warnings: exit 0 ----

    @Test
    void verifyWarnsAboutADeductionRowWithAnUnknownCode() {
        Path rules = RulesFixture.copyOfRealRules(tmp);
        Map<String, String> row = new LinkedHashMap<>();
        row.put("问题代码", "CMP_MISSING_ATACHMENT");
        row.put("考核项", "完整性/绩效自评材料完整");
        row.put("每条扣分", "5");
        int r = XlsxTables.append(rules.resolve("deductions.drl.xlsx"), "扣分对照", row);
        CliRun run = CliRun.of("rules", "verify", "--rules", rules.toString());
        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.out().contains("警告1条"), run::toString);
        assertTrue(run.out().contains("deductions.drl.xlsx 扣分对照 第" + r + "行：扣分对照中的问题代码 CMP_MISSING_ATACHMENT 不在问题代码表中"),
                run::toString);
    }

    @Test
    void theShippedRulesVerifyWithoutWarnings() {
        CliRun run = CliRun.of("rules", "verify", "--rules", RulesFixture.copyOfRealRules(tmp).toString());
        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.out().matches("规则编译通过：\\d+条规则，指纹 [0-9a-f]{64}\n"), run::toString);
    }

    // ---- the catalog ----

    @Test
    void listAsMarkdownNamesEveryCodeWithItsNameRulesAndDeduction() {
        RuleBase rules = Checks.rules();
        CliRun run = CliRun.of("rules", "list", "--format", "md", "--rules", "rules");
        assertEquals(0, run.exit(), run::toString);
        String md = run.out();
        assertTrue(md.startsWith("# selfeval 规则目录\n"), md);
        assertTrue(rules.codes().size() >= 34, "the catalog of finding-codes.md");
        for (CodeInfo c : rules.codes()) {
            assertTrue(md.contains("### " + c.code() + " " + c.name() + "\n"), c.code());
        }
        for (RuleBase.RuleInfo r : rules.catalog()) {
            assertTrue(md.contains("| " + r.name() + " |"), r.name());
        }
        assertTrue(md.contains("| 合计与分项之和不符 | 错误 | rules/amounts.drl | "), md);
        assertTrue(md.contains("- 扣分：完整性/绩效自评材料完整 每条扣5分\n"), md);
        assertTrue(md.contains("- 扣分：完整性/自评报告附件部分内容完整 每条扣1分，累计最多扣3分\n"), "CMP_BLANK_CELL's cap: " + md);
        assertTrue(md.contains("### PARSE_UNREADABLE 文件无法读取\n"), md);
    }

    @Test
    void listAsHtmlIsOneSelfContainedPrintableFile() throws IOException {
        Path out = tmp.resolve("目录.html");
        CliRun run = CliRun.of("rules", "list", "--format", "html", "--out", out.toString(), "--rules", "rules");
        assertEquals(0, run.exit(), run::toString);
        assertEquals("", run.out(), run::toString);
        String html = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("<meta charset=\"utf-8\">") && html.contains("@media print"), html);
        for (String external : List.of("http:", "https:", "<link", "<script", "src=", "url(")) {
            assertFalse(html.contains(external), "no external asset: " + external);
        }
        for (CodeInfo c : Checks.rules().codes()) assertTrue(html.contains(c.code()), c.code());
    }

    @Test
    void listAsTextShowsCodeNameSeverityDeductionFileAndDescription() {
        CliRun run = CliRun.of("rules", "list", "--rules", "rules");
        assertEquals(0, run.exit(), run::toString);
        String[] lines = run.out().split("\n");
        assertTrue(lines[0].startsWith("规则") && lines[0].contains("代码") && lines[0].contains("问题名称") && lines[0].contains("级别")
                && lines[0].contains("扣分") && lines[0].contains("文件"), run::toString);
        String row = List.of(lines).stream().filter(l -> l.startsWith("预算调整幅度大 ")).findFirst().orElseThrow();
        assertTrue(row.matches("预算调整幅度大 +EXE_BUDGET_ADJUSTED +预算调整幅度大 +警告 +不扣分 +rules/execution\\.drl"), row);
        assertFalse(run.out().matches("(?s).*\\b(ERROR|WARNING|INFO)\\b.*"), "severities in Chinese: " + run);
        assertTrue(run.out().contains(" 错误 "), run::toString);
        int at = List.of(lines).indexOf(row);
        assertTrue(lines[at + 1].startsWith("    全年预算数偏离年初预算数超过参数“预算调整阈值”"), lines[at + 1]);
        assertTrue(run.out().contains("没有规则的问题代码"), run::toString);
    }

    @Test
    void listAsJsonIsTheCatalogAsData() throws Exception {
        CliRun run = CliRun.of("rules", "list", "--format", "json", "--rules", "rules");
        assertEquals(0, run.exit(), run::toString);
        com.fasterxml.jackson.databind.JsonNode doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
        RuleBase rb = io.selfeval.testing.Checks.rules();
        assertEquals(rb.fingerprint(), doc.path("fingerprint").asText());
        assertEquals(rb.ruleCount(), doc.path("count").asInt());
        assertEquals(rb.catalog().size(), doc.path("rules").size());
        assertEquals(rb.codes().size(), doc.path("codes").size());
        Map<String, com.fasterxml.jackson.databind.JsonNode> codes = new LinkedHashMap<>();
        doc.path("codes").forEach(c -> codes.put(c.path("code").asText(), c));
        for (com.fasterxml.jackson.databind.JsonNode r : doc.path("rules")) {
            assertTrue(codes.containsKey(r.path("code").asText()), r::toString);
            assertTrue(r.path("file").asText().endsWith(".drl"), r::toString);
            assertTrue(Set.of("ERROR", "WARNING", "INFO").contains(r.path("severity").asText()), "machine values in JSON: " + r);
            // Each rule is listed under its code.
            boolean listed = false;
            for (com.fasterxml.jackson.databind.JsonNode name : codes.get(r.path("code").asText()).path("rules")) {
                listed |= name.asText().equals(r.path("name").asText());
            }
            assertTrue(listed, r::toString);
        }
        // The shipped deduction of a missing attachment: 5 points on 绩效自评材料完整.
        com.fasterxml.jackson.databind.JsonNode missing = codes.get("CMP_MISSING_ATTACHMENT").path("deductions").get(0);
        assertEquals("完整性/绩效自评材料完整", missing.path("item").asText());
        assertEquals(5.0, missing.path("points").asDouble());
        assertEquals("缺少附表", codes.get("CMP_MISSING_ATTACHMENT").path("name").asText());
    }

    @Test
    void unknownListFormatIsAUsageError() {
        CliRun run = CliRun.of("rules", "list", "--format", "pdf", "--rules", "rules");
        assertEquals(2, run.exit(), run::toString);
        assertTrue(run.err().contains("text、md、html 或 json"), run::toString);
    }
}
