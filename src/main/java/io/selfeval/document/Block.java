package io.selfeval.document;

/** One block of a neutral document: a paragraph or a table, in reading order. */
public sealed interface Block permits Paragraph, Table {
    /** First line of the block in a text source (1-based); for Word and Excel, its position in reading order. */
    int line();

    /** Where the block came from beyond a text line (file, sheet); null for a plain text input. */
    SourceRef source();
}
