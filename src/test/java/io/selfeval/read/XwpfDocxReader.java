package io.selfeval.read;

import io.selfeval.document.Cancellation;
import io.selfeval.document.Document;
import io.selfeval.document.SourceRef;
import io.selfeval.read.BlockBuilder.CellText;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The reader .docx files had before the streaming {@link DocxReader}, kept as the oracle of {@code DocxStreamingDifferentialTest}: reads a Word 2007+ file (.docx, .docm) with POI's XWPF into the neutral document, walking the body XML in order:
 * <ul>
 *   <li>paragraphs, split at line breaks; text boxes (w:txbxContent, where covers and titles hide) come as
 *   paragraphs before the paragraph that anchors them, read once (not again from the VML fallback copy);</li>
 *   <li>tables: one cell per w:tc as in a text rendering (a cell spanning grid columns is one cell); a cell under a
 *   vertical merge (an empty {@code <w:vMerge/>} means continue) shows the merged cell's text, unless that is a
 *   number; columns are tracked on the logical grid (gridSpan, gridBefore), and gridAfter pads the row's right
 *   end with empty cells so rows stay aligned from the right; line breaks inside a cell are '\n'; a table nested in
 *   a cell becomes lines of the cell's text;</li>
 *   <li>content controls (w:sdt) are read through, except a table of contents, which would repeat every heading;
 *   paragraphs in a TOC style are skipped for the same reason; deleted and moved-away text is not read.</li>
 * </ul>
 * Word's list numbering is not in the text; the recognizer finds sections by their title words.
 */
public final class XwpfDocxReader implements DocumentReader {
    static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    static final String MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";
    private static final Pattern TOC_STYLE = Pattern.compile("^(?:toc\\s*\\d|目录\\s*\\d|table of contents|目录)$");

    static {
        Formats.init();
    }

