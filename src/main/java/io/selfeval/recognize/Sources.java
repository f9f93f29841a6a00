package io.selfeval.recognize;

import io.selfeval.document.Block;
import io.selfeval.document.Cell;
import io.selfeval.document.Paragraph;
import io.selfeval.document.Row;
import io.selfeval.document.SourceRef;
import io.selfeval.model.Location;

/**
 * Adds to a location what the reader knew of its source: the file, and for Word and Excel inputs that there is no
 * line (the position stays for ordering), the sheet and the cell address. A plain text input is left as it was.
 */
final class Sources {
    private Sources() {
    }

    static Location of(Location loc, Block block) {
        Location out = of(loc, block.source(), null);
        return block instanceof Paragraph p && out != null ? out.withAnchor(p.anchor()) : out;
    }

    /** A location in a table row: the cell at {@code column}, or none when the index is out of the row. */
    static Location of(Location loc, Block table, Row row, int column) {
        Cell c = column >= 0 && column < row.size() ? row.cells().get(column) : null;
        Location out = of(loc, table.source(), c == null ? null : c.ref());
        return c == null || out == null ? out : out.withAnchor(c.anchor());
    }

    /**
     * A location in a table row whose column index the caller does not track: the cell whose text is the excerpt
     * (the rightmost such cell, as values stand right of their labels), else the first cell containing it.
     */
    static Location of(Location loc, Block table, Row row, String excerpt) {
        SourceRef src = table.source();
        if (src == null) return loc;
        String e = excerpt == null ? "" : flat(excerpt);
        Cell found = null;
        if (!e.isEmpty()) {
            for (int c = row.size() - 1; c >= 0 && found == null; c--) {
                if (flat(row.text(c)).equals(e)) found = row.cells().get(c);
            }
            for (int c = 0; c < row.size() && found == null; c++) {
                if (flat(row.text(c)).contains(e)) found = row.cells().get(c);
            }
        }
        Location out = of(loc, src, found == null ? null : found.ref());
        return found == null || out == null ? out : out.withAnchor(found.anchor());
    }

    private static Location of(Location loc, SourceRef src, String cellRef) {
        if (src == null || loc == null) return loc;
        return loc.in(src.file(), src.sheet(), cellRef, src.hasLines(), src.page());
    }

    private static String flat(String s) {
        return Numbers.flat(s);
    }
}
