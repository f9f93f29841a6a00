package io.selfeval.annotate;

import io.selfeval.document.Block;
import io.selfeval.document.Cell;
import io.selfeval.document.Document;
import io.selfeval.document.Paragraph;
import io.selfeval.document.Row;
import io.selfeval.document.Table;
import io.selfeval.model.Finding;
import io.selfeval.model.Location;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlObject;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTc;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds in a Word document the paragraph a finding's comment goes in. The reader named every paragraph and cell
 * by its number in document order ("p:N", "tc:N"); the same count over the document opened here finds it again.
 * A finding without such a name is placed by its position in its own file, then by its excerpt, then on the title.
 */
final class WordPlaces {
    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private final List<XmlObject> paragraphs = new ArrayList<>();
    private final List<XmlObject> cells = new ArrayList<>();
    private final Document neutral;

    /** @param neutral the file as the reader read it, with its anchors */
    WordPlaces(XWPFDocument doc, Document neutral) {
        this.neutral = neutral;
        try (XmlCursor c = doc.getDocument().getBody().newCursor()) {
            while (!c.toNextToken().isEnddoc()) {
                if (!c.isStart() || !W.equals(c.getName().getNamespaceURI())) continue;
                String n = c.getName().getLocalPart();
                if (n.equals("p")) paragraphs.add(c.getObject());
                else if (n.equals("tc")) cells.add(c.getObject());
            }
        }
    }

    /** "p:N" / "tc:N" of each paragraph and cell object, for a document this code wrote itself. */
    Map<XmlObject, String> names() {
        Map<XmlObject, String> out = new IdentityHashMap<>();
        for (int i = 0; i < paragraphs.size(); i++) out.put(paragraphs.get(i), "p:" + i);
        for (int i = 0; i < cells.size(); i++) out.put(cells.get(i), "tc:" + i);
        return out;
    }

    /** The title: the document's first paragraph as read, else the first paragraph with text. */
    CTP title() {
        for (Block b : neutral.blocks()) {
            if (b instanceof Paragraph p) {
                CTP found = resolve(p.anchor(), null);
                if (found != null) return found;
                break;
            }
        }
        for (XmlObject o : paragraphs) {
            if (o instanceof CTP p && !WordComments.text(p).isBlank()) return p;
        }
        for (XmlObject o : paragraphs) {
            if (o instanceof CTP p) return p;
        }
        return null;
    }

    /**
     * The paragraph of the finding, or null for the title. {@code firstFile}: the finding's position is one of this
     * file (a submission's first file keeps its positions; later files' are renumbered and carry "#N").
     */
    CTP of(Finding f, boolean firstFile) {
        Location loc = f.getLocation();
        if (loc == null) return null;
        CTP direct = resolve(loc.getAnchor(), f);
        if (direct != null) return direct;
        Integer own = ownPosition(loc, firstFile);
        if (own != null) {
            CTP byPosition = atPosition(own, f);
            if (byPosition != null) return byPosition;
        }
        return byExcerpt(f);
    }

    private static Integer ownPosition(Location loc, boolean firstFile) {
        String a = loc.getAnchor();
        if (a != null && a.startsWith("#")) {
            try {
                return Integer.valueOf(a.substring(1));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return firstFile ? loc.getPosition() : null;
    }

    private CTP atPosition(int position, Finding f) {
        for (Block b : neutral.blocks()) {
            if (b instanceof Paragraph p && p.line() == position) return resolve(p.anchor(), f);
            if (b instanceof Table t) {
                for (Row r : t.rows()) {
                    if (r.line() == position) return resolve(cellOf(r, f), f);
                }
            }
        }
        return null;
    }

    /** The cell of a row the finding is about: the one holding its excerpt, else the one holding a figure. */
    private static String cellOf(Row r, Finding f) {
        String excerpt = f.getLocation().getExcerpt();
        for (Cell c : r.cells()) {
            if (excerpt != null && !c.isBlank() && c.text().strip().equals(excerpt.strip())) return c.anchor();
        }
        for (String figure : Marks.figures(f)) {
            for (int i = r.size() - 1; i >= 0; i--) {
                if (r.cells().get(i).text().contains(figure)) return r.cells().get(i).anchor();
            }
        }
        for (Cell c : r.cells()) {
            if (!c.isBlank()) return c.anchor();
        }
        return null;
    }

    private CTP byExcerpt(Finding f) {
        String excerpt = f.getLocation().getExcerpt();
        if (excerpt == null) return null;
        for (String piece : excerpt.split("…")) {
            String core = piece.strip();
            if (core.length() < 4) continue;
            for (Block b : neutral.blocks()) {
                if (b instanceof Paragraph p && p.text().contains(core)) return resolve(p.anchor(), f);
                if (b instanceof Table t) {
                    for (Row r : t.rows()) {
                        for (Cell c : r.cells()) {
                            if (c.text().contains(core)) return resolve(c.anchor(), f);
                        }
                    }
                }
            }
        }
        return null;
    }

    /** The paragraph an anchor names; for a cell, its paragraph holding the finding's figure, else its first. */
    private CTP resolve(String anchor, Finding f) {
        if (anchor == null) return null;
        int colon = anchor.indexOf(':');
        if (colon < 0) return null;
        int n;
        try {
            n = Integer.parseInt(anchor.substring(colon + 1));
        } catch (NumberFormatException e) {
            return null;
        }
        String kind = anchor.substring(0, colon);
        if (kind.equals("p")) return n < paragraphs.size() && paragraphs.get(n) instanceof CTP p ? p : null;
        if (!kind.equals("tc") || n >= cells.size() || !(cells.get(n) instanceof CTTc tc) || tc.sizeOfPArray() == 0) return null;
        if (f != null) {
            for (CTP p : tc.getPList()) {
                if (Marks.of(f, WordComments.text(p)).start() >= 0) return p;
            }
        }
        for (CTP p : tc.getPList()) {
            if (!WordComments.text(p).isBlank()) return p;
        }
        return tc.getPArray(0);
    }
}
