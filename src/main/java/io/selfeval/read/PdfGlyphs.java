package io.selfeval.read;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The characters of each page with their positions, through PDFBox's text extraction (which maps glyphs to Unicode
 * through the fonts' ToUnicode maps), and how many glyphs were drawn at all: a glyph PDFBox cannot map is drawn but
 * not extracted, which is how a garbled text layer shows.
 */
final class PdfGlyphs extends PDFTextStripper {
    private final java.util.Map<Integer, List<PdfGlyph>> pages = new java.util.HashMap<>();
    private List<PdfGlyph> page;
    private long drawn;

    private PdfGlyphs() {
        setSortByPosition(false);
    }

    static PdfGlyphs of(PDDocument doc) throws IOException {
        PdfGlyphs g = new PdfGlyphs();
        g.writeText(doc, new StringWriter());
        return g;
    }

    /** The glyphs of page {@code n} (1-based); none for a page without content. */
    List<PdfGlyph> page(int n) {
        return pages.getOrDefault(n, List.of());
    }

    long drawn() {
        return drawn;
    }

    @Override
    protected void startPage(PDPage p) throws IOException {
        page = new ArrayList<>();
        pages.put(getCurrentPageNo(), page);
        super.startPage(p);
    }

    @Override
    protected void showGlyph(Matrix textRenderingMatrix, PDFont font, int code, Vector displacement) throws IOException {
        drawn++;
        super.showGlyph(textRenderingMatrix, font, code, displacement);
    }

    @Override
    protected void processTextPosition(TextPosition t) {
        String s = t.getUnicode();
        if (s == null || s.isEmpty() || page == null) return;
        float size = t.getFontSizeInPt() > 0 ? t.getFontSizeInPt() : Math.max(t.getHeightDir(), 1f);
        PdfGlyph g = new PdfGlyph(s, t.getXDirAdj(), t.getYDirAdj(), t.getWidthDirAdj(), size);
        if (!page.isEmpty() && overprints(page.get(page.size() - 1), g)) return;
        page.add(g);
    }

    /** The same character drawn again on itself (fake bold); read once. */
    private static boolean overprints(PdfGlyph a, PdfGlyph b) {
        return a.text().equals(b.text()) && Math.abs(a.x() - b.x()) < 0.6f && Math.abs(a.baseline() - b.baseline()) < 0.6f;
    }
}
