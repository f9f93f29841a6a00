package io.selfeval.read;

import io.selfeval.document.Block;
import io.selfeval.document.Document;
import io.selfeval.document.Paragraph;
import io.selfeval.document.Row;
import io.selfeval.document.Table;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTrPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DocxReaderTest {
    @TempDir
    Path dir;

    /** A cell spec: text, grid span, vertical merge (null none, RESTART, or CONTINUE written as an empty vMerge). */
    private record Spec(String text, int span, STMerge.Enum vMerge) {
    }

    private static Spec c(String text) {
        return new Spec(text, 1, null);
    }

    private static Spec span(String text, int span) {
        return new Spec(text, span, null);
    }

    private static Spec restart(String text) {
        return new Spec(text, 1, STMerge.RESTART);
    }

    private static Spec cont() {
        return new Spec("", 1, STMerge.CONTINUE);
    }

    private static XWPFTableRow row(XWPFTable t, Spec... cells) {
        XWPFTableRow row = t.createRow();
        while (!row.getTableCells().isEmpty()) row.removeCell(0);
        for (Spec s : cells) {
            XWPFTableCell cell = row.addNewTableCell();
            cell.removeParagraph(0);
            String[] lines = s.text().split("\n", -1);
            var run = cell.addParagraph().createRun();
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) run.addBreak();
                run.setText(lines[i], i);
            }
            CTTcPr pr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
            if (s.span() > 1) pr.addNewGridSpan().setVal(BigInteger.valueOf(s.span()));
            if (s.vMerge() == STMerge.RESTART) pr.addNewVMerge().setVal(STMerge.RESTART);
            else if (s.vMerge() != null) pr.addNewVMerge(); // <w:vMerge/>: continue
        }
        return row;
    }

    /** The indicator table of a 整体支出绩效自评表 as Word lays it out: merged 一级/二级 cells, a spanning 总分. */
    private Path indicatorDocx() {
        XWPFDocument doc = new XWPFDocument();
        // The cover title sits in a text box, in the DrawingML form with its VML fallback copy.
        Word.rawParagraph(doc, "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor>"
                + "<a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>"
                + "<w:p><w:r><w:t>2024年度测试县人民政府办公室</w:t></w:r></w:p>"
                + "<w:p><w:r><w:t>整体支出绩效自评报告</w:t></w:r></w:p>"
                + "</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
                + "<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>"
                + "<w:p><w:r><w:t>2024年度测试县人民政府办公室</w:t></w:r></w:p>"
                + "<w:p><w:r><w:t>整体支出绩效自评报告</w:t></w:r></w:p>"
                + "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>");
        Word.paragraph(doc, "一、部门基本情况");
        Word.paragraph(doc, "第一行\n第二行");
        Word.paragraph(doc, "附件2");
        XWPFTable t = doc.createTable();
        t.removeRow(0);
        row(t, c("一级指标"), c("二级指标"), c("三级指标"), c("分值"), c("得分"));
        row(t, restart("产出指标\n(50分)"), restart("数量指标"), c("培训人次"), restart("10"), c("10"));
        row(t, cont(), cont(), c("培训\n覆盖率"), cont(), c("9"));
        row(t, cont(), c("质量指标"), c("合格率"), c("5"), c("5"));
        row(t, restart("效益指标"), c("社会效益"), c("满意度"), c("10"), c("8"));
        row(t, span("总分", 3), c("100"), c("98"));
        // A row that starts one grid column in and stops one short: gridBefore / gridAfter.
        XWPFTableRow shifted = row(t, c("说明"), c("见正文"), c("无"));
        CTTrPr trPr = shifted.getCtRow().isSetTrPr() ? shifted.getCtRow().getTrPr() : shifted.getCtRow().addNewTrPr();
        trPr.addNewGridBefore().setVal(BigInteger.ONE);
        trPr.addNewGridAfter().setVal(BigInteger.ONE);
        // A table nested in a cell.
        XWPFTableRow withNested = row(t, c("备注"), span("", 4));
        XWPFTableCell holder = withNested.getCell(1);
        var nested = holder.getCTTc().addNewTbl();
        var nr = nested.addNewTr();
        nr.addNewTc().addNewP().addNewR().addNewT().setStringValue("甲");
        nr.addNewTc().addNewP().addNewR().addNewT().setStringValue("乙");
        Word.paragraph(doc, "填表人：张三\t联系电话：123");
        Path file = dir.resolve("指标表.docx");
        Word.save(doc, file);
        return file;
    }

    private static List<String> texts(Row r) {
        return r.cells().stream().map(io.selfeval.document.Cell::text).toList();
    }

    @Test
    void paragraphsTablesMergesAndTextBoxesInReadingOrder() throws Exception {
        Path file = indicatorDocx();
        Document d = new DocxReader().read(file);
        List<Block> blocks = d.blocks();
        List<String> paragraphs = d.paragraphs().stream().map(Paragraph::text).toList();
        assertEquals(List.of("2024年度测试县人民政府办公室", "整体支出绩效自评报告", "一、部门基本情况", "第一行", "第二行", "附件2",
                "填表人：张三 联系电话：123"), paragraphs, "text box read once (not again from its fallback), line breaks split");
        assertTrue(blocks.get(6) instanceof Table, "the table stands between 附件2 and the note");

        Table t = d.tables().get(0);
        assertEquals(1, t.index());
        List<Row> rows = t.rows();
        assertEquals(List.of("一级指标", "二级指标", "三级指标", "分值", "得分"), texts(rows.get(0)));
        assertEquals(List.of("产出指标\n(50分)", "数量指标", "培训人次", "10", "10"), texts(rows.get(1)), "line break in a cell is \\n");
        assertEquals(List.of("产出指标\n(50分)", "数量指标", "培训\n覆盖率", "", "9"), texts(rows.get(2)),
                "an empty <w:vMerge/> continues: the 一级/二级 text repeats, a merged number does not");
        assertEquals(List.of("产出指标\n(50分)", "质量指标", "合格率", "5", "5"), texts(rows.get(3)));
        assertEquals(List.of("效益指标", "社会效益", "满意度", "10", "8"), texts(rows.get(4)), "a new restart ends the merge");
        assertEquals(List.of("总分", "100", "98"), texts(rows.get(5)), "a gridSpan cell is one cell, as in a text rendering");
        assertEquals(List.of("说明", "见正文", "无", ""), texts(rows.get(6)), "gridAfter pads the right end, gridBefore adds nothing");
        assertEquals(List.of("备注", "甲 乙"), texts(rows.get(7)), "a nested table becomes lines of its cell");

        // Word has no lines: positions run in reading order and the blocks say where they come from.
        int last = 0;
        for (Block b : blocks) {
            assertTrue(b.line() > last, "positions increase");
            last = b instanceof Table tb ? tb.rows().get(tb.rows().size() - 1).line() : b.line();
            assertNotNull(b.source());
            assertFalse(b.source().hasLines());
            assertEquals(file.toString(), b.source().file());
            assertNull(b.source().sheet());
        }
    }

    @Test
    void aDocxRenamedDocIsStillReadAsWord() throws Exception {
        Path docx = indicatorDocx();
        Path renamed = dir.resolve("改名.doc");
        Files.copy(docx, renamed);
        assertEquals(Formats.Kind.DOCX, Formats.detect(renamed));
        Document a = Readers.read(docx);
        Document b = Readers.read(renamed);
        assertEquals(a.paragraphs().stream().map(Paragraph::text).toList(), b.paragraphs().stream().map(Paragraph::text).toList());
        assertEquals(a.tables().get(0).rows().stream().map(DocxReaderTest::texts).toList(),
                b.tables().get(0).rows().stream().map(DocxReaderTest::texts).toList());
    }

    @Test
    void aTableOfContentsIsNotReadAsHeadings() throws Exception {
        XWPFDocument doc = new XWPFDocument();
        Word.rawParagraph(doc, "<w:p><w:pPr><w:pStyle w:val=\"TOC1\"/></w:pPr><w:r><w:t>一、部门基本情况</w:t></w:r>"
                + "<w:r><w:tab/></w:r><w:r><w:t>3</w:t></w:r></w:p>");
        Word.paragraph(doc, "一、部门基本情况");
        Path file = dir.resolve("目录.docx");
        Word.save(doc, file);
        assertEquals(List.of("一、部门基本情况"), new DocxReader().read(file).paragraphs().stream().map(Paragraph::text).toList());
    }
}
