package io.selfeval.document;

/**
 * Where a block came from when that is more than a line of a text file: the file (as the reviewer knows it), the
 * sheet of a workbook (null for a Word document), whether {@code line()} of the block is a real line of that file,
 * and the page of a PDF (0 when the format has no pages). Word, Excel and PDF files have no lines: their blocks and
 * rows are numbered in reading order instead, which keeps "before/after/near" comparisons working but must never be
 * shown as a line.
 */
public record SourceRef(String file, String sheet, boolean hasLines, int page) {
    public SourceRef(String file, String sheet, boolean hasLines) {
        this(file, sheet, hasLines, 0);
    }

    public static SourceRef office(String file, String sheet) {
        return new SourceRef(file, sheet, false);
    }

    public static SourceRef text(String file) {
        return new SourceRef(file, null, true);
    }

    /** A block of a PDF or a web page: no lines; {@code page} is the PDF page it starts on (0 for a web page). */
    public static SourceRef pdf(String file, int page) {
        return new SourceRef(file, null, false, page);
    }
}
