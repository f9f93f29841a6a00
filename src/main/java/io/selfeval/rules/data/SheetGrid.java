package io.selfeval.rules.data;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The cells of one worksheet of a rule-data workbook, read from an .xlsx with the JDK's zip and StAX readers (POI's
 * XSSF model costs most of a second to load, which every start of the checker would pay) or, for a binary .xls,
 * through POI's HSSF ({@link PoiSheets}). Values are as Drools' spreadsheet parser gave them when these sheets were
 * decision tables, so a value reads as it always has: text as written, booleans as true/false, a number with a
 * fraction as {@link String#valueOf(double)}, a whole number without decimals, a formula as its cached result; a cell
 * inside a merged region has the value of the region's first cell.
 */
final class SheetGrid {
    private final String name;
    /** row → column → value; rows and columns 0-based, only cells the sheet holds (blank ones too). */
    private final TreeMap<Integer, TreeMap<Integer, String>> cells = new TreeMap<>();
    private final List<int[]> merges = new ArrayList<>();

    SheetGrid(String name) {
        this.name = name;
    }

    String name() { return name; }

    void put(int row, int col, String text) {
        cells.computeIfAbsent(row, r -> new TreeMap<>()).put(col, text == null ? "" : text);
    }

    /** A merged region, 0-based and inclusive: first row, first column, last row, last column. */
    void merge(int firstRow, int firstCol, int lastRow, int lastCol) {
        merges.add(new int[]{firstRow, firstCol, lastRow, lastCol});
    }

    int lastRow() {
        return cells.isEmpty() ? -1 : cells.lastKey();
    }

    /** The text a cell shows (a merged cell: its region's), stripped; "" for none. */
    String text(int row, int col) {
        String v = value(row, col);
        return v == null ? "" : v.strip();
    }

    private String value(int row, int col) {
        TreeMap<Integer, String> r = cells.get(row);
        if (r == null || !r.containsKey(col)) return null;
        for (int[] m : merges) {
            if (row >= m[0] && row <= m[2] && col >= m[1] && col <= m[3]) {
                TreeMap<Integer, String> top = cells.get(m[0]);
                String t = top == null ? null : top.get(m[1]);
                return t == null ? "" : t;
            }
        }
        return r.get(col);
    }

    /** The filled cells of a row, by column. */
    Map<Integer, String> row(int row) {
        Map<Integer, String> out = new LinkedHashMap<>();
        TreeMap<Integer, String> r = cells.get(row);
        if (r == null) return out;
        for (Integer c : r.keySet()) {
            String t = text(row, c);
            if (!t.isEmpty()) out.put(c, t);
        }
        return out;
    }

    // ---- .xlsx ----

    /** Whether the bytes are a zip (an .xlsx), as opposed to a binary .xls. */
    static boolean isZip(byte[] bytes) {
        return bytes.length > 3 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    private static final int MAX_ENTRY = 64 * 1024 * 1024;

    /** The worksheets of an .xlsx, in workbook order. */
    static List<SheetGrid> readXlsx(byte[] bytes) throws IOException {
        Map<String, byte[]> parts = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                String n = e.getName().startsWith("/") ? e.getName().substring(1) : e.getName();
                if (!n.startsWith("xl/") || !(n.endsWith(".xml") || n.endsWith(".rels"))) continue;
                byte[] data = zip.readNBytes(MAX_ENTRY + 1);
                if (data.length > MAX_ENTRY) throw new IOException("表格文件过大：" + n);
                parts.put(n, data);
            }
        }
        byte[] workbook = parts.get("xl/workbook.xml");
        if (workbook == null) throw new IOException("不是 Excel 工作簿（缺少 xl/workbook.xml）");
        try {
            Map<String, String> targets = relationships(parts.get("xl/_rels/workbook.xml.rels"));
            List<String> shared = sharedStrings(parts.get("xl/sharedStrings.xml"));
            List<SheetGrid> sheets = new ArrayList<>();
            XMLStreamReader x = reader(workbook);
            while (x.hasNext()) {
                if (x.next() == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("sheet")) {
                    String name = x.getAttributeValue(null, "name");
                    String id = attribute(x, "id");
                    String target = targets.get(id);
                    if (name == null || target == null) continue;
                    String path = target.startsWith("/") ? target.substring(1) : "xl/" + target;
                    byte[] sheet = parts.get(path);
                    if (sheet == null) continue;
                    sheets.add(readSheet(name, sheet, shared));
                }
            }
            return sheets;
        } catch (XMLStreamException | RuntimeException e) {
            throw new IOException("无法解析 Excel 文件：" + e.getMessage(), e);
        }
    }

    private static XMLStreamReader reader(byte[] xml) throws XMLStreamException {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f.createXMLStreamReader(new ByteArrayInputStream(xml));
    }

    /** An attribute by local name, whatever its namespace (r:id). */
    private static String attribute(XMLStreamReader x, String local) {
        for (int i = 0; i < x.getAttributeCount(); i++) {
            if (x.getAttributeLocalName(i).equals(local)) return x.getAttributeValue(i);
        }
        return null;
    }

    private static Map<String, String> relationships(byte[] rels) throws XMLStreamException {
        Map<String, String> out = new HashMap<>();
        if (rels == null) return out;
        XMLStreamReader x = reader(rels);
        while (x.hasNext()) {
            if (x.next() == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("Relationship")) {
                out.put(x.getAttributeValue(null, "Id"), x.getAttributeValue(null, "Target"));
            }
        }
        return out;
    }

    /** Shared strings: the text of each {@code <si>}, runs joined, phonetic guides ({@code <rPh>}) left out. */
    private static List<String> sharedStrings(byte[] xml) throws XMLStreamException {
        List<String> out = new ArrayList<>();
        if (xml == null) return out;
        XMLStreamReader x = reader(xml);
        StringBuilder sb = null;
        int phonetic = 0;
        boolean inT = false;
        while (x.hasNext()) {
            int ev = x.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                switch (x.getLocalName()) {
                    case "si" -> sb = new StringBuilder();
                    case "rPh" -> phonetic++;
                    case "t" -> inT = phonetic == 0;
                    default -> { }
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                switch (x.getLocalName()) {
                    case "si" -> out.add(sb == null ? "" : sb.toString());
                    case "rPh" -> phonetic--;
                    case "t" -> inT = false;
                    default -> { }
                }
            } else if ((ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) && inT && sb != null) {
                sb.append(x.getText());
            }
        }
        return out;
    }

    private static SheetGrid readSheet(String name, byte[] xml, List<String> shared) throws XMLStreamException {
        SheetGrid grid = new SheetGrid(name);
        XMLStreamReader x = reader(xml);
        int row = -1;
        int nextCol = 0;
        String ref = null;
        String type = null;
        StringBuilder value = null;
        StringBuilder inline = null;
        boolean inV = false;
        boolean inInlineT = false;
        int phonetic = 0;
        while (x.hasNext()) {
            int ev = x.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                switch (x.getLocalName()) {
                    case "row" -> {
                        String r = x.getAttributeValue(null, "r");
                        row = r == null ? row + 1 : Integer.parseInt(r) - 1;
                        nextCol = 0;
                    }
                    case "c" -> {
                        ref = x.getAttributeValue(null, "r");
                        type = x.getAttributeValue(null, "t");
                        value = new StringBuilder();
                        inline = null;
                    }
                    case "v" -> inV = true;
                    case "is" -> inline = new StringBuilder();
                    case "rPh" -> phonetic++;
                    case "t" -> inInlineT = inline != null && phonetic == 0;
                    case "mergeCell" -> {
                        String[] range = x.getAttributeValue(null, "ref").split(":");
                        int[] a = cellRef(range[0]);
                        int[] b = range.length > 1 ? cellRef(range[1]) : a;
                        grid.merge(a[0], a[1], b[0], b[1]);
                    }
                    default -> { }
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                switch (x.getLocalName()) {
                    case "c" -> {
                        int col = ref == null ? nextCol : cellRef(ref)[1];
                        int r = ref == null ? row : cellRef(ref)[0];
                        grid.put(r, col, cellText(type, value.toString(), inline, shared));
                        nextCol = col + 1;
                    }
                    case "v" -> inV = false;
                    case "rPh" -> phonetic--;
                    case "t" -> inInlineT = false;
                    default -> { }
                }
            } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                if (inV && value != null) value.append(x.getText());
                else if (inInlineT) inline.append(x.getText());
            }
        }
        return grid;
    }

    private static String cellText(String type, String v, StringBuilder inline, List<String> shared) {
        if (type == null) type = "n";
        return switch (type) {
            case "s" -> {
                if (v.isBlank()) yield "";
                int i = Integer.parseInt(v.strip());
                yield i >= 0 && i < shared.size() ? shared.get(i) : "";
            }
            case "inlineStr" -> inline == null ? "" : inline.toString();
            case "str", "e" -> v;
            case "b" -> "1".equals(v.strip()) || "true".equalsIgnoreCase(v.strip()) ? "true" : "false";
            default -> number(v);
        };
    }

    /** A number as Drools' spreadsheet parser wrote it: with a fraction as Java prints the double, a whole number without decimals. */
    static String number(String v) {
        if (v == null || v.isBlank()) return "";
        try {
            double d = Double.parseDouble(v.strip());
            if (d - Math.round(d) != 0) return String.valueOf(d);
            return Math.abs(d) < 1e15 ? Long.toString(Math.round(d)) : String.valueOf(d);
        } catch (NumberFormatException e) {
            return v;
        }
    }

    /** "D15" → {14, 3}. */
    static int[] cellRef(String ref) {
        int i = 0;
        int col = 0;
        while (i < ref.length() && Character.isLetter(ref.charAt(i))) {
            col = col * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
            i++;
        }
        int row = i < ref.length() ? Integer.parseInt(ref.substring(i).replace("$", "")) : 1;
        return new int[]{row - 1, col - 1};
    }
}
