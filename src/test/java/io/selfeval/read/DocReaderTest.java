package io.selfeval.read;

import io.selfeval.document.Cell;
import io.selfeval.document.Document;
import io.selfeval.document.Paragraph;
import io.selfeval.document.Row;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * merged-table.doc is a Word 97–2003 file LibreOffice saved from a .docx built with POI: a title, a heading, "附件2",
 * a table whose 一级指标 and 分值 cells are merged over two rows and whose 总分 spans two columns, a line break in a
 * cell, and a note after the table. POI cannot write .doc files, so the file is kept as a test resource.
 */
class DocReaderTest {
    private static Path resource() throws URISyntaxException {
        return Path.of(DocReaderTest.class.getResource("merged-table.doc").toURI());
    }

    @Test
    void paragraphsAndTablesWithMergesResolved() throws Exception {
        Path file = resource();
        assertEquals(Formats.Kind.DOC, Formats.detect(file));
        Document d = Readers.read(file);
        assertEquals(List.of("2024年度测试县人民政府办公室整体支出绩效自评报告", "一、部门基本情况", "附件2", "填表人：张三"),
                d.paragraphs().stream().map(Paragraph::text).toList());
        List<List<String>> rows = d.tables().get(0).rows().stream().map(r -> r.cells().stream().map(Cell::text).toList()).toList();
        assertEquals(List.of(
                List.of("一级指标", "二级指标", "分值", "得分"),
                List.of("产出指标", "数量指标", "10", "10"),
                List.of("产出指标", "质量\n指标", "", "9"),
                List.of("总分", "100", "98")), rows);
        assertFalse(d.tables().get(0).source().hasLines());
        Row first = d.tables().get(0).rows().get(0);
        assertEquals(d.paragraphs().get(2).line() + 1, first.line(), "positions run on from the paragraphs into the rows");
    }
}
