package io.selfeval.testing;

import io.selfeval.document.Block;
import io.selfeval.document.Cell;
import io.selfeval.document.Document;
import io.selfeval.document.Paragraph;
import io.selfeval.document.Row;
import io.selfeval.document.Table;
import io.selfeval.read.TextReader;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Word and Excel files built with POI from text in the seeds' rendering, for tests of table reading. */
public final class OfficeDocs {
    private OfficeDocs() {
    }

    /** The blocks of a text rendering (paragraphs, tables). */
    public static List<Block> blocks(String text) {
        return TextReader.parse("t.txt", text).blocks();
    }

    /** A Word file: each block of each text in order; every table of the texts becomes one Word table. */
    public static Path docx(Path file, String... texts) {
        XWPFDocument doc = new XWPFDocument();
        for (String text : texts) {
            for (Block b : blocks(text)) {
                if (b instanceof Paragraph p) doc.createParagraph().createRun().setText(p.text());
                else if (b instanceof Table t) wordTable(doc, t.rows());
            }
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            doc.write(out);
            doc.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    public static void wordTable(XWPFDocument doc, List<Row> rows) {
        XWPFTable table = doc.createTable();
        table.removeRow(0);
        for (Row r : rows) {
            XWPFTableRow row = table.createRow();
            while (row.getTableCells().size() > 0) row.removeCell(0);
            for (Cell c : r.cells()) {
                XWPFTableCell cell = row.addNewTableCell();
                cell.removeParagraph(0);
                for (String line : c.text().split("\n", -1)) cell.addParagraph().createRun().setText(line);
            }
        }
    }

    /**
     * A workbook: one sheet per entry of {@code sheets} (name, then texts); each text's paragraphs and table rows are
     * written one below the other on that sheet, a blank row between texts, as attachments are laid out in one sheet.
     */
    public static Path xlsx(Path file, List<List<String>> sheets) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            for (List<String> sheet : sheets) {
                XSSFSheet s = wb.createSheet(sheet.get(0));
                int r = 0;
                for (String text : sheet.subList(1, sheet.size())) {
                    for (Block b : blocks(text)) {
                        if (b instanceof Paragraph p) {
                            s.createRow(r++).createCell(0).setCellValue(p.text());
                        } else if (b instanceof Table t) {
                            for (Row row : t.rows()) {
                                var xr = s.createRow(r++);
                                for (int c = 0; c < row.size(); c++) xr.createCell(c).setCellValue(row.cells().get(c).text());
                            }
                        }
                    }
                    r++;
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
