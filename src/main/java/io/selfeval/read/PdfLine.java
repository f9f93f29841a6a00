package io.selfeval.read;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A line of text on a PDF page: glyphs on one baseline, left to right. Chinese has no spaces, so a space is written
 * only where the PDF draws one, or between two Latin letters or digits set apart; a wide gap with nothing drawn in it
 * separates segments (the columns of a table drawn without borders).
 */
record PdfLine(int page, List<PdfGlyph> glyphs) {
    /** A gap wider than this many font sizes separates two segments of a line. */
    private static final float SEGMENT_GAP = 2.0f;
    /** A gap wider than this many font sizes between Latin letters or digits is a space. */
    private static final float WORD_GAP = 0.2f;
    /** Marks that belong to a number or Latin word (1,253.78, 99.83%, 2024-2025). */
    private static final String WORD_PUNCT = ".,%-/:";
    /** Marks a line may not start with, so they go down with the word before them. */
    private static final String CLOSING = "。，、；：？！）》」』”’％";

    float left() {
        return glyphs.get(0).x();
    }

    float right() {
        return glyphs.get(glyphs.size() - 1).right();
    }

    float baseline() {
        return glyphs.get(0).baseline();
    }

    float size() {
        float max = 0;
        for (PdfGlyph g : glyphs) max = Math.max(max, g.size());
        return max;
    }

    /**
     * The width of what cannot be split from the start of this line: a number or Latin word with what follows it
     * (".5%"), or else the first character, with the closing marks after it. A line that ends short of the margin by less than this
     * was wrapped, not ended: the word did not fit.
     */
    float leadingWordWidth() {
        PdfGlyph first = glyphs.get(0);
        float end = first.right();
        boolean word = latin(charOf(first));
        for (int i = 1; i < glyphs.size(); i++) {
            PdfGlyph g = glyphs.get(i);
            char c = charOf(g);
            boolean goesWith = CLOSING.indexOf(c) >= 0 || (word && (latin(c) || WORD_PUNCT.indexOf(c) >= 0));
            if (!goesWith) break;
            end = g.right();
        }
        return end - first.x();
    }

    private static char charOf(PdfGlyph g) {
        return g.text().isEmpty() ? ' ' : g.text().charAt(0);
    }

    float top() {
        return baseline() - size();
    }

    String text() {
        return String.join(" ", segments());
    }

    /** The text of each run of glyphs set apart from the next by a wide gap. */
    List<String> segments() {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        PdfGlyph prev = null;
        for (PdfGlyph g : glyphs) {
            if (prev != null) {
                float gap = g.x() - prev.right();
                float em = Math.max(prev.size(), g.size());
                if (gap > SEGMENT_GAP * em && !prev.isSpace() && !g.isSpace()) {
                    addSegment(out, sb);
                } else if (!g.isSpace() && !prev.isSpace() && gap > WORD_GAP * em && latin(last(sb)) && latin(g.text().charAt(0))) {
                    sb.append(' ');
                }
            }
            if (g.isSpace()) {
                if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ' ') sb.append(' ');
            } else {
                sb.append(g.text());
            }
            prev = g;
        }
        addSegment(out, sb);
        return out;
    }

    private static void addSegment(List<String> out, StringBuilder sb) {
        String s = sb.toString().strip();
        if (!s.isEmpty()) out.add(s);
        sb.setLength(0);
    }

    private static char last(StringBuilder sb) {
        return sb.length() == 0 ? ' ' : sb.charAt(sb.length() - 1);
    }

    static boolean latin(char c) {
        return c < 0x80 && Character.isLetterOrDigit(c);
    }

    /**
     * Groups glyphs into lines: sorted by baseline, a glyph joins the line when its baseline is within a third of
     * the font size of the line's; each line is then sorted left to right.
     */
    static List<PdfLine> of(int page, List<PdfGlyph> glyphs) {
        List<PdfGlyph> sorted = new ArrayList<>(glyphs);
        sorted.sort(Comparator.comparingDouble(PdfGlyph::baseline).thenComparingDouble(PdfGlyph::x));
        List<PdfLine> lines = new ArrayList<>();
        List<PdfGlyph> current = new ArrayList<>();
        float base = Float.NaN;
        for (PdfGlyph g : sorted) {
            if (!current.isEmpty() && g.baseline() - base > Math.max(g.size(), 1f) / 3) {
                addLine(lines, page, current);
                current = new ArrayList<>();
            }
            if (current.isEmpty()) base = g.baseline();
            current.add(g);
        }
        addLine(lines, page, current);
        return lines;
    }

    private static void addLine(List<PdfLine> lines, int page, List<PdfGlyph> glyphs) {
        glyphs.sort(Comparator.comparingDouble(PdfGlyph::x));
        while (!glyphs.isEmpty() && glyphs.get(0).isSpace()) glyphs.remove(0);
        while (!glyphs.isEmpty() && glyphs.get(glyphs.size() - 1).isSpace()) glyphs.remove(glyphs.size() - 1);
        if (!glyphs.isEmpty()) lines.add(new PdfLine(page, List.copyOf(glyphs)));
    }

    /**
     * The text of lines wrapped inside one table cell, joined without a break: the cell was narrow, not the sentence
     * over (a wrapped amount "1183.0" + "5" is one number again).
     */
    static String joined(List<PdfLine> lines) {
        StringBuilder sb = new StringBuilder();
        for (PdfLine l : lines) appendWrapped(sb, l.text());
        return sb.toString();
    }

    /** Appends the next line of a wrapped paragraph or cell: a space only between two Latin words. */
    static void appendWrapped(StringBuilder sb, String next) {
        if (sb.length() > 0 && !next.isEmpty() && Character.isLetter(last(sb)) && last(sb) < 0x80
                && Character.isLetter(next.charAt(0)) && next.charAt(0) < 0x80) {
            sb.append(' ');
        }
        sb.append(next);
    }
}
