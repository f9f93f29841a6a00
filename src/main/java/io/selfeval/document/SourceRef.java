package io.selfeval.document;

/** Where a block or cell came from: 1-based line in a text input (sheet/cell references come with the Office readers). */
public record SourceRef(String file, int line) {
}
