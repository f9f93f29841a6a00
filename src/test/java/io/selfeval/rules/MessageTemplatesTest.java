package io.selfeval.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The message file's format: one wording a line, {name} placeholders, problems named by line. No rules compiled. */
class MessageTemplatesTest {
    private static final String FILE = "rules/messages.properties";

    private static MessageTemplates parse(String text) {
        return MessageTemplates.parse(FILE, text);
    }

    @Test
    void placeholdersAreFilledWithTheNamedArguments() {
        MessageTemplates t = parse("# 说明\n\nEXE_RATE_MISMATCH.narrative = 正文称{subject}预算执行率{stated}，计算为{computed}\n");
        assertEquals(List.of(), t.problems());
        assertEquals("正文称资金总额预算执行率100%，计算为98.49%", t.render(Message.of("EXE_RATE_MISMATCH.narrative",
                "computed", "98.49%", "stated", "100%", "subject", "资金总额", "unused", 1)));
    }

    @Test
    void aPlaceholderMayRepeatAndAValueMayBeAnotherMessage() {
        MessageTemplates t = parse("A = {x}与{x}{dir}{n}\nA.up = 增加\n");
        assertEquals("甲与甲增加3", t.render(Message.of("A", "x", "甲", "dir", Message.of("A.up"), "n", 3)));
    }

    @Test
    void valuesAreWrittenAsStringConcatenationWouldWriteThem() {
        MessageTemplates t = parse("A = {a}|{b}|{c}\n");
        assertEquals("12|null|0.50", t.render(Message.of("A", "a", 12, "b", null, "c", new java.math.BigDecimal("0.50"))));
    }

    @Test
    void aByteOrderMarkAndWindowsLineEndsAreRead() {
        MessageTemplates t = parse("\uFEFFA = 甲\r\n! 说明\r\nB = 乙 \r\n");
        assertEquals(List.of(), t.problems());
        assertEquals(List.of("A", "B"), t.keys());
        assertEquals("乙", t.render(Message.of("B")));
    }

    @Test
    void malformedPlaceholdersAreNamedWithTheirLine() {
        MessageTemplates t = parse("A = 好\nB = 预算{budget\nC = 多了}一个\nD = {预算}数\nE = {a{b}\n");
        List<String> p = t.problems();
        assertEquals(4, p.size(), p::toString);
        assertTrue(p.get(0).startsWith(FILE + " 第2行：消息 B 中的占位符“{budget”缺少“}”"), p::toString);
        assertTrue(p.get(1).startsWith(FILE + " 第3行：消息 C 中多了一个“}”"), p::toString);
        assertTrue(p.get(2).startsWith(FILE + " 第4行：消息 D 中的占位符“{预算}”写法不对"), p::toString);
        assertTrue(p.get(3).startsWith(FILE + " 第5行：消息 E 中的占位符“{a”缺少“}”"), p::toString);
    }

    @Test
    void linesThatAreNotAMessageAreProblems() {
        List<String> p = parse("A = 甲\n这一行续写上一条\n执行率 = 乙\nB = 甲\\n乙\nC =\nA = 又一次\n").problems();
        assertEquals(5, p.size(), p::toString);
        assertTrue(p.get(0).startsWith(FILE + " 第2行：应写成“消息名 = 措辞”"), p::toString);
        assertTrue(p.get(1).startsWith(FILE + " 第3行：消息名“执行率”只能用英文字母"), p::toString);
        assertTrue(p.get(2).startsWith(FILE + " 第4行：消息 B 中有反斜杠"), p::toString);
        assertTrue(p.get(3).startsWith(FILE + " 第5行：消息 C 没有措辞"), p::toString);
        assertTrue(p.get(4).startsWith(FILE + " 第6行：消息 A 已在第1行写过"), p::toString);
    }

    @Test
    void renderingAKeyTheFileLacksOrAnArgumentTheRuleLacksFails() {
        MessageTemplates t = parse("A = {a}\n");
        assertThrows(IllegalStateException.class, () -> t.render(Message.of("B")));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> t.render(Message.of("A", "b", 1)));
        assertTrue(e.getMessage().contains("{a}") && e.getMessage().contains("传入的有：b"), e.getMessage());
    }

    @Test
    void argumentsComeInPairs() {
        assertThrows(IllegalArgumentException.class, () -> Message.of("A", "a"));
    }
}
