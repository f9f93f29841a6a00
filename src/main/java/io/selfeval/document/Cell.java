package io.selfeval.document;

/**
 * A table cell; text keeps line breaks inside the cell as '\n'. {@code ref} is the cell's address where the format
 * has one (Excel "F12"; for a merged region its top-left cell), else null. {@code anchor} names the source element
 * for a comment, as for {@link Paragraph#anchor()} (Word: "tc:N", the N-th w:tc of the body in document order).
 */
public record Cell(String text, int line, String ref, String anchor) {
    public Cell(String text, int line) {
        this(text, line, null, null);
    }

    public Cell(String text, int line, String ref) {
        this(text, line, ref, null);
    }

    public boolean isBlank() {
        return text.isBlank();
    }
}
