package io.selfeval.check;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The case tables of {@code rules test} as policy staff write them, in Excel or by hand. */
class RuleTestsCsvTest {
    private static final String HEADER = "用例名称,输入文件,必须出现,不得出现,考核得分\n";

    @TempDir
    Path dir;

    private Path table(String text) throws IOException {
        Files.writeString(dir.resolve("报告.txt"), "一份报告", StandardCharsets.UTF_8);
        return Files.writeString(dir.resolve("cases.csv"), text, StandardCharsets.UTF_8);
    }

    @Test
    void quotedCommasEmbeddedQuotesAndLineBreaksAreOneCell() throws Exception {
        List<RuleTests.Row> rows = RuleTests.Csv.parse("a,\"b,c\",\"他说\"\"好\"\"\"\n \"多\n行\" , d\r\ne\n", "t.csv");
        assertEquals(List.of("a", "b,c", "他说\"好\""), rows.get(0).cells());
        assertEquals(List.of("多\n行", "d"), rows.get(1).cells(), "spaces around a cell, quoted or not, are dropped");
        assertEquals(List.of("e"), rows.get(2).cells());
        assertEquals(List.of(1, 2, 4), rows.stream().map(RuleTests.Row::line).toList(), "a row's line is where it starts");
    }

    @Test
    void blankLinesAndCommentsKeepTheLineNumbersOfTheRowsAfterThem() throws Exception {
        Path t = table("\uFEFF" + HEADER + "\n# 说明：带\"一个引号的注释\n"
                + "甲,报告.txt,\"CMP_BLANK_CELL, OBJ_TOO_BRIEF\",,\n\n\n"
                + "乙,报告.txt,,\"AMT_SUM_MISMATCH，EXE_RATE_MISMATCH\",95.5\n");
        List<RuleTests.Case> cases = RuleTests.load(t);
        assertEquals(2, cases.size(), cases::toString);
        RuleTests.Case first = cases.get(0);
        assertEquals("甲", first.name(), "the BOM is not part of the first header");
        assertEquals(Set.of("CMP_BLANK_CELL", "OBJ_TOO_BRIEF"), first.mustAppear());
        assertTrue(first.source().endsWith("cases.csv 第4行"), first::source);
        RuleTests.Case second = cases.get(1);
        assertEquals(Set.of("AMT_SUM_MISMATCH", "EXE_RATE_MISMATCH"), second.mustNotAppear());
        assertEquals(0, new BigDecimal("95.5").compareTo(second.score()));
        assertTrue(second.source().endsWith("cases.csv 第7行"), second::source);
    }

    @Test
    void aCodeMayCarryTheLinesItMustBeFoundOn() throws Exception {
        Path t = table(HEADER + "甲,报告.txt,AMT_SUM_MISMATCH@26@31 EXE_RATE_MISMATCH,,\n");
        RuleTests.Case c = RuleTests.load(t).get(0);
        assertEquals(Set.of("AMT_SUM_MISMATCH", "EXE_RATE_MISMATCH"), c.mustAppear());
        assertEquals(Set.of(26, 31), c.lines().get("AMT_SUM_MISMATCH"));
        assertEquals(null, c.lines().get("EXE_RATE_MISMATCH"), "no line: anywhere");

        Path bad = table(HEADER + "乙,报告.txt,AMT_SUM_MISMATCH@第二行,AMT_CROSS_MISMATCH@3,\n");
        RuleTests.CaseFileException e = assertThrows(RuleTests.CaseFileException.class, () -> RuleTests.load(bad));
        assertTrue(e.problems().stream().anyMatch(p -> p.contains("行号“第二行”不是正整数")), e::getMessage);
        assertTrue(e.problems().stream().anyMatch(p -> p.contains("“不得出现”的代码不写行号")), e::getMessage);
    }

    @Test
    void aProblemAfterAMultiLineCellNamesItsOwnLine() throws Exception {
        Path t = table(HEADER + "\"两行\n名称\",报告.txt,,CMP_BLANK_CELL,\n坏,报告.txt,缺少附表,,\n");
        RuleTests.CaseFileException e = assertThrows(RuleTests.CaseFileException.class, () -> RuleTests.load(t));
        assertTrue(e.problems().stream().anyMatch(p -> p.contains("cases.csv 第4行（坏）的“必须出现”：“缺少附表”不是问题代码")), e::getMessage);
        assertTrue(e.problems().stream().noneMatch(p -> p.contains("第2行")), "the two-line case is a good one: " + e.getMessage());
    }

    @Test
    void anUnclosedQuoteIsAProblemAtItsLineNotASwallowedTable() throws Exception {
        Path t = table(HEADER + "甲,报告.txt,,,\n乙,\"报告.txt,,,\n丙,报告.txt,,,\n");
        RuleTests.CaseFileException e = assertThrows(RuleTests.CaseFileException.class, () -> RuleTests.load(t));
        assertEquals(1, e.problems().size(), e::getMessage);
        assertTrue(e.problems().get(0).contains("cases.csv 第3行起：引号不成对"), e::getMessage);

        Path stray = table(HEADER + "甲,\"报告\".txt,,,\n");
        e = assertThrows(RuleTests.CaseFileException.class, () -> RuleTests.load(stray));
        assertTrue(e.problems().get(0).contains("cases.csv 第2行起：引号不成对"), e::getMessage);
    }

    @Test
    void aGb18030TableIsRead() throws Exception {
        Files.writeString(dir.resolve("报告.txt"), "一份报告", StandardCharsets.UTF_8);
        Path t = Files.write(dir.resolve("gbk.csv"), (HEADER + "国标,报告.txt,,CMP_BLANK_CELL,\n").getBytes("GB18030"));
        assertEquals("国标", RuleTests.load(t).get(0).name());
    }
}
