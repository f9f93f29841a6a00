package io.selfeval.read;

import io.selfeval.document.Cancellation;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * What a worksheet part ({@code xl/worksheets/sheetN.xml}) holds, read in one StAX pass: its cells by row and
 * column, its merged regions (written after the cells), its array-formula ranges and its column styles. Rows and
 * cells are placed as POI's XSSFSheet places them: by their {@code r}, or after the last one when it is missing; a
 * second row or cell at the same place replaces the first.
 */
final class SheetPart {

    /** A {@code <col>}: columns min..max (1-based) and their default style. */
    record ColumnStyle(long min, long max, int style) {
    }

    final TreeMap<Integer, TreeMap<Integer, XlsxCell>> rows = new TreeMap<>();
    final List<CellRangeAddress> merged = new ArrayList<>();
    final List<CellRangeAddress> arrayFormulas = new ArrayList<>();
    final List<ColumnStyle> columns = new ArrayList<>();

    private SheetPart() {
    }

    static SheetPart read(InputStream in) throws IOException {
        SheetPart part = new SheetPart();
        try {
            XMLStreamReader x = XmlParts.reader(in);
            try {
                part.parse(x);
            } finally {
                x.close();
            }
        } catch (XMLStreamException e) {
            throw new IOException("工作表 XML 无法解析：" + e.getMessage(), e);
        }
        return part;
    }

    private void parse(XMLStreamReader x) throws XMLStreamException {
        while (x.hasNext()) {
            if (x.next() != XMLStreamConstants.START_ELEMENT) continue;
            switch (x.getLocalName()) {
                case "row" -> row(x);
                case "mergeCell" -> {
                    String ref = x.getAttributeValue(null, "ref");
                    if (ref != null) merged.add(CellRangeAddress.valueOf(ref));
                }
                case "col" -> columns.add(new ColumnStyle(longAttribute(x, "min"), longAttribute(x, "max"),
                        (int) longAttribute(x, "style")));
                default -> { }
            }
        }
    }

    private static long longAttribute(XMLStreamReader x, String name) {
        String v = x.getAttributeValue(null, name);
        return v == null || v.isBlank() ? 0 : Long.parseLong(v.strip());
    }

    /** A {@code <row>} and its cells; the reader is at its start and is left at its end. */
    private void row(XMLStreamReader x) throws XMLStreamException {
        Cancellation.checkpoint();
        String r = x.getAttributeValue(null, "r");
        TreeMap<Integer, XlsxCell> cells = new TreeMap<>();
        while (x.hasNext()) {
            int ev = x.next();
            if (ev == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("c")) {
                String ref = x.getAttributeValue(null, "r");
                int col = ref != null ? new CellReference(ref).getCol() : cells.isEmpty() ? 0 : cells.lastKey() + 1;
                cells.put(col, cell(x));
            } else if (ev == XMLStreamConstants.END_ELEMENT && x.getLocalName().equals("row")) {
                break;
            }
        }
        // Writers that leave out the row number mean the row after the last one.
        int index = r != null ? Math.toIntExact(Long.parseLong(r.strip()) - 1) : rows.isEmpty() ? 0 : rows.lastKey() + 1;
        rows.put(index, cells);
    }

    /** A {@code <c>}; the reader is at its start and is left at its end. */
    private XlsxCell cell(XMLStreamReader x) throws XMLStreamException {
        String type = x.getAttributeValue(null, "t");
        String style = x.getAttributeValue(null, "s");
        boolean formula = false;
        String value = null;
        boolean inline = false;
        StringBuilder plain = null;
        StringBuilder runs = null;
        String parent = null;
        List<String> path = new ArrayList<>();
        while (x.hasNext()) {
            int ev = x.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String name = x.getLocalName();
                parent = path.isEmpty() ? null : path.get(path.size() - 1);
                path.add(name);
                if (path.size() == 1) {
                    switch (name) {
                        case "f" -> {
                            String t = x.getAttributeValue(null, "t");
                            formula = !"dataTable".equals(t);
                            String ref = x.getAttributeValue(null, "ref");
                            if ("array".equals(t) && ref != null) arrayFormulas.add(CellRangeAddress.valueOf(ref));
                        }
                        case "v" -> value = x.getElementText();
                        case "is" -> inline = true;
                        default -> { }
                    }
                    if (name.equals("v")) path.remove(path.size() - 1); // getElementText stopped at </v>
                } else if (name.equals("t") && path.size() == 2 && "is".equals(parent)) {
                    plain = append(plain, x.getElementText());
                    path.remove(path.size() - 1);
                } else if (name.equals("t") && path.size() == 3 && "r".equals(parent) && path.get(0).equals("is")) {
                    runs = append(runs, x.getElementText());
                    path.remove(path.size() - 1);
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                if (path.isEmpty()) break; // </c>
                path.remove(path.size() - 1);
            }
        }
        String inlineText = runs != null ? runs.toString() : plain != null ? plain.toString() : null;
        return new XlsxCell(type, style, formula, value, inline, inlineText);
    }

    private static StringBuilder append(StringBuilder sb, String text) {
        return (sb == null ? new StringBuilder() : sb).append(text);
    }
}
