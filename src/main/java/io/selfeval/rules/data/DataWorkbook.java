package io.selfeval.rules.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A rule-data workbook (*.drl.xlsx, *.drl.xls) read as data: each table is found by its "RuleTable NAME" cell or, on a
 * sheet without one, by the sheet's name; its column names are the labels of its header row, its rows the filled rows
 * below them down to the first blank one. The rest of the decision-table header the sheets were made with (RuleSet,
 * Import, Dialect, ACTION and snippet rows) is left where it is and not read, so staff keep editing the same sheets.
 * The cells are read by {@link SheetGrid} (zip + StAX; POI's XSSF model would add most of a second to every start).
 * Problems of layout (a blank row inside a table, a value outside its columns, an unknown column) name file, sheet
 * and cell; the values themselves are checked by the caller.
 */
public final class DataWorkbook {
    private static final String RULE_TABLE = "RuleTable";

    private DataWorkbook() {
    }

    /** The tables of one workbook, or the problems that stop it (each naming file, sheet, cell). */
    public record Read(List<DataTable> tables, List<String> problems) {
    }

    /** Whether the file is a rule-data workbook (its name ends in .drl.xlsx or .drl.xls; not a lock or hidden file). */
    public static boolean isTableFile(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return (n.endsWith(".drl.xlsx") || n.endsWith(".drl.xls")) && !n.startsWith("~$") && !n.startsWith(".");
    }

    /**
     * Reads the tables of a workbook whose bytes are given ({@code file} names it, {@code display} is how messages
     * name it). {@code columns} gives, for each table name, its column names, the first one leading the header row.
     * Never throws.
     */
    public static Read read(byte[] bytes, Path file, String display, Map<String, List<String>> columns) {
        List<SheetGrid> grids;
        try {
            grids = SheetGrid.isZip(bytes) ? SheetGrid.readXlsx(bytes) : PoiSheets.read(bytes);
        } catch (IOException | RuntimeException e) {
            return new Read(List.of(), List.of(display + "：不是可读取的 Excel 文件（" + e.getMessage() + "）。请用 Excel 或 WPS 另存为 .xlsx"));
        }
        SheetReader reader = new SheetReader(display, file.getFileName().toString(), columns);
        for (SheetGrid grid : grids) reader.read(grid);
        if (reader.tables.isEmpty() && reader.problems.isEmpty()) {
            reader.problems.add(display + "：没有找到规则数据表（“RuleTable 表名”一格，或以 " + String.join("、", columns.keySet())
                    + " 命名的工作表）");
        }
        return reader.problems.isEmpty() ? new Read(reader.tables, List.of()) : new Read(List.of(), reader.problems);
    }

    /** "D15" for the 0-based row 14, column 3. */
    static String ref(int row, int col) {
        StringBuilder letters = new StringBuilder();
        for (int c = col + 1; c > 0; c = (c - 1) / 26) letters.insert(0, (char) ('A' + (c - 1) % 26));
        return letters.toString() + (row + 1);
    }

    /** Finds and reads the tables of the sheets of one workbook. */
    private static final class SheetReader {
        private final String display;
        private final String fileName;
        private final Map<String, List<String>> known;
        final List<DataTable> tables = new ArrayList<>();
        final List<String> problems = new ArrayList<>();

        SheetReader(String display, String fileName, Map<String, List<String>> known) {
            this.display = display;
            this.fileName = fileName;
            this.known = known;
        }

        void read(SheetGrid grid) {
            boolean headed = false;
            for (int r = 0; r <= grid.lastRow(); r++) {
                for (Map.Entry<Integer, String> cell : grid.row(r).entrySet()) {
                    String text = cell.getValue();
                    if (!text.regionMatches(true, 0, RULE_TABLE, 0, RULE_TABLE.length())) continue;
                    headed = true;
                    table(grid, text.substring(RULE_TABLE.length()).strip(), r, cell.getKey());
                }
            }
            // A sheet named after a table needs no decision-table header: its header row is found by its first label.
            if (!headed && known.containsKey(grid.name())) table(grid, grid.name(), -1, 0);
        }

        private String at(SheetGrid grid, int row, int col) {
            return display + " " + grid.name() + "!" + ref(row, col);
        }

        /** One table: below the RuleTable cell at (headerRow, headerCol), or anywhere on the sheet when headerRow is -1. */
        private void table(SheetGrid grid, String name, int headerRow, int headerCol) {
            List<String> names = known.get(name);
            if (names == null) {
                problems.add(at(grid, headerRow, headerCol) + "：未知的数据表“" + name + "”（RuleTable 后应写："
                        + String.join("、", known.keySet()) + " 之一）");
                return;
            }
            if (headerRow >= 0 && hasCondition(grid, headerRow + 1, headerCol)) {
                problems.add(at(grid, headerRow, headerCol) + "：规则数据表不能有条件（CONDITION）列；"
                        + "数据表的每一行只是数据，检查规则请写在 .drl 文件中");
                return;
            }
            int[] header = headerRow(grid, names.get(0), headerRow, headerCol);
            if (header == null) {
                problems.add((headerRow >= 0 ? at(grid, headerRow, headerCol) : display + " " + grid.name())
                        + "：找不到" + name + "表的列名行（第一列应为“" + names.get(0) + "”）");
                return;
            }
            int labelRow = header[0];
            Map<Integer, String> labels = new LinkedHashMap<>();
            for (int c = header[1]; !grid.text(labelRow, c).isEmpty(); c++) labels.put(c, grid.text(labelRow, c));
            int last = labelRow + 1;
            while (last <= grid.lastRow() && filled(grid, last, labels.keySet()) >= 0) last++;
            int before = problems.size();
            strayRows(grid, labels.keySet(), last);
            List<DataTable.Row> rows = new ArrayList<>();
            Set<String> reported = new LinkedHashSet<>();
            int lastColumn = labels.keySet().stream().mapToInt(Integer::intValue).max().orElse(header[1]);
            for (int r = labelRow + 1; r < last; r++) {
                Map<String, String> values = new LinkedHashMap<>();
                for (Map.Entry<Integer, String> cell : grid.row(r).entrySet()) {
                    int c = cell.getKey();
                    if (c < header[1]) continue; // column A and the like: free for notes
                    String label = labels.get(c);
                    if (label == null) {
                        if (c > lastColumn && reported.add("#" + c)) {
                            problems.add(at(grid, r, c) + "：这一列在表头中没有列名（表格右侧多填了内容？请删除，或把备注写在 A 列）");
                        }
                    } else if (!names.contains(label)) {
                        if (reported.add(label)) {
                            problems.add(at(grid, labelRow, c) + "：未知的列“" + label + "”（" + name + "表的列只能是："
                                    + String.join("、", names) + "）");
                        }
                    } else if (cell.getValue().indexOf('\\') >= 0) {
                        problems.add(at(grid, r, c) + "：含有反斜杠“\\”（单元格中不要使用反斜杠，如 \\d 可写成 [0-9]）");
                    } else {
                        values.put(label, cell.getValue());
                    }
                }
                rows.add(new DataTable.Row(r + 1, values));
            }
            if (problems.size() > before) return;
            Map<String, Integer> columnOf = new LinkedHashMap<>();
            labels.forEach((c, label) -> columnOf.putIfAbsent(label, c));
            tables.add(new DataTable(name, display, fileName, grid.name(), columnOf, rows));
        }

        /** The ACTION/CONDITION row of a decision-table header: a CONDITION column would make the rows rules. */
        private static boolean hasCondition(SheetGrid grid, int keywordRow, int fromCol) {
            return grid.row(keywordRow).entrySet().stream()
                    .anyMatch(e -> e.getKey() >= fromCol && e.getValue().equalsIgnoreCase("CONDITION"));
        }

        /**
         * The header row and its first column: the first row at or below the RuleTable cell whose cell in the table's
         * column is the first column name, or (no RuleTable) the first row of the sheet with a cell that is.
         */
        private static int[] headerRow(SheetGrid grid, String first, int headerRow, int headerCol) {
            for (int r = Math.max(headerRow, 0); r <= grid.lastRow(); r++) {
                if (headerRow >= 0) {
                    if (grid.text(r, headerCol).equals(first)) return new int[]{r, headerCol};
                    continue;
                }
                for (Map.Entry<Integer, String> cell : grid.row(r).entrySet()) {
                    if (cell.getValue().equals(first)) return new int[]{r, cell.getKey()};
                }
            }
            return null;
        }

        /**
         * The table ends at its first blank row. Anything filled below that row, in the table's columns, would be
         * left out without a word: the cell of the first such value, with the blank row, is a problem.
         */
        private void strayRows(SheetGrid grid, Set<Integer> columns, int blank) {
            for (int r = blank + 1; r <= grid.lastRow(); r++) {
                int c = filled(grid, r, columns);
                if (c < 0) continue;
                if (grid.text(r, c).regionMatches(true, 0, RULE_TABLE, 0, RULE_TABLE.length())) return;
                problems.add(at(grid, r, c) + "：第" + (blank + 1) + "行是空行，表格到那里就结束了，第" + (r + 1)
                        + "行及以下的内容不会被读取；请删除空行（备注请写在 A 列或表格右侧以外的工作表中）");
                return;
            }
        }

        /** The first of the columns with a value in row r, or -1. */
        private static int filled(SheetGrid grid, int r, Set<Integer> columns) {
            for (int c : columns) {
                if (!grid.text(r, c).isEmpty()) return c;
            }
            return -1;
        }
    }
}
