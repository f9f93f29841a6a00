package io.selfeval.check;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A rule-test report written as a base plus edits is the base with exactly those edits. */
class ReportEditsTest {
    private static final List<String> BASE = List.of("标题", "一、情况", "金额100万元", "\t表格", "\t10", "结尾");

    @Test
    void editsReplaceDeleteAndInsertByTheBasesLineNumbers() throws Exception {
        List<String> out = ReportEdits.apply(BASE, List.of("基于：base.txt", "# 改金额", "第3行改为：金额90万元",
                "删去第4-5行", "第6行前插入：\t新单元格", "第7行前插入：附言", "第1行改为：新标题"), "x.txt");
        assertEquals(List.of("新标题", "一、情况", "金额90万元", "\t新单元格", "结尾", "附言"), out);
    }

    @Test
    void aMistakeNamesTheFileAndLine() {
        ReportEdits.EditException range = assertThrows(ReportEdits.EditException.class,
                () -> ReportEdits.apply(BASE, List.of("基于：base.txt", "第9行改为：x"), "x.txt"));
        assertTrue(range.getMessage().startsWith("x.txt 第2行"), range.getMessage());
        ReportEdits.EditException garbled = assertThrows(ReportEdits.EditException.class,
                () -> ReportEdits.apply(BASE, List.of("基于：base.txt", "", "把第3行换掉"), "x.txt"));
        assertTrue(garbled.getMessage().startsWith("x.txt 第3行：看不懂"), garbled.getMessage());
        assertThrows(ReportEdits.EditException.class,
                () -> ReportEdits.apply(BASE, List.of("基于：base.txt", "第3行改为：a", "删去第2-3行"), "x.txt"));
    }

    @Test
    void theShippedCasesRebuildReportsThatDifferFromTheBase(@TempDir Path tmp) throws Exception {
        Path cases = Path.of("rules/tests/报告");
        Path edits = cases.resolve("AMT_SUM_MISMATCH-触发.txt");
        assertTrue(ReportEdits.isEdits(edits));
        assertFalse(ReportEdits.isEdits(cases.resolve("完整报告.txt")));
        String written = Files.readString(ReportEdits.write(edits, tmp), StandardCharsets.UTF_8);
        String base = Files.readString(cases.resolve("完整报告.txt"), StandardCharsets.UTF_8);
        assertTrue(written.contains("项目支出90万元"));
        assertEquals(base.lines().count(), written.lines().count());
        assertFalse(written.equals(base));
    }

    @Test
    void aMissingBaseIsNamed(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("case.txt");
        Files.writeString(f, "基于：没有这个.txt\n第1行改为：x\n", StandardCharsets.UTF_8);
        ReportEdits.EditException e = assertThrows(ReportEdits.EditException.class, () -> ReportEdits.write(f, tmp));
        assertTrue(e.getMessage().contains("没有这个.txt"), e.getMessage());
    }
}
