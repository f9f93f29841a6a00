package io.selfeval.rules;

import io.selfeval.check.Checker;
import io.selfeval.model.Finding;
import io.selfeval.testing.Checks;
import io.selfeval.testing.RuleFolders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The wordings are data on disk like the rules: a copy of rules/ with one wording of messages.properties changed
 * reports in the new words; a misspelt key or placeholder stops the load with file and line. rules/ is never touched.
 */
class MessagesOnDiskTest {
    @TempDir
    Path tmp;

    private static final String ADJUSTED = "EXE_BUDGET_ADJUSTED = ";

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertEquals(1, text.split(java.util.regex.Pattern.quote(from), -1).length - 1, () -> file + " should hold once: " + from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    private static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(text)) return i + 1;
        throw new AssertionError(text + " not in " + file);
    }

    private static Path seed004() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("fixtures/seeds"))) {
            return s.filter(p -> p.getFileName().toString().startsWith("004_")).findFirst().orElseThrow();
        }
    }

    @Test
    void aWordingEditedInTheMessageFileIsWhatTheReportSays() throws Exception {
        Path rules = RuleFolders.copy(tmp, "reworded");
        Path messages = rules.resolve("messages.properties");
        String line = Files.readAllLines(messages, StandardCharsets.UTF_8).stream().filter(l -> l.startsWith(ADJUSTED))
                .findFirst().orElseThrow();
        edit(messages, line, ADJUSTED + "{subject}预算调整过大：年初{initialBudget}，全年{budget}（{direction}{change}，阈值{threshold}；{where}）");
        Finding f = Checks.findings(new Checker(RuleBase.load(rules)).check(seed004()), "EXE_BUDGET_ADJUSTED").get(0);
        assertEquals(f.getMessageArgs().get("subject") + "预算调整过大：年初" + f.getMessageArgs().get("initialBudget") + "，全年"
                + f.getMessageArgs().get("budget") + "（增加" + f.getMessageArgs().get("change") + "，阈值20%；"
                + f.getMessageArgs().get("where") + "）", f.getMessage());
        assertEquals("43.7%", f.getMessageArgs().get("change"));
        assertEquals(0, new BigDecimal("0.20").compareTo((BigDecimal) f.getEvidence().get("threshold")), "evidence is the rule's, unchanged");
    }

    @Test
    void aMisspeltKeyAnArgumentNoRulePassesAndABrokenPlaceholderStopTheLoad() throws Exception {
        Path rules = RuleFolders.copy(tmp, "broken");
        Path execution = rules.resolve("execution.drl");
        Path messages = rules.resolve("messages.properties");
        edit(execution, "\"EXE_OVER_BUDGET.initialBudget\"", "\"EXE_OVER_BUDGET.initalBudget\"");
        edit(messages, "应得{expected}分", "应得{expect}分");
        edit(messages, "人÷编制{staffQuota}人＝{computed}", "人÷编制{staffQuota}人＝{computed");
        RuleCompileException e = assertThrows(RuleCompileException.class, () -> RuleBase.load(rules));
        List<String> p = e.getProblems();
        String where = "broken/";
        assertEquals(3, p.size(), p::toString);
        int keyLine = lineOf(execution, "EXE_OVER_BUDGET.initalBudget");
        assertTrue(p.stream().anyMatch(s -> s.contains(where + "execution.drl 第" + keyLine + "行：规则“支出超年初预算”用到消息 "
                + "EXE_OVER_BUDGET.initalBudget，但消息文件（") && s.endsWith("（是否应为 EXE_OVER_BUDGET.initialBudget？）")), p::toString);
        int rateLine = lineOf(messages, "SCR_RATE_SCORE =");
        int ruleLine = lineOf(rules.resolve("scores.drl"), "\"SCR_RATE_SCORE\"");
        assertTrue(p.stream().anyMatch(s -> s.contains(where + "messages.properties 第" + rateLine + "行：消息 SCR_RATE_SCORE 用到参数 {expect}，"
                + "但规则“预算执行率得分错误”（") && s.contains("scores.drl 第" + ruleLine + "行）没有传入这个参数")
                && s.endsWith("是否应为 {expected}？")), p::toString);
        int staffLine = lineOf(messages, "META_STAFF_RATE =");
        assertTrue(p.stream().anyMatch(s -> s.contains(where + "messages.properties 第" + staffLine + "行：消息 META_STAFF_RATE 中的占位符“{computed”缺少“}”")),
                p::toString);
    }
}
