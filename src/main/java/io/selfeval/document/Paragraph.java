package io.selfeval.document;

/**
 * A paragraph of narrative text. {@code line} is the 1-based line in a text input, or the position in reading order
 * for Word and Excel inputs (then {@code source} says so); {@code source} is null for a plain text input.
 */
public record Paragraph(String text, int line, SourceRef source) implements Block {
    public Paragraph(String text, int line) {
        this(text, line, null);
    }
}
