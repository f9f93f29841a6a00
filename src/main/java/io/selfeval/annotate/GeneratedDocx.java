package io.selfeval.annotate;

import io.selfeval.document.Block;
import io.selfeval.document.Cell;
import io.selfeval.document.Document;
import io.selfeval.document.Paragraph;
import io.selfeval.document.Row;
import io.selfeval.document.Table;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.xmlbeans.XmlObject;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A new Word document from a file that has no Word form of its own to comment on (a .txt report, or a Word 97–2003
 * .doc, which POI cannot write): its paragraphs and tables as read, in order, the first paragraph as the title.
 * {@link #anchored()} gives the document as read with each paragraph and cell naming its place in the new one.
 */
final class GeneratedDocx {
    private final XWPFDocument doc = new XWPFDocument();
    private final Document anchored;

    GeneratedDocx(Document read) {
        Map<Paragraph, XmlObject> paragraphs = new IdentityHashMap<>();
        Map<Cell, XmlObject> cells = new IdentityHashMap<>();
        boolean first = true;
        for (Block b : read.blocks()) {
            if (b instanceof Paragraph p) {
                XWPFParagraph para = doc.createParagraph();
                XWPFRun run = para.createRun();
                run.setText(p.text());
                if (first) {
                    para.setAlignment(ParagraphAlignment.CENTER);
                    run.setBold(true);
                    run.setFontSize(16);
                    first = false;
                }
                paragraphs.put(p, para.getCTP());
            } else if (b instanceof Table t) {
                table(t, cells);
                first = false;
            }
        }
        Map<XmlObject, String> names = new WordPlaces(doc, read).names();
        List<Block> blocks = new ArrayList<>();
        for (Block b : read.blocks()) {
            if (b instanceof Paragraph p) {
                blocks.add(new Paragraph(p.text(), p.line(), p.source(), names.get(paragraphs.get(p))));
            } else if (b instanceof Table t) {
                List<Row> rows = new ArrayList<>();
                for (Row r : t.rows()) {
                    List<Cell> out = new ArrayList<>();
                    for (Cell c : r.cells()) out.add(new Cell(c.text(), c.line(), c.ref(), names.get(cells.get(c))));
                    rows.add(new Row(out, r.line()));
                }
                blocks.add(new Table(t.index(), rows, t.line(), t.source()));
            }
        }
        this.anchored = new Document(read.file(), blocks);
    }

    private void table(Table t, Map<Cell, XmlObject> cells) {
        int columns = t.rows().stream().mapToInt(Row::size).max().orElse(1);
        XWPFTable table = doc.createTable(t.rows().size(), Math.max(1, columns));
        for (int r = 0; r < t.rows().size(); r++) {
            Row row = t.rows().get(r);
            for (int c = 0; c < row.size(); c++) {
                XWPFTableCell cell = table.getRow(r).getCell(c);
                if (cell == null) continue;
                String[] lines = row.cells().get(c).text().split("\n", -1);
                XWPFParagraph para = cell.getParagraphs().get(0);
                for (int i = 0; i < lines.length; i++) {
                    if (i > 0) para = cell.addParagraph();
                    para.createRun().setText(lines[i]);
                }
                cells.put(row.cells().get(c), cell.getCTTc());
            }
        }
        // A paragraph between tables keeps Word from joining them into one.
        doc.createParagraph();
    }

    XWPFDocument document() {
        return doc;
    }

    Document anchored() {
        return anchored;
    }
}
