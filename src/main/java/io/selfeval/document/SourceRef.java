package io.selfeval.document;

/**
 * Where a block came from when that is more than a line of a text file: the file (as the reviewer knows it), the
 * sheet of a workbook (null for a Word document), and whether {@code line()} of the block is a real line of that
 * file. Word and Excel files have no lines: their blocks and rows are numbered in reading order instead, which keeps
 * "before/after/near" comparisons working but must never be shown as a line.
 */
public record SourceRef(String file, String sheet, boolean hasLines) {
    public static SourceRef office(String file, String sheet) {
        return new SourceRef(file, sheet, false);
    }

    public static SourceRef text(String file) {
        return new SourceRef(file, null, true);
    }
}
