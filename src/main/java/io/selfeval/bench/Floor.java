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

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The floors: open the file and get its text out, nothing else. A .docx is opened with POI ({@link XWPFDocument})
 * and every paragraph and table cell of the body is read ({@link #read}, the XWPF floor), or its
 * {@code word/document.xml} is passed over once with StAX, keeping the text of every w:t ({@link #streaming}, the
 * physical floor: no checker reading that part can beat it); a .pdf is opened with PDFBox and its text extracted
 * ({@link PDFTextStripper}, the PDFBox floor); a .txt is read as UTF-8.
 */
public final class Floor {
    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final ThreadLocal<XMLInputFactory> XML = ThreadLocal.withInitial(() -> {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f;
    });

    private Floor() {
    }

    /** The streaming floor: the characters of every w:t of a .docx's main part; other files as {@link #read}. */
    public static long streaming(Path file) throws IOException {
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".docx")) return read(file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry part = zip.getEntry("word/document.xml");
            if (part == null) throw new IOException("no word/document.xml in " + file);
            try (InputStream in = zip.getInputStream(part)) {
                XMLStreamReader x = XML.get().createXMLStreamReader(in);
                long chars = 0;
                boolean inText = false;
                while (x.hasNext()) {
                    int e = x.next();
                    if (e == XMLStreamConstants.START_ELEMENT) inText = x.getLocalName().equals("t") && W.equals(x.getNamespaceURI());
                    else if (e == XMLStreamConstants.END_ELEMENT) inText = false;
                    else if (inText && e == XMLStreamConstants.CHARACTERS) chars += x.getTextLength();
                }
                x.close();
                return chars;
            } catch (XMLStreamException e) {
                throw new IOException(e);
            }
        }
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
