package io.selfeval.bench;

import io.selfeval.document.Cell;
import io.selfeval.document.Row;
import io.selfeval.document.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How a neutral table (as the text reader gives it) is laid out on a form grid, the way the Word and Excel originals
 * are: one grid as wide as the widest row; a shorter row keeps its first cell in the first column and spreads the
 * rest over the grid (gridSpan / merged region); a blank cell under a label of the first column, or under an
 * 一级指标/二级指标 of an indicator table, is a vertical-merge continuation of the cell above (vMerge / merged
 * region). Rows of a table written one row per line with tabs lose their trailing blank cells in the text; those
 * are padded back as ordinary empty cells.
 */
public final class FormLayout {
    public enum Merge { NONE, RESTART, CONTINUE }

    /** One physical cell: its text, first grid column and column span, and its part in a vertical merge. */
    public static final class Slot {
        public final String text;
        public final int col;
        public final int span;
        public Merge merge = Merge.NONE;
        /** For a RESTART: the last row (index into rows) the merge reaches. */
        public int lastRow;

        Slot(String text, int col, int span) {
            this.text = text;
            this.col = col;
            this.span = span;
        }

        public boolean blank() {
            return text.isBlank();
        }
    }

    private static final Pattern LEVEL_HEADER = Pattern.compile("一级指标|二级指标|一级标准");

    public final int width;
    public final List<List<Slot>> rows = new ArrayList<>();

    private FormLayout(int width) {
        this.width = width;
    }

    public static FormLayout of(Table table) {
        int width = table.rows().stream().mapToInt(Row::size).max().orElse(1);
        width = Math.max(width, 1);
        FormLayout layout = new FormLayout(width);
        boolean tabRows = table.rows().stream().allMatch(r -> r.cells().stream().allMatch(c -> c.line() == r.line()));
        for (Row row : table.rows()) layout.rows.add(tabRows ? padded(row, width) : spread(row, width));
        layout.mergeVertically();
        return layout;
    }

    /** Cells of a row written with tabs: one grid column each, the trimmed trailing blanks padded back. */
    private static List<Slot> padded(Row row, int width) {
        List<Slot> out = new ArrayList<>();
        for (int c = 0; c < width; c++) out.add(new Slot(c < row.size() ? row.text(c) : "", c, 1));
        return out;
    }

    /** First cell one column wide; the grid columns left over are spread evenly over the other cells. */
    private static List<Slot> spread(Row row, int width) {
        List<Cell> cells = row.cells();
        int n = Math.max(cells.size(), 1);
        List<Slot> out = new ArrayList<>();
        if (n == 1) {
            out.add(new Slot(cells.isEmpty() ? "" : cells.get(0).text(), 0, width));
            return out;
        }
        int extra = width - n;
        int base = extra / (n - 1);
        int rest = extra % (n - 1);
        int col = 0;
        for (int i = 0; i < n; i++) {
            int span = i == 0 ? 1 : 1 + base + (i <= rest ? 1 : 0);
            out.add(new Slot(cells.get(i).text(), col, span));
            col += span;
        }
        return out;
    }

    /** Marks the blank cells that continue a merged label above them. */
    private void mergeVertically() {
        List<Integer> levelColumns = new ArrayList<>();
        int levelWidth = -1;
        for (int r = 0; r < rows.size(); r++) {
            List<Slot> row = rows.get(r);
            if (row.stream().anyMatch(s -> LEVEL_HEADER.matcher(s.text.replaceAll("\\s+", "")).find())) {
                levelColumns.clear();
                for (Slot s : row) {
                    if (LEVEL_HEADER.matcher(s.text.replaceAll("\\s+", "")).find()) levelColumns.add(s.col);
                }
                levelWidth = row.size();
            }
            if (r == 0) continue;
            for (Slot s : row) {
                if (!s.blank()) continue;
                boolean eligible = s.col == 0 || (row.size() == levelWidth && levelColumns.contains(s.col));
                if (!eligible) continue;
                Slot above = at(rows.get(r - 1), s.col, s.span);
                if (above == null || (above.blank() && above.merge != Merge.CONTINUE)) continue;
                Slot head = above;
                int hr = r - 1;
                while (head.merge == Merge.CONTINUE) head = at(rows.get(--hr), s.col, s.span);
                head.merge = Merge.RESTART;
                head.lastRow = r;
                s.merge = Merge.CONTINUE;
            }
        }
    }

    private static Slot at(List<Slot> row, int col, int span) {
        for (Slot s : row) if (s.col == col && s.span == span) return s;
        return null;
    }
}
