package io.selfeval.rules;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How rule files name their messages, read from the text; checked against a message file. No rules compiled. */
class MessageUsesTest {
    private static final String DRL = """
            package selfeval.test;
            // Message.of("IN_A_COMMENT") is not a use
            rule "甲"
            when
            then
                int n = 3;
                findings.report(kcontext, null,
                    Message.of(n > 2 ? "A.many" : (n > 1 ? "A.two" : "A.one"), "count", n, "what", Message.of("A.what", "x", "a,b")),
                    "evidence", n);
            end

            rule "乙"
            when
            then
                findings.report(kcontext, null, "直接写的文字" + 1);
                findings.report(kcontext, null, Message.of(key, "a", 1));
                findings.report(kcontext, null, Message.of("B", name, 1));
            end
            """;

    @Test
    void keysArgumentsRulesAndLinesAreReadFromTheText() {
        List<MessageUses.Use> uses = MessageUses.uses(DRL);
        assertEquals(4, uses.size(), uses::toString);
        MessageUses.Use first = uses.get(0);
        assertEquals("甲", first.rule());
        assertEquals(List.of("A.many", "A.two", "A.one"), first.keys());
        assertEquals(Set.of("count", "what"), first.args());
        assertEquals(8, first.line());
        assertNull(first.problem());
        assertEquals(List.of("A.what"), uses.get(1).keys());
        assertEquals(Set.of("x"), uses.get(1).args());
        assertEquals("乙", uses.get(2).rule());
        assertTrue(uses.get(2).problem().startsWith("消息名须直接写成带引号的文字"), uses.get(2)::toString);
        assertTrue(uses.get(3).problem().startsWith("消息的参数名须写成带引号的英文名称"), uses.get(3)::toString);
        assertEquals(List.of(15), MessageUses.literalReports(DRL));
    }

    @Test
    void aMissingKeyAndAPlaceholderTheRuleDoesNotPassAreProblemsWithFileAndLine() {
        MessageTemplates file = MessageTemplates.parse("rules/messages.properties",
                "A.many = {count}条\nA.two = {cuont}条\nA.what = {x}\n");
        List<String> p = MessageUses.problems(Map.of("rules/test.drl", DRL), file);
        assertTrue(p.contains("rules/test.drl 第8行：规则“甲”用到消息 A.one，但消息文件（rules/messages.properties）中没有这一条"), p::toString);
        assertTrue(p.contains("rules/messages.properties 第2行：消息 A.two 用到参数 {cuont}，但规则“甲”（rules/test.drl 第8行）"
                + "没有传入这个参数（传入的有：count、what），是否应为 {count}？"), p::toString);
        assertTrue(p.stream().anyMatch(s -> s.startsWith("rules/test.drl 第15行：findings.report 的消息直接写了文字")), p::toString);
        assertEquals(5, p.size(), p::toString);
    }

    /** Rule name → @code, read from the text as the compiled catalog would give it. */
    private static Map<String, String> codes(Map<String, String> drl) {
        Map<String, String> out = new TreeMap<>();
        java.util.regex.Pattern rule = java.util.regex.Pattern.compile("(?s)rule\\s+\"([^\"]+)\"\\s+@code\\((\\w+)\\)");
        drl.values().forEach(t -> {
            java.util.regex.Matcher m = rule.matcher(t);
            while (m.find()) out.put(m.group(1), m.group(2));
        });
        return out;
    }

    @Test
    void wordingsNoRuleUsesAndKeysOfAnotherCodeAreWarnings() {
        MessageTemplates file = MessageTemplates.parse("rules/messages.properties",
                "A.many = 多\nA.two = 二\nA.one = 一\nA.what = {x}\nB = 乙\nOLD = 旧\n");
        List<String> w = MessageUses.warnings(Map.of("rules/test.drl", DRL), file, Map.of("甲", "A", "乙", "C"));
        assertEquals(List.of("rules/test.drl 第17行：规则“乙”的问题代码是 C，却用了消息 B（消息名应为问题代码，或问题代码加“.说法”，如 C.narrative）",
                "rules/messages.properties 第6行：消息 OLD 没有规则使用"), w);
    }

    @Test
    void aRuleFolderWithoutMessageFileIsOneProblem() {
        MessageTemplates none = MessageTemplates.parse("rules/messages.properties", "");
        List<String> p = MessageUses.problems(Map.of("rules/test.drl", "rule \"x\" when then findings.report(kcontext, null, Message.of(\"A\")); end"),
                absent());
        assertEquals(1, p.size(), p::toString);
        assertTrue(p.get(0).startsWith("规则目录中没有消息文件 messages.properties"), p::toString);
        assertEquals(List.of(), MessageUses.problems(Map.of("rules/test.drl", "rule \"x\" when then end"), none));
    }

    private static MessageTemplates absent() {
        try {
            Path dir = Files.createTempDirectory("no-messages");
            return MessageTemplates.read(RulesSnapshot.read(dir), "rules/messages.properties");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theShippedRulesAndMessageFileAgreeAndEveryWordingIsUsed() throws IOException {
        Map<String, String> drl = new TreeMap<>();
        try (Stream<Path> s = Files.list(Path.of("rules"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".drl")).toList()) {
                drl.put("rules/" + p.getFileName(), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        MessageTemplates file = MessageTemplates.parse("rules/messages.properties",
                Files.readString(Path.of("rules/messages.properties"), StandardCharsets.UTF_8));
        assertEquals(List.of(), file.problems());
        assertEquals(List.of(), MessageUses.problems(drl, file));
        assertEquals(List.of(), MessageUses.warnings(drl, file, codes(drl)));
    }
}
