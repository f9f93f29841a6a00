package io.selfeval.document;

import java.util.List;

/**
 * A table: rows top to bottom; index counts tables from 1 in document order. {@code source} names the file and, for
 * a workbook, the sheet (null for a plain text input).
 */
public record Table(int index, List<Row> rows, int line, SourceRef source) implements Block {
    public Table(int index, List<Row> rows, int line) {
        this(index, rows, line, null);
    }
}
