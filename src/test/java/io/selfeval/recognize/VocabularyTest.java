package io.selfeval.recognize;

import io.selfeval.model.Figure;
import io.selfeval.read.TextReader;
import io.selfeval.testing.Checks;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The recognizer's words come from the parameters table: what the table says is what is read. */
class VocabularyTest {
    private static Map<String, List<String>> minimal() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("科目.基本支出", List.of("基本支出"));
        m.put("科目.项目支出", List.of("项目支出"));
        m.put("科目.一般公共预算", List.of("一般公共预算"));
        m.put("一级指标.预算执行率", List.of("执行率"));
        m.put("词表.基础数据表一级行", List.of("合计"));
        return m;
    }

    @Test
    void theLongestFormAtAPlaceWinsWhateverTheRowOrder() {
        Map<String, List<String>> m = minimal();
        m.put("科目.公务用车", List.of("公务用车"));
        m.put("科目.公车运行维护", List.of("公务用车运行(?:和)?维护(?:经)?费"));
        Subjects s = Vocabulary.of(m).subjects();
        assertEquals("公车运行维护", s.canonical("公务用车运行维护费").orElseThrow());
        assertEquals("公务用车", s.canonical("公务用车").orElseThrow());
        assertEquals("公车运行维护", s.last("其中公务用车运行维护费").orElseThrow().subject());
        assertEquals("，共", s.strip("项目支出，共"));
    }

    @Test
    void asciiQuotesReadAsChineseOnes() {
        Map<String, List<String>> m = minimal();
        m.put("科目.三公经费", List.of("[“”]?三公[“”]?经费"));
        Subjects s = Vocabulary.of(m).subjects();
        assertEquals("三公经费", s.canonical("\"三公\"经费").orElseThrow());
        Subjects.Found f = s.last("全年\"三公\"经费支出").orElseThrow();
        assertEquals("\"三公\"经费", "全年\"三公\"经费支出".substring(f.start(), f.end()), "places stay where they were written");
    }

    @Test
    void whatTheRecognizerNeedsMustBeThere() {
        Map<String, List<String>> m = minimal();
        m.remove("科目.基本支出");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Vocabulary.of(m));
        assertTrue(e.getMessage().contains("科目.基本支出"), e.getMessage());
        Map<String, List<String>> bad = minimal();
        bad.put("科目.公用经费", List.of("公用经费("));
        e = assertThrows(IllegalArgumentException.class, () -> Vocabulary.of(bad));
        assertTrue(e.getMessage().contains("公用经费(") && e.getMessage().contains("正则表达式"), e.getMessage());
    }

    @Test
    void aFormAddedToTheTableIsRead() {
        String sentence = "二、支出情况\n全年公用经费支出30万元，其中办公费10万元，印刷费20万元。\n";
        Vocabulary real = Checks.rules().vocabulary();
        assertFalse(real.subjects().canonical("办公经费").isPresent(), "not a form of the shipped table");
        Map<String, List<String>> m = minimal();
        m.put("科目.公用经费", List.of("公用经费", "办公经费"));
        Vocabulary extended = Vocabulary.of(m);
        assertEquals("公用经费", extended.subjects().canonical("办公经费").orElseThrow());
        // The same report read with each: the subject of the total comes from the table.
        String report = sentence.replace("公用经费", "办公经费");
        assertTrue(Recognizer.recognize(TextReader.parse("r.txt", report), extended).factsOf(Figure.class).stream()
                .anyMatch(f -> f.getSubject().equals("公用经费")), "read as 公用经费 with the extended table");
        assertFalse(Recognizer.recognize(TextReader.parse("r.txt", report), real).factsOf(Figure.class).stream()
                .anyMatch(f -> f.getSubject().equals("公用经费")), "not with the shipped one");
    }

    @Test
    void standardLevelsComeFromTheTable() {
        Vocabulary real = Checks.rules().vocabulary();
        assertEquals(List.of("预算执行率", "产出指标", "效益指标", "满意度指标"), real.standardLevel1Names());
        assertEquals("产出指标", ScoreTable.canonicalLevel1(real, "产出指标（50分）"));
        assertEquals("其他指标", ScoreTable.canonicalLevel1(real, "其他指标（5分）"));
        assertEquals("非税收入", real.incomeSource("非税收入拨款"));
        assertTrue(real.isBasicTopRow("“三公”经费"));
        assertTrue(real.isBasicTopRow("\"三公\"经费"));
        assertFalse(real.isBasicTopRow("办公费"));
    }
}
