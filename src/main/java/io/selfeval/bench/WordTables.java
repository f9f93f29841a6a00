package io.selfeval.bench;

import io.selfeval.document.Table;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

import java.math.BigInteger;

/**
 * Writes a {@link FormLayout} as a real Word table: a column grid, gridSpan for cells spread over several columns,
 * vMerge for vertically merged cells (an empty {@code <w:vMerge/>} continues the cell above).
 */
public final class WordTables {
    /** Twips of usable page width for a table. */
    private static final int TABLE_TWIPS = 9000;

    private WordTables() {
    }

    /** A neutral table as a form-like Word table, followed by the empty paragraph Word keeps between two tables. */
    public static void table(XWPFDocument doc, Table table) {
        write(doc, FormLayout.of(table));
        doc.createParagraph();
    }

    /** Body text as the forms set it (仿宋); titles of reports and tables centred. */
    public static void text(XWPFParagraph para, String text) {
        XWPFRun run = para.createRun();
        run.setFontFamily("仿宋");
        run.setText(text);
        if (text.endsWith("表") || text.endsWith("报告")) para.setAlignment(ParagraphAlignment.CENTER);
    }

    public static void write(XWPFDocument doc, FormLayout layout) {
        XWPFTable table = doc.createTable();
        int colTwips = TABLE_TWIPS / layout.width;
        CTTblGrid grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid() : table.getCTTbl().addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) grid.removeGridCol(0);
        for (int c = 0; c < layout.width; c++) grid.addNewGridCol().setW(BigInteger.valueOf(colTwips));
        CTTblWidth tw = table.getCTTbl().getTblPr().isSetTblW() ? table.getCTTbl().getTblPr().getTblW() : table.getCTTbl().getTblPr().addNewTblW();
        tw.setType(STTblWidth.DXA);
        tw.setW(BigInteger.valueOf((long) colTwips * layout.width));
        for (int r = 0; r < layout.rows.size(); r++) {
            XWPFTableRow row = r == 0 ? table.getRow(0) : table.createRow();
            while (!row.getTableCells().isEmpty()) row.removeCell(0);
            while (row.getCtRow().sizeOfTcArray() > 0) row.getCtRow().removeTc(0);
            for (FormLayout.Slot s : layout.rows.get(r)) {
                XWPFTableCell cell = row.addNewTableCell();
                CTTcPr pr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
                CTTblWidth w = pr.addNewTcW();
                w.setType(STTblWidth.DXA);
                w.setW(BigInteger.valueOf((long) colTwips * s.span));
                if (s.span > 1) pr.addNewGridSpan().setVal(BigInteger.valueOf(s.span));
                if (s.merge == FormLayout.Merge.RESTART) pr.addNewVMerge().setVal(STMerge.RESTART);
                if (s.merge == FormLayout.Merge.CONTINUE) pr.addNewVMerge(); // an empty <w:vMerge/> continues
                if (cell.getParagraphs().isEmpty()) cell.addParagraph();
                if (s.merge != FormLayout.Merge.CONTINUE) cellText(cell, s);
            }
        }
    }

    /** First-column labels as one paragraph per line; elsewhere line breaks inside one paragraph. */
    private static void cellText(XWPFTableCell cell, FormLayout.Slot s) {
        String[] lines = s.text.split("\n", -1);
        XWPFParagraph first = cell.getParagraphs().get(0);
        if (s.col == 0) {
            first.createRun().setText(lines[0]);
            for (int i = 1; i < lines.length; i++) cell.addParagraph().createRun().setText(lines[i]);
        } else {
            XWPFRun run = first.createRun();
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) run.addBreak();
                run.setText(lines[i], i);
            }
        }
    }
}
