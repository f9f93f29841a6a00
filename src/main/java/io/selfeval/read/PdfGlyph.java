package io.selfeval.read;

/**
 * One character of a PDF page as drawn: its text, left edge, baseline and size in points, y measured down from the
 * top of the page.
 */
record PdfGlyph(String text, float x, float baseline, float width, float size) {
    float right() {
        return x + width;
    }

    float centerX() {
        return x + width / 2;
    }

    /** The middle of the glyph's body, above the baseline (which is what a table cell encloses). */
    float centerY() {
        return baseline - size * 0.35f;
    }

    boolean isSpace() {
        return text.isBlank();
    }
}
