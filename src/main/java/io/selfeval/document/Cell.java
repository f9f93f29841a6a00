package io.selfeval.document;

/**
 * A table cell; text keeps line breaks inside the cell as '\n'. {@code ref} is the cell's address where the format
 * has one (Excel "F12"; for a merged region its top-left cell), else null.
 */
public record Cell(String text, int line, String ref) {
    public Cell(String text, int line) {
        this(text, line, null);
    }

    public boolean isBlank() {
        return text.isBlank();
    }
}