    @Override
    public boolean accepts(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".docx") || n.endsWith(".docm");
    }

    @Override
    public Document read(Path file, String name) throws IOException, UnreadableException {
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new UnreadableException("Word 文件已损坏，无法打开（压缩包结构无效）", e);
        }
        try {
            PartSizes.check(pkg, "Word 文件");
            XWPFDocument doc = new XWPFDocument(pkg);
            return new Walker(doc, SourceRef.office(name, null)).read(name);
        } finally {
            pkg.revert();
        }
    }

    /** One pass over the body XML. */
    private static final class Walker {
        private final BlockBuilder out = new BlockBuilder();
        private final SourceRef source;
        private final Map<String, Boolean> tocStyles = new HashMap<>();
        private final XWPFStyles styles;
        private final Node body;
        private final Anchors anchors;

        Walker(XWPFDocument doc, SourceRef source) {
            this.source = source;
            this.styles = doc.getStyles();
            this.body = doc.getDocument().getBody().getDomNode();
            this.anchors = new Anchors(body);
        }

        Document read(String name) {
            blocks(body);
            return out.build(name);
        }

        private void blocks(Node parent) {
            for (Node k = parent.getFirstChild(); k != null; k = k.getNextSibling()) {
                if (k.getNodeType() != Node.ELEMENT_NODE) continue;
                Cancellation.checkpoint();
                String ns = k.getNamespaceURI();
                String n = k.getLocalName();
                if (W.equals(ns)) {
                    switch (n) {
                        case "p" -> paragraph(k);
                        case "tbl" -> out.table(table(k), source);
                        case "sdt" -> {
                            if (!isTableOfContents(k)) blocks(sdtContent(k));
                        }
                        case "customXml", "ins", "smartTag" -> blocks(k);
                        default -> {
                            // sectPr, bookmarks, deletions: no body text
                        }
                    }
                } else if (MC.equals(ns) && n.equals("AlternateContent")) {
                    Node choice = firstChild(k, MC, "Choice");
                    if (choice != null) blocks(choice);
                }
            }
        }

        private void paragraph(Node p) {
            if (isTocParagraph(p)) return;
            Text t = new Text();
            t.collect(p);
            for (int i = 0; i < t.boxes.size(); i++) out.paragraphs(t.boxes.get(i), source, anchors.paragraph(t.boxStarts.get(i)));
            out.paragraphs(t.main.toString(), source, anchors.paragraph(p));
        }

        private List<List<CellText>> table(Node tbl) {
            List<List<CellText>> rows = new ArrayList<>();
            Map<Integer, String> merged = new HashMap<>();
            Map<Integer, String> mergedAnchors = new HashMap<>();
            for (Node tr : children(tbl, "tr")) {
                Cancellation.checkpoint();
                Node trPr = firstChild(tr, W, "trPr");
                int before = intVal(firstChild(trPr, W, "gridBefore"), 0);
                int after = intVal(firstChild(trPr, W, "gridAfter"), 0);
                Map<Integer, String> next = new HashMap<>();
                Map<Integer, String> nextAnchors = new HashMap<>();
                List<CellText> cells = new ArrayList<>();
                int col = Math.max(0, before);
                for (Node tc : children(tr, "tc")) {
                    Node tcPr = firstChild(tc, W, "tcPr");
                    int span = Math.max(1, intVal(firstChild(tcPr, W, "gridSpan"), 1));
                    Node hMerge = firstChild(tcPr, W, "hMerge");
                    Node vMerge = firstChild(tcPr, W, "vMerge");
                    if (hMerge != null && !"restart".equals(val(hMerge))) {
                        // Legacy horizontal merge: this cell is part of the one to its left.
                        col += span;
                        continue;
                    }
                    String text = cellText(tc);
                    // A comment on a merged cell belongs on the cell that shows the text, the merge's first.
                    String anchor = anchors.cell(tc);
                    if (vMerge != null && !"restart".equals(val(vMerge))) {
                        String mergedText = merged.get(col);
                        if (mergedText != null) {
                            next.put(col, mergedText);
                            nextAnchors.put(col, mergedAnchors.get(col));
                            text = BlockBuilder.continued(mergedText);
                            anchor = mergedAnchors.get(col);
                        }
                    } else if (vMerge != null) {
                        next.put(col, text);
                        nextAnchors.put(col, anchor);
                    }
                    cells.add(new CellText(text, null, anchor));
                    col += span;
                }
                for (int i = 0; i < Math.min(after, 64); i++) cells.add(CellText.of(""));
                merged = next;
                mergedAnchors = nextAnchors;
                rows.add(cells);
            }
            return rows;
        }

        /** A cell's paragraphs joined by '\n'; a nested table as one line per row; text boxes as further lines. */
        private String cellText(Node tc) {
            List<String> lines = new ArrayList<>();
            cellContent(tc, lines);
            return String.join("\n", lines);
        }

        private void cellContent(Node parent, List<String> lines) {
            for (Node k = parent.getFirstChild(); k != null; k = k.getNextSibling()) {
                if (k.getNodeType() != Node.ELEMENT_NODE || !W.equals(k.getNamespaceURI())) continue;
                switch (k.getLocalName()) {
                    case "p" -> {
                        Text t = new Text();
                        t.collect(k);
                        lines.add(t.main.toString());
                        lines.addAll(t.boxes);
                    }
                    case "tbl" -> {
                        for (List<CellText> row : table(k)) {
                            StringBuilder sb = new StringBuilder();
                            for (CellText c : row) {
                                String s = c.text().replace('\n', ' ').strip();
                                if (s.isEmpty()) continue;
                                if (sb.length() > 0) sb.append(' ');
                                sb.append(s);
                            }
                            lines.add(sb.toString());
                        }
                    }
                    case "sdt" -> cellContent(sdtContent(k), lines);
                    case "customXml" -> cellContent(k, lines);
                    default -> {
                    }
                }
            }
        }

        /** The rows of a table or the cells of a row: w:tr / w:tc, also inside content controls and custom XML. */
        private static List<Node> children(Node parent, String name) {
            List<Node> out = new ArrayList<>();
            for (Node k = parent.getFirstChild(); k != null; k = k.getNextSibling()) {
                if (k.getNodeType() != Node.ELEMENT_NODE || !W.equals(k.getNamespaceURI())) continue;
                String n = k.getLocalName();
                if (n.equals(name)) out.add(k);
                else if (n.equals("sdt")) out.addAll(children(sdtContent(k), name));
                else if (n.equals("customXml")) out.addAll(children(k, name));
            }
            return out;
        }

        private boolean isTocParagraph(Node p) {
            Node pPr = firstChild(p, W, "pPr");
            String id = val(firstChild(pPr, W, "pStyle"));
            if (id == null || id.isEmpty()) return false;
            return tocStyles.computeIfAbsent(id, this::isTocStyle);
        }

        private boolean isTocStyle(String id) {
            String name = id;
            if (styles != null) {
                XWPFStyle s = styles.getStyle(id);
                if (s != null && s.getName() != null) name = s.getName();
            }
            String n = name.strip().toLowerCase(Locale.ROOT);
            return TOC_STYLE.matcher(n).matches() || id.toLowerCase(Locale.ROOT).matches("toc\\d");
        }

        private static boolean isTableOfContents(Node sdt) {
            Node pr = firstChild(sdt, W, "sdtPr");
            Node obj = firstChild(pr, W, "docPartObj");
            String gallery = val(firstChild(obj, W, "docPartGallery"));
            return gallery != null && (gallery.contains("Table of Contents") || gallery.contains("目录"));
        }

        private static Node sdtContent(Node sdt) {
            Node c = firstChild(sdt, W, "sdtContent");
            return c == null ? sdt.getOwnerDocument().createElementNS(W, "sdtContent") : c;
        }
    }

    /** The text of one paragraph: its own runs, and each text box in it as separate paragraphs. */
    private static final class Text {
        final StringBuilder main = new StringBuilder();
        final List<String> boxes = new ArrayList<>();
        /** The first w:p of each text box, parallel to {@code boxes}. */
        final List<Node> boxStarts = new ArrayList<>();

        void collect(Node p) {
            walk(p, main);
        }

        private void walk(Node parent, StringBuilder sb) {
            for (Node k = parent.getFirstChild(); k != null; k = k.getNextSibling()) {
                if (k.getNodeType() != Node.ELEMENT_NODE) continue;
                String ns = k.getNamespaceURI();
                String n = k.getLocalName();
                if (MC.equals(ns) && n.equals("Fallback")) continue; // the VML copy of what mc:Choice holds
                if (!W.equals(ns)) {
                    walk(k, sb);
                    continue;
                }
                switch (n) {
                    case "t" -> text(k, sb);
                    case "tab", "ptab" -> sb.append('\t');
                    case "br", "cr" -> sb.append('\n');
                    case "noBreakHyphen" -> sb.append('-');
                    case "delText", "instrText", "delInstrText", "del", "moveFrom", "rPr", "pPr" -> {
                        // not shown, or not text
                    }
                    case "txbxContent" -> box(k);
                    default -> walk(k, sb);
                }
            }
        }

        /** A text box: each of its paragraphs (and table cells) becomes a line. */
        private void box(Node content) {
            StringBuilder sb = new StringBuilder();
            boxParagraphs(content, sb);
            String s = sb.toString().strip();
            if (!s.isEmpty()) {
                boxes.add(s);
                boxStarts.add(Anchors.firstParagraph(content));
            }
        }

        private void boxParagraphs(Node parent, StringBuilder sb) {
            for (Node k = parent.getFirstChild(); k != null; k = k.getNextSibling()) {
                if (k.getNodeType() != Node.ELEMENT_NODE) continue;
                if (W.equals(k.getNamespaceURI()) && k.getLocalName().equals("p")) {
                    StringBuilder line = new StringBuilder();
                    walk(k, line);
                    if (sb.length() > 0) sb.append('\n');
                    sb.append(line);
                } else {
                    boxParagraphs(k, sb);
                }
            }
        }
    }

    /**
     * Names the body's paragraphs and table cells by their number in document order ("p:N", "tc:N", counting every
     * w:p and w:tc under the body, text boxes and fallback copies included), so that the annotator can find the same
     * element again in the file by counting the same way.
     */
    static final class Anchors {
        private final Map<Node, Integer> paragraphs = new java.util.IdentityHashMap<>();
        private final Map<Node, Integer> cells = new java.util.IdentityHashMap<>();

        Anchors(Node body) {
            number(body);
        }

        private void number(Node parent) {
            for (Node k = parent.getFirstChild(); k != null; k = k.getNextSibling()) {
                if (k.getNodeType() != Node.ELEMENT_NODE) continue;
                if (W.equals(k.getNamespaceURI())) {
                    if (k.getLocalName().equals("p")) paragraphs.put(k, paragraphs.size());
                    else if (k.getLocalName().equals("tc")) cells.put(k, cells.size());
                }
                number(k);
            }
        }

        String paragraph(Node p) {
            Integer n = p == null ? null : paragraphs.get(p);
            return n == null ? null : "p:" + n;
        }

        String cell(Node tc) {
            Integer n = cells.get(tc);
            return n == null ? null : "tc:" + n;
        }

        static Node firstParagraph(Node parent) {
            for (Node k = parent.getFirstChild(); k != null; k = k.getNextSibling()) {
                if (k.getNodeType() != Node.ELEMENT_NODE) continue;
                if (W.equals(k.getNamespaceURI()) && k.getLocalName().equals("p")) return k;
                Node inner = firstParagraph(k);
                if (inner != null) return inner;
            }
            return null;
        }
    }

    /** The character data of an element (XMLBeans' DOM has no getTextContent). */
    private static void text(Node element, StringBuilder sb) {
        for (Node k = element.getFirstChild(); k != null; k = k.getNextSibling()) {
            short t = k.getNodeType();
            if (t == Node.TEXT_NODE || t == Node.CDATA_SECTION_NODE) sb.append(k.getNodeValue());
        }
    }

    static Node firstChild(Node parent, String ns, String name) {
        if (parent == null) return null;
        for (Node k = parent.getFirstChild(); k != null; k = k.getNextSibling()) {
            if (k.getNodeType() == Node.ELEMENT_NODE && ns.equals(k.getNamespaceURI()) && name.equals(k.getLocalName())) return k;
        }
        return null;
    }

    static String val(Node n) {
        if (!(n instanceof Element e)) return null;
        return e.hasAttributeNS(W, "val") ? e.getAttributeNS(W, "val") : null;
    }

    private static int intVal(Node n, int dflt) {
        String v = val(n);
        if (v == null) return dflt;
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }
}
