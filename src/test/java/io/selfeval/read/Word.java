package io.selfeval.read;

import io.selfeval.document.Block;
import io.selfeval.document.Cell;
import io.selfeval.document.Document;
import io.selfeval.document.Paragraph;
import io.selfeval.document.Row;
import io.selfeval.document.Table;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlException;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Small Word files built with POI for the reader tests. */
final class Word {
    static final String NS = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
            + "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" "
            + "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" "
            + "xmlns:v=\"urn:schemas-microsoft-com:vml\" "
            + "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
            + "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"";

    private Word() {
    }

    static void save(XWPFDocument doc, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            doc.write(out);
            doc.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void paragraph(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        String[] lines = text.split("\n", -1);
        XWPFRun r = p.createRun();
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) r.addBreak();
            r.setText(lines[i], i);
        }
    }

    /** A document whose body is this raw XML (namespaces of {@link #NS} declared), as POI saves it. */
    static XWPFDocument withBody(String bodyXml) {
        XWPFDocument doc = new XWPFDocument();
        try {
            doc.getDocument().set(org.openxmlformats.schemas.wordprocessingml.x2006.main.DocumentDocument.Factory
                    .parse("<w:document " + NS + "><w:body>" + bodyXml + "</w:body></w:document>").getDocument());
        } catch (XmlException e) {
            throw new IllegalArgumentException(e);
        }
        return doc;
    }

    /** A paragraph from raw body XML (namespaces of {@link #NS} declared). */
    static void rawParagraph(XWPFDocument doc, String pXml) {
        try {
            // Parsed as the w:p element itself, not as a document holding one (which set() would nest).
            CTP ctp = CTP.Factory.parse(pXml.replaceFirst("<w:p>", "<w:p " + NS + ">"),
                    new org.apache.xmlbeans.XmlOptions().setLoadReplaceDocumentElement(null));
            doc.getDocument().getBody().addNewP().set(ctp);
        } catch (XmlException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A Word file with the neutral document's paragraphs and tables, one Word cell per cell, no merges. */
    static Path of(Document d, Path file) {
        XWPFDocument doc = new XWPFDocument();
        for (Block b : d.blocks()) {
            if (b instanceof Paragraph p) {
                paragraph(doc, p.text());
            } else if (b instanceof Table t) {
                table(doc, t.rows());
            }
        }
        save(doc, file);
        return file;
    }

    static void table(XWPFDocument doc, List<Row> rows) {
        XWPFTable table = doc.createTable();
        table.removeRow(0);
        for (Row r : rows) {
            XWPFTableRow row = table.createRow();
            while (row.getTableCells().size() > 0) row.removeCell(0);
            for (Cell c : r.cells()) {
                XWPFTableCell cell = row.addNewTableCell();
                cell.removeParagraph(0);
                String[] lines = c.text().split("\n", -1);
                for (String line : lines) cell.addParagraph().createRun().setText(line);
            }
        }
    }
}
