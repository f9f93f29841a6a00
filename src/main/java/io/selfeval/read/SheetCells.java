package io.selfeval.read;

import org.apache.poi.ss.util.CellRangeAddress;

import java.util.List;

/**
 * One worksheet as {@link SheetLayout} reads it, whichever reader holds it: POI's user model (.xls, and .xlsx whose
 * formulas must be evaluated) or the streaming .xlsx reader. Rows and columns are 0-based.
 */
interface SheetCells {
    String name();

    /** The first row the sheet holds, or -1 when it holds none. */
    int firstRow();

    /** The last row the sheet holds, or -1 when it holds none. */
    int lastRow();

    /** One more than the last column of row {@code r} that holds a cell; -1 for a row without cells or none at all. */
    int lastCellNum(int r);

    /** What Excel shows in the cell ("" for none, or for a value that cannot be worked out). */
    String text(int r, int c);

    /** Whether row {@code r} holds a cell with something in it (a cell that is only formatted does not count). */
    boolean filled(int r);

    /** The merged regions, in the order the sheet lists them. */
    List<CellRangeAddress> mergedRegions();
}
