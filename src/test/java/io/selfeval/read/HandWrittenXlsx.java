package io.selfeval.read;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A workbook written part by part, for what POI's writers never write but other programs do: rows and cells without
 * their {@code r}, inline rich text, phonetic guides, escaped characters, array and data-table formulas, a missing
 * styles part, dates counted from 1904.
 */
final class HandWrittenXlsx {
    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private final Map<String, String> sheets = new LinkedHashMap<>();
    private final Map<String, String> states = new LinkedHashMap<>();
    private String sharedStrings;
    private String styles;
    private boolean date1904;

    HandWrittenXlsx sheet(String name, String state, String sheetXmlBody) {
        sheets.put(name, sheetXmlBody);
        states.put(name, state);
        return this;
    }

    HandWrittenXlsx sharedStrings(String sstBody) {
        this.sharedStrings = sstBody;
        return this;
    }

    HandWrittenXlsx styles(String stylesBody) {
        this.styles = stylesBody;
        return this;
    }

    HandWrittenXlsx date1904() {
        this.date1904 = true;
        return this;
    }

    Path write(Path file) throws IOException {
        Map<String, String> parts = new LinkedHashMap<>();
        StringBuilder types = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>");
        StringBuilder rels = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        StringBuilder book = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + REL + "\">"
                + (date1904 ? "<workbookPr date1904=\"1\"/>" : "") + "<sheets>");
        int n = 0;
        for (Map.Entry<String, String> s : sheets.entrySet()) {
            n++;
            String state = states.get(s.getKey());
            book.append("<sheet name=\"").append(s.getKey()).append("\" sheetId=\"").append(n).append('"')
                    .append(state == null ? "" : " state=\"" + state + "\"").append(" r:id=\"rId").append(n).append("\"/>");
            rels.append("<Relationship Id=\"rId").append(n).append("\" Type=\"").append(REL)
                    .append("/worksheet\" Target=\"worksheets/sheet").append(n).append(".xml\"/>");
            types.append("<Override PartName=\"/xl/worksheets/sheet").append(n)
                    .append(".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
            parts.put("xl/worksheets/sheet" + n + ".xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + MAIN
                    + "\" xmlns:r=\"" + REL + "\">" + s.getValue() + "</worksheet>");
        }
        book.append("</sheets></workbook>");
        if (sharedStrings != null) {
            rels.append("<Relationship Id=\"rIdS\" Type=\"").append(REL).append("/sharedStrings\" Target=\"sharedStrings.xml\"/>");
            types.append("<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>");
            parts.put("xl/sharedStrings.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"" + MAIN + "\">" + sharedStrings + "</sst>");
        }
        if (styles != null) {
            rels.append("<Relationship Id=\"rIdT\" Type=\"").append(REL).append("/styles\" Target=\"styles.xml\"/>");
            types.append("<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
            parts.put("xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"" + MAIN + "\">" + styles + "</styleSheet>");
        }
        rels.append("</Relationships>");
        types.append("</Types>");
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
            put(zip, "[Content_Types].xml", types.toString());
            put(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"" + REL + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            put(zip, "xl/workbook.xml", book.toString());
            put(zip, "xl/_rels/workbook.xml.rels", rels.toString());
            for (Map.Entry<String, String> p : parts.entrySet()) put(zip, p.getKey(), p.getValue());
        }
        return file;
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
