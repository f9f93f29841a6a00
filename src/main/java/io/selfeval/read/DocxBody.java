package io.selfeval.read;

import io.selfeval.document.Cancellation;
import io.selfeval.document.Document;
import io.selfeval.document.SourceRef;
import io.selfeval.read.BlockBuilder.CellText;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One streaming pass over {@code word/document.xml}, in document order:
 * <ul>
 *   <li>paragraphs, split at line breaks; text boxes (w:txbxContent, where covers and titles hide) come as
 *   paragraphs before the paragraph that anchors them, read once (not again from the mc:Fallback VML copy);</li>
 *   <li>tables: one cell per w:tc as in a text rendering (a cell spanning grid columns is one cell); a cell under a
 *   vertical merge (an empty {@code <w:vMerge/>} means continue) shows the merged cell's text, unless that is a
 *   number; columns are tracked on the logical grid (gridSpan, gridBefore), and gridAfter pads the row's right
 *   end with empty cells so rows stay aligned from the right; line breaks inside a cell are '\n'; a table nested in
 *   a cell becomes lines of the cell's text;</li>
 *   <li>content controls (w:sdt) are read through, except a table of contents, which would repeat every heading;
 *   paragraphs in a TOC style are skipped for the same reason; deleted and moved-away text is not read.</li>
 * </ul>
 * Every method that takes an element is called on its start tag and returns after its end tag. Anchors name the
 * body's paragraphs and cells by their number in document order ("p:N", "tc:N", counting every w:p and w:tc under
 * the body, text boxes and fallback copies included), so that the annotator finds the same element again by
 * counting the same way; {@link #next()} counts them as the start tags pass.
 */
final class DocxBody {
    static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    static final String MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";

    /** One factory per thread: XMLInputFactory is not promised to be thread-safe. */
    private static final ThreadLocal<XMLInputFactory> FACTORY = ThreadLocal.withInitial(DocxBody::secureFactory);

    private final XMLStreamReader x;
    private final DocxStyles styles;
    private final SourceRef source;
    private final BlockBuilder out = new BlockBuilder();
    private boolean inBody;
    private int paragraphs;
    private int cells;
    /** Number of the w:p / w:tc whose start tag was read last. */
    private int lastParagraph = -1;
    private int lastCell = -1;
    /** Text boxes being read, innermost last, each waiting for the number of its first paragraph. */
    private final List<int[]> openBoxes = new ArrayList<>();

    DocxBody(InputStream in, DocxStyles styles, SourceRef source) throws XMLStreamException {
        this.x = xmlReader(in);
        this.styles = styles;
        this.source = source;
    }

    /** No DTD, no external entities: a document part has no business with either (XXE). */
    private static XMLInputFactory secureFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return f;
    }

    static XMLStreamReader xmlReader(InputStream in) throws XMLStreamException {
        return FACTORY.get().createXMLStreamReader(in);
    }

    Document read(String name) throws XMLStreamException {
        try {
            if (!toBody()) throw new XMLStreamException("no w:body in the document part");
            inBody = true;
            blocks();
            return out.build(name);
        } finally {
            x.close();
        }
    }

    /** Moves to the start tag of w:document/w:body; false when there is none. */
    private boolean toBody() throws XMLStreamException {
        int depth = 0;
        while (x.hasNext()) {
            int e = x.next();
            if (e == XMLStreamConstants.DTD) throw new XMLStreamException("DOCTYPE is not allowed");
            if (e == XMLStreamConstants.START_ELEMENT) {
                depth++;
                if (depth == 1 && !isW("document")) return false;
                if (depth == 2 && isW("body")) return true;
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return false;
    }

    private int next() throws XMLStreamException {
        int e = x.next();
        if (e == XMLStreamConstants.START_ELEMENT && inBody && W.equals(x.getNamespaceURI())) {
            String n = x.getLocalName();
            if (n.equals("p")) {
                lastParagraph = paragraphs++;
                for (int[] box : openBoxes) if (box[0] < 0) box[0] = lastParagraph;
            } else if (n.equals("tc")) {
                lastCell = cells++;
            }
        }
        return e;
    }

    /** The next child's start tag (true), or the end tag of the element being read (false). */
    private boolean child() throws XMLStreamException {
        while (true) {
            int e = next();
            if (e == XMLStreamConstants.START_ELEMENT) return true;
            if (e == XMLStreamConstants.END_ELEMENT) return false;
            if (e == XMLStreamConstants.END_DOCUMENT) throw new XMLStreamException("unexpected end of the document part");
        }
    }

    /** Passes over the current element (its paragraphs and cells still counted). */
    private void skip() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int e = next();
            if (e == XMLStreamConstants.START_ELEMENT) depth++;
            else if (e == XMLStreamConstants.END_ELEMENT) depth--;
            else if (e == XMLStreamConstants.END_DOCUMENT) throw new XMLStreamException("unexpected end of the document part");
        }
    }

    private boolean isW(String name) {
        return W.equals(x.getNamespaceURI()) && name.equals(x.getLocalName());
    }

    private boolean isW() {
        return W.equals(x.getNamespaceURI());
    }

    private String val() {
        return x.getAttributeValue(W, "val");
    }

    private static int intVal(String v, int dflt) {
        if (v == null) return dflt;
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    private static String anchor(String kind, int n) {
        return n < 0 ? null : kind + n;
    }

    // ---- body ----

    private void blocks() throws XMLStreamException {
        while (child()) {
            Cancellation.checkpoint();
            if (isW()) {
                switch (x.getLocalName()) {
                    case "p" -> paragraph();
                    case "tbl" -> out.table(table(), source);
                    case "sdt" -> contentControl();
                    case "customXml", "ins", "smartTag" -> blocks();
                    default -> skip(); // sectPr, bookmarks, deletions: no body text
                }
            } else if (MC.equals(x.getNamespaceURI()) && x.getLocalName().equals("AlternateContent")) {
                alternateContent();
            } else {
                skip();
            }
        }
    }

    /** The first mc:Choice is read; the fallbacks are copies of it. */
    private void alternateContent() throws XMLStreamException {
        boolean chosen = false;
        while (child()) {
            if (!chosen && MC.equals(x.getNamespaceURI()) && x.getLocalName().equals("Choice")) {
                chosen = true;
                blocks();
            } else {
                skip();
            }
        }
    }

    /** A block content control: read through, unless it holds a table of contents (told by its sdtPr). */
    private void contentControl() throws XMLStreamException {
        boolean seenPr = false;
        boolean seenContent = false;
        boolean toc = false;
        while (child()) {
            if (!seenPr && isW("sdtPr")) {
                seenPr = true;
                toc = isTableOfContents();
            } else if (!seenContent && isW("sdtContent")) {
                seenContent = true;
                if (toc) skip();
                else blocks();
            } else {
                skip();
            }
        }
    }

    /** Inside w:sdtPr: whether its w:docPartObj's gallery is a table of contents. */
    private boolean isTableOfContents() throws XMLStreamException {
        String gallery = null;
        boolean seenObj = false;
        while (child()) {
            if (!seenObj && isW("docPartObj")) {
                seenObj = true;
                boolean seenGallery = false;
                while (child()) {
                    if (!seenGallery && isW("docPartGallery")) {
                        seenGallery = true;
                        gallery = val();
                    }
                    skip();
                }
            } else {
                skip();
            }
        }
        return gallery != null && (gallery.contains("Table of Contents") || gallery.contains("目录"));
    }

    private void paragraph() throws XMLStreamException {
        int number = lastParagraph;
        Text t = new Text();
        String style = null;
        boolean seenPr = false;
        while (child()) {
            if (!seenPr && isW("pPr")) {
                seenPr = true;
                style = paragraphStyle();
            } else {
                run(t.main, t);
            }
        }
        if (styles.isTableOfContents(style)) return;
        for (int i = 0; i < t.boxes.size(); i++) out.paragraphs(t.boxes.get(i), source, anchor("p:", t.boxStarts.get(i)));
        out.paragraphs(t.main.toString(), source, anchor("p:", number));
    }

    /** Inside w:pPr: the id its first w:pStyle names. */
    private String paragraphStyle() throws XMLStreamException {
        String style = null;
        boolean seen = false;
        while (child()) {
            if (!seen && isW("pStyle")) {
                seen = true;
                style = val();
            }
            skip();
        }
        return style;
    }

    // ---- text of a paragraph ----

    /** The text of one paragraph: its own runs, and each text box in it as separate paragraphs. */
    private static final class Text {
        final StringBuilder main = new StringBuilder();
        final List<String> boxes = new ArrayList<>();
        /** The number of the first w:p of each text box (-1: none), parallel to {@code boxes}. */
        final List<Integer> boxStarts = new ArrayList<>();
    }

    /** An element inside a paragraph: its shown text goes to {@code sb}, its text boxes to {@code t}. */
    private void run(StringBuilder sb, Text t) throws XMLStreamException {
        String ns = x.getNamespaceURI();
        String n = x.getLocalName();
        if (MC.equals(ns) && n.equals("Fallback")) {
            skip(); // the VML copy of what mc:Choice holds
            return;
        }
        if (!W.equals(ns)) {
            runs(sb, t);
            return;
        }
        switch (n) {
            case "t" -> characters(sb);
            case "tab", "ptab" -> {
                sb.append('\t');
                skip();
            }
            case "br", "cr" -> {
                sb.append('\n');
                skip();
            }
            case "noBreakHyphen" -> {
                sb.append('-');
                skip();
            }
            case "delText", "instrText", "delInstrText", "del", "moveFrom", "rPr", "pPr" -> skip(); // not shown, or not text
            case "txbxContent" -> box(t);
            default -> runs(sb, t);
        }
    }

    private void runs(StringBuilder sb, Text t) throws XMLStreamException {
        while (child()) run(sb, t);
    }

    /** The character data of a w:t (not of elements inside it, which it should not have). */
    private void characters(StringBuilder sb) throws XMLStreamException {
        while (true) {
            int e = next();
            switch (e) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        sb.append(x.getTextCharacters(), x.getTextStart(), x.getTextLength());
                case XMLStreamConstants.START_ELEMENT -> skip();
                case XMLStreamConstants.END_ELEMENT -> {
                    return;
                }
                case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("unexpected end of the document part");
                default -> {
                }
            }
        }
    }

    /** A text box: each of its paragraphs (and table cells) becomes a line. */
    private void box(Text t) throws XMLStreamException {
        int[] first = {-1};
        openBoxes.add(first);
        StringBuilder sb = new StringBuilder();
        try {
            boxParagraphs(sb, t);
        } finally {
            openBoxes.remove(openBoxes.size() - 1);
        }
        String s = sb.toString().strip();
        if (!s.isEmpty()) {
            t.boxes.add(s);
            t.boxStarts.add(first[0]);
        }
    }

    private void boxParagraphs(StringBuilder sb, Text t) throws XMLStreamException {
        while (child()) {
            if (isW("p")) {
                StringBuilder line = new StringBuilder();
                runs(line, t);
                if (sb.length() > 0) sb.append('\n');
                sb.append(line);
            } else {
                boxParagraphs(sb, t);
            }
        }
    }

    // ---- tables ----

    /** A w:tc as read, before its row places it on the grid. */
    private record RawCell(int span, boolean hMergeContinues, String vMerge, boolean vMerged, String text, String anchor) {
    }

    /** A row's w:trPr values. */
    private static final class RowProps {
        boolean seen;
        int before;
        int after;
    }

    private List<List<CellText>> table() throws XMLStreamException {
        List<List<CellText>> rows = new ArrayList<>();
        Merges merges = new Merges();
        tableRows(rows, merges);
        return rows;
    }

    /** Texts and anchors of the vertical merges open in the row above, by grid column. */
    private static final class Merges {
        Map<Integer, String> text = new HashMap<>();
        Map<Integer, String> anchors = new HashMap<>();
    }

    /** The rows of a table: w:tr, also inside content controls and custom XML. */
    private void tableRows(List<List<CellText>> rows, Merges merges) throws XMLStreamException {
        while (child()) {
            if (!isW()) {
                skip();
                continue;
            }
            switch (x.getLocalName()) {
                case "tr" -> {
                    Cancellation.checkpoint();
                    rows.add(row(merges));
                }
                case "sdt" -> sdtContent(() -> tableRows(rows, merges));
                case "customXml" -> tableRows(rows, merges);
                default -> skip();
            }
        }
    }

    private interface Body {
        void read() throws XMLStreamException;
    }

    /** Inside a w:sdt: its first w:sdtContent read by {@code body}, the rest passed over. */
    private void sdtContent(Body body) throws XMLStreamException {
        boolean seen = false;
        while (child()) {
            if (!seen && isW("sdtContent")) {
                seen = true;
                body.read();
            } else {
                skip();
            }
        }
    }

    private List<CellText> row(Merges merges) throws XMLStreamException {
        RowProps props = new RowProps();
        List<RawCell> raw = new ArrayList<>();
        rowCells(raw, props, true);
        Map<Integer, String> next = new HashMap<>();
        Map<Integer, String> nextAnchors = new HashMap<>();
        List<CellText> cells = new ArrayList<>();
        int col = Math.max(0, props.before);
        for (RawCell c : raw) {
            if (c.hMergeContinues()) {
                // Legacy horizontal merge: this cell is part of the one to its left.
                col += c.span();
                continue;
            }
            String text = c.text();
            // A comment on a merged cell belongs on the cell that shows the text, the merge's first.
            String anchor = c.anchor();
            if (c.vMerged() && !"restart".equals(c.vMerge())) {
                String mergedText = merges.text.get(col);
                if (mergedText != null) {
                    next.put(col, mergedText);
                    nextAnchors.put(col, merges.anchors.get(col));
                    text = BlockBuilder.continued(mergedText);
                    anchor = merges.anchors.get(col);
                }
            } else if (c.vMerged()) {
                next.put(col, text);
                nextAnchors.put(col, anchor);
            }
            cells.add(new CellText(text, null, anchor));
            col += c.span();
        }
        for (int i = 0; i < Math.min(props.after, 64); i++) cells.add(CellText.of(""));
        merges.text = next;
        merges.anchors = nextAnchors;
        return cells;
    }

    /** The cells of a row: w:tc, also inside content controls and custom XML; the row's own w:trPr. */
    private void rowCells(List<RawCell> raw, RowProps props, boolean direct) throws XMLStreamException {
        while (child()) {
            if (!isW()) {
                skip();
                continue;
            }
            switch (x.getLocalName()) {
                case "tc" -> raw.add(cell());
                case "sdt" -> sdtContent(() -> rowCells(raw, props, false));
                case "customXml" -> rowCells(raw, props, false);
                case "trPr" -> {
                    if (direct && !props.seen) {
                        props.seen = true;
                        rowProps(props);
                    } else {
                        skip();
                    }
                }
                default -> skip();
            }
        }
    }

    private void rowProps(RowProps props) throws XMLStreamException {
        boolean seenBefore = false;
        boolean seenAfter = false;
        while (child()) {
            if (!seenBefore && isW("gridBefore")) {
                seenBefore = true;
                props.before = intVal(val(), 0);
            } else if (!seenAfter && isW("gridAfter")) {
                seenAfter = true;
                props.after = intVal(val(), 0);
            }
            skip();
        }
    }

    /** The merge properties of a w:tcPr. */
    private static final class CellProps {
        boolean seen;
        int span = 1;
        boolean hMerged;
        String hMerge;
        boolean vMerged;
        String vMerge;
    }

    private RawCell cell() throws XMLStreamException {
        String anchor = anchor("tc:", lastCell);
        CellProps props = new CellProps();
        List<String> lines = new ArrayList<>();
        cellContent(lines, props, true);
        boolean hContinues = props.hMerged && !"restart".equals(props.hMerge);
        return new RawCell(Math.max(1, props.span), hContinues, props.vMerge, props.vMerged, String.join("\n", lines), anchor);
    }

    /** A cell's paragraphs as lines; a nested table as one line per row; text boxes as further lines. */
    private void cellContent(List<String> lines, CellProps props, boolean direct) throws XMLStreamException {
        while (child()) {
            if (!isW()) {
                skip();
                continue;
            }
            switch (x.getLocalName()) {
                case "p" -> {
                    Text t = new Text();
                    runs(t.main, t);
                    lines.add(t.main.toString());
                    lines.addAll(t.boxes);
                }
                case "tbl" -> {
                    for (List<CellText> row : table()) lines.add(rowLine(row));
                }
                case "sdt" -> sdtContent(() -> cellContent(lines, props, false));
                case "customXml" -> cellContent(lines, props, false);
                case "tcPr" -> {
                    if (direct && !props.seen) {
                        props.seen = true;
                        cellProps(props);
                    } else {
                        skip();
                    }
                }
                default -> skip();
            }
        }
    }

    private static String rowLine(List<CellText> row) {
        StringBuilder sb = new StringBuilder();
        for (CellText c : row) {
            String s = c.text().replace('\n', ' ').strip();
            if (s.isEmpty()) continue;
            if (sb.length() > 0) sb.append(' ');
            sb.append(s);
        }
        return sb.toString();
    }

    private void cellProps(CellProps props) throws XMLStreamException {
        boolean seenSpan = false;
        while (child()) {
            if (!seenSpan && isW("gridSpan")) {
                seenSpan = true;
                props.span = intVal(val(), 1);
            } else if (!props.hMerged && isW("hMerge")) {
                props.hMerged = true;
                props.hMerge = val();
            } else if (!props.vMerged && isW("vMerge")) {
                props.vMerged = true;
                props.vMerge = val();
            }
            skip();
        }
    }
}
