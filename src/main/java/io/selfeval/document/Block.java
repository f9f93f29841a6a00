package io.selfeval.document;

/** One block of a neutral document: a paragraph or a table, in reading order. */
public sealed interface Block permits Paragraph, Table {
    /** First line of the block in the source (1-based). */
    int line();
}
