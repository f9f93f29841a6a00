package io.selfeval.document;

/** A table cell; text keeps line breaks inside the cell as '\n'. */
public record Cell(String text, int line) {
    public boolean isBlank() {
        return text.isBlank();
    }
}
