package io.selfeval.read;

/** A horizontal or vertical line drawn on a PDF page (a table border), y measured down from the top of the page. */
record PdfRuling(boolean horizontal, float at, float from, float to) {
    /** How far apart two lines may be drawn and still be one border. */
    static final float TOLERANCE = 1.5f;

    static PdfRuling of(float x0, float y0, float x1, float y1) {
        if (Math.abs(y0 - y1) <= Math.abs(x0 - x1)) {
            return new PdfRuling(true, (y0 + y1) / 2, Math.min(x0, x1), Math.max(x0, x1));
        }
        return new PdfRuling(false, (x0 + x1) / 2, Math.min(y0, y1), Math.max(y0, y1));
    }

    float length() {
        return to - from;
    }

    /** Whether this line passes through {@code along} (a coordinate on its own axis), with some slack. */
    boolean covers(float along) {
        return along >= from - TOLERANCE && along <= to + TOLERANCE;
    }

    /** Whether a horizontal and a vertical line meet (or nearly). */
    boolean meets(PdfRuling other) {
        if (horizontal == other.horizontal) return false;
        return covers(other.at) && other.covers(at);
    }
}
