package io.selfeval.bench;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The floor no checker can beat: open the file and get its text out, nothing else. A .docx is opened with POI
 * ({@link XWPFDocument}) and every paragraph and table cell of the body is read; a .pdf is opened with PDFBox and
 * its text extracted ({@link PDFTextStripper}, the PDFBox floor); a .txt is read as UTF-8.
 */
public final class Floor {
    private Floor() {
    }

    /** The number of characters read (so that the work cannot be optimized away). */
    public static long read(Path file) throws IOException {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".pdf")) {
            try (PDDocument doc = Loader.loadPDF(file.toFile())) {
                return new PDFTextStripper().getText(doc).length();
            }
        }
        if (!n.endsWith(".docx")) return Files.readString(file, StandardCharsets.UTF_8).length();
        long chars = 0;
        try (InputStream in = Files.newInputStream(file); XWPFDocument doc = new XWPFDocument(in)) {
            for (IBodyElement e : doc.getBodyElements()) {
                if (e instanceof XWPFParagraph p) {
                    chars += p.getText().length();
                } else if (e instanceof XWPFTable t) {
                    for (XWPFTableRow row : t.getRows()) {
                        for (XWPFTableCell cell : row.getTableCells()) chars += cell.getText().length();
                    }
                }
            }
        }
        return chars;
    }
}
