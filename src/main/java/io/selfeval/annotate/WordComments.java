package io.selfeval.annotate;

import org.apache.poi.xwpf.usermodel.XWPFComment;
import org.apache.poi.xwpf.usermodel.XWPFComments;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlObject;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTMarkupRange;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTText;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;

/**
 * Adds Word comments (批注) with POI's XWPFComments: the comment in comments.xml, and in the paragraph a
 * commentRangeStart before the marked runs, a commentRangeEnd after them and the run holding the reference. A span
 * that starts or ends inside a plain text run splits that run (same formatting) so the range covers the span
 * itself, the number rather than its whole sentence.
 */
final class WordComments {
    private final XWPFComments comments;
    private final String author;
    private final String initials;
    private final Calendar date = Calendar.getInstance();
    private BigInteger nextId = BigInteger.ZERO;

    WordComments(XWPFDocument doc, String author) {
        XWPFComments existing = doc.getDocComments();
        this.comments = existing != null ? existing : doc.createComments();
        this.author = author;
        this.initials = author.length() <= 2 ? author : author.substring(0, 2);
        for (XWPFComment c : comments.getComments()) {
            try {
                BigInteger id = new BigInteger(c.getId());
                if (id.compareTo(nextId) >= 0) nextId = id.add(BigInteger.ONE);
            } catch (NumberFormatException e) {
                // a foreign id: ours stay numeric and distinct anyway
            }
        }
    }

    /**
     * Comments the characters [start, end) of the paragraph's own runs' text ({@link #text(CTP)}), or the whole
     * paragraph when start is negative.
     */
    void add(CTP p, int start, int end, List<String> lines) {
        BigInteger id = nextId;
        nextId = nextId.add(BigInteger.ONE);
        XWPFComment c = comments.createComment(id);
        c.setAuthor(author);
        c.setInitials(initials);
        c.setDate(date);
        for (String line : lines) c.createParagraph().createRun().setText(line);

        List<CTR> marked = start >= 0 && end > start ? isolate(p, start, end) : List.of();
        if (marked.isEmpty()) marked = p.getRList();
        CTMarkupRange rangeStart = p.addNewCommentRangeStart();
        rangeStart.setId(id);
        CTMarkupRange rangeEnd = p.addNewCommentRangeEnd();
        rangeEnd.setId(id);
        CTR reference = p.addNewR();
        reference.addNewCommentReference().setId(id);
        // A moved object is disconnected, so each move is relative to something that stays: the reference after the
        // last run, then the range's end between them; the start before the first run.
        if (!marked.isEmpty()) {
            CTR last = marked.get(marked.size() - 1);
            moveAfter(reference, last);
            moveAfter(rangeEnd, last);
            moveBefore(rangeStart, marked.get(0));
        } else {
            // An empty paragraph: start, end and reference right after its properties.
            XmlObject pPr = p.isSetPPr() ? p.getPPr() : p.addNewPPr();
            moveAfter(reference, pPr);
            moveAfter(rangeEnd, pPr);
            moveAfter(rangeStart, pPr);
        }
    }

    /** The text of the paragraph's own runs (not of hyperlinks or fields inside it), as comments are placed on them. */
    static String text(CTP p) {
        StringBuilder sb = new StringBuilder();
        for (CTR r : p.getRList()) sb.append(text(r));
        return sb.toString();
    }

    private static String text(CTR r) {
        StringBuilder sb = new StringBuilder();
        for (CTText t : r.getTList()) sb.append(t.getStringValue());
        return sb.toString();
    }

    /** The runs covering [start, end), split at the span's ends where a plain run allows it. */
    private static List<CTR> isolate(CTP p, int start, int end) {
        split(p, end);
        split(p, start);
        List<CTR> out = new ArrayList<>();
        int at = 0;
        for (CTR r : p.getRList()) {
            int len = text(r).length();
            if (len > 0 && at < end && at + len > start) out.add(r);
            at += len;
        }
        return out;
    }

    /** Splits the run that holds {@code offset} strictly inside it, when it is one plain text run. */
    private static void split(CTP p, int offset) {
        List<CTR> runs = p.getRList();
        int at = 0;
        for (int i = 0; i < runs.size(); i++) {
            CTR r = runs.get(i);
            String t = text(r);
            if (offset > at && offset < at + t.length()) {
                if (!isPlain(r)) return;
                // The copy goes right after the run, not merely before the next run: comment marks may lie between.
                CTR copy = p.addNewR();
                copy.set(r);
                moveAfter(copy, r);
                setText(r, t.substring(0, offset - at));
                setText(p.getRList().get(i + 1), t.substring(offset - at));
                return;
            }
            at += t.length();
        }
    }

    /** A run holding only its properties and one w:t: splitting it changes nothing but where a comment can start. */
    private static boolean isPlain(CTR r) {
        if (r.sizeOfTArray() != 1) return false;
        try (XmlCursor c = r.newCursor()) {
            if (!c.toFirstChild()) return false;
            do {
                String n = c.getName().getLocalPart();
                if (!n.equals("rPr") && !n.equals("t")) return false;
            } while (c.toNextSibling());
        }
        return true;
    }

    private static void setText(CTR r, String text) {
        CTText t = r.getTArray(0);
        t.setStringValue(text);
        try (XmlCursor c = t.newCursor()) {
            c.setAttributeText(new javax.xml.namespace.QName("http://www.w3.org/XML/1998/namespace", "space"), "preserve");
        }
    }

    private static void moveBefore(XmlObject what, XmlObject anchor) {
        try (XmlCursor from = what.newCursor(); XmlCursor to = anchor.newCursor()) {
            from.moveXml(to);
        }
    }

    private static void moveAfter(XmlObject what, XmlObject anchor) {
        try (XmlCursor from = what.newCursor(); XmlCursor to = anchor.newCursor()) {
            to.toEndToken();
            to.toNextToken();
            from.moveXml(to);
        }
    }
}
