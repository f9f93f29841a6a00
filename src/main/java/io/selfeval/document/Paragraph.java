package io.selfeval.document;

/**
 * A paragraph of narrative text. {@code line} is the 1-based line in a text input, or the position in reading order
 * for Word and Excel inputs (then {@code source} says so); {@code source} is null for a plain text input.
 * {@code anchor} names the element of the source file the text came from, so a comment can be put on it later
 * (Word: "p:N", the N-th w:p of the body in document order; "#N": position N of the paragraph's own file, when a
 * submission of several files renumbered it); null when the reader has none.
 */
public record Paragraph(String text, int line, SourceRef source, String anchor) implements Block {
    public Paragraph(String text, int line) {
        this(text, line, null, null);
    }

    public Paragraph(String text, int line, SourceRef source) {
        this(text, line, source, null);
    }
}
