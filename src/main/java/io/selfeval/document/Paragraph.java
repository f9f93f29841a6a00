package io.selfeval.document;

/** A paragraph of narrative text. */
public record Paragraph(String text, int line) implements Block {
}
