package io.selfeval.read;

import io.selfeval.document.Cancellation;
import io.selfeval.document.SourceRef;
import io.selfeval.read.BlockBuilder.CellText;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Lays one worksheet out as blocks, as {@link WorkbookReader} describes: the sheet's name, its leading one-cell rows
 * as paragraphs, the rest as one table with merged regions resolved; at most {@link #MAX_ROWS} rows and
 * {@link #MAX_COLUMNS} columns, what is left out said as a cut.
 */
final class SheetLayout {
    /** Beyond this a sheet is not a form a person filled in; the rest is not read, and the document says so. */
    static final int MAX_ROWS = 5000;
    static final int MAX_COLUMNS = 200;
    private static final Pattern DEFAULT_SHEET_NAME = Pattern.compile("^(?i:sheet)\\s*\\d*$|^工作表\\s*\\d*$");

    private final SheetCells sheet;
    private final SourceRef source;
    private final List<CellRangeAddress> regions;

    SheetLayout(SheetCells sheet, String file) {
        this.sheet = sheet;
        this.source = SourceRef.office(file, sheet.name());
        this.regions = sheet.mergedRegions();
    }

    /** A cell of a row with the sheet column it starts at. */
    private record Slot(int col, CellText cell) {
    }

    void read(BlockBuilder out) {
        int first = Math.max(0, sheet.firstRow());
        int last = Math.min(sheet.lastRow(), first + MAX_ROWS - 1);
        int filledAfter = filledRowsAfter(last);
        if (filledAfter > 0) {
            out.cut("工作表“" + sheet.name() + "”超过" + MAX_ROWS + "行，其后" + filledAfter + "行有内容的行未读取");
        }
        int widest = 0;
        for (int r = first; r <= last; r++) widest = Math.max(widest, sheet.lastCellNum(r));
        int width = Math.min(MAX_COLUMNS, widest);
        if (widest > MAX_COLUMNS) {
            out.cut("工作表“" + sheet.name() + "”有" + widest + "列，只读取了前" + MAX_COLUMNS + "列");
        }
        for (CellRangeAddress a : regions) width = Math.max(width, Math.min(MAX_COLUMNS, a.getLastColumn() + 1));
        List<List<CellRangeAddress>> regionsByRow = regionsByRow(first, last);
        List<List<Slot>> rows = new ArrayList<>();
        for (int r = first; r <= last; r++) {
            Cancellation.checkpoint();
            List<Slot> row = row(r, width, regionsByRow.get(r - first));
            if (row.stream().anyMatch(c -> !c.cell().text().isBlank())) rows.add(row);
        }
        int titles = 0;
        while (titles < rows.size() && filled(rows.get(titles)) == 1) titles++;
        String name = sheet.name().strip();
        boolean nameSaid = titles > 0 && only(rows.get(0)).replaceAll("\\s+", "").equals(name.replaceAll("\\s+", ""));
        if (!name.isEmpty() && !nameSaid && !DEFAULT_SHEET_NAME.matcher(name).matches() && !rows.isEmpty()) {
            out.paragraphs(name, source);
        }
        for (int i = 0; i < titles; i++) out.paragraphs(only(rows.get(i)), source);
        out.table(trimmed(rows.subList(titles, rows.size())), source);
    }

    /**
     * The merged regions over each row read, in the sheet's order: looked up once here, not by going through every
     * region of the sheet for every row.
     */
    private List<List<CellRangeAddress>> regionsByRow(int first, int last) {
        int rows = Math.max(0, last - first + 1);
        List<List<CellRangeAddress>> byRow = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) byRow.add(null);
        for (CellRangeAddress a : regions) {
            for (int r = Math.max(first, a.getFirstRow()); r <= Math.min(last, a.getLastRow()); r++) {
                List<CellRangeAddress> here = byRow.get(r - first);
                if (here == null) byRow.set(r - first, here = new ArrayList<>(2));
                here.add(a);
            }
        }
        for (int i = 0; i < rows; i++) if (byRow.get(i) == null) byRow.set(i, List.of());
        return byRow;
    }

    /** Rows after {@code last} that hold something (formatted but empty rows do not count). */
    private int filledRowsAfter(int last) {
        int filled = 0;
        for (int r = last + 1; r <= sheet.lastRow(); r++) {
            if (sheet.filled(r)) filled++;
        }
        return filled;
    }

    /** One row as cells over the sheet columns 0..width-1, merged regions resolved. */
    private List<Slot> row(int r, int width, List<CellRangeAddress> here) {
        List<Slot> cells = new ArrayList<>(width);
        for (int c = 0; c < width; c++) {
            CellRangeAddress region = regionAt(here, c);
            if (region == null) {
                cells.add(new Slot(c, new CellText(sheet.text(r, c), ref(r, c))));
            } else if (c == region.getFirstColumn()) {
                String anchorRef = ref(region.getFirstRow(), region.getFirstColumn());
                String text = sheet.text(region.getFirstRow(), region.getFirstColumn());
                cells.add(new Slot(c, new CellText(r == region.getFirstRow() ? text : BlockBuilder.continued(text), anchorRef)));
            }
            // the other columns of a merged region are part of its first cell
        }
        return cells;
    }

    private static CellRangeAddress regionAt(List<CellRangeAddress> here, int c) {
        for (CellRangeAddress a : here) {
            if (a.getFirstColumn() <= c && c <= a.getLastColumn()) return a;
        }
        return null;
    }

    static String ref(int r, int c) {
        return new CellReference(r, c, false, false).formatAsString();
    }

    private static int filled(List<Slot> row) {
        int n = 0;
        for (Slot c : row) if (!c.cell().text().isBlank()) n++;
        return n;
    }

    private static String only(List<Slot> row) {
        for (Slot c : row) if (!c.cell().text().isBlank()) return c.cell().text();
        return "";
    }

    /**
     * Every row as wide as the table (a table is aligned from the right), but no wider than its data: columns
     * right of the last one with text in any row are left out.
     */
    private static List<List<CellText>> trimmed(List<List<Slot>> rows) {
        int width = 0;
        for (List<Slot> r : rows) {
            for (Slot c : r) if (!c.cell().text().isBlank()) width = Math.max(width, c.col() + 1);
        }
        List<List<CellText>> out = new ArrayList<>(rows.size());
        for (List<Slot> r : rows) {
            List<CellText> cells = new ArrayList<>();
            for (Slot c : r) if (c.col() < width) cells.add(c.cell());
            out.add(cells);
        }
        return out;
    }
}
