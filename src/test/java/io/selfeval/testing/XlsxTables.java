package io.selfeval.testing;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Edits the rule-data sheets (rules/*.drl.xlsx) the way a member of staff would in Excel: "in table 参数,
 * the row whose 参数名 is 预算调整阈值, set 参数值 to 0.50". Tables are found by their "RuleTable NAME" cell (or a
 * sheet of that name), columns by the header labels a reviewer sees, rows by the value of a key column.
 * Only for copies of the rules folder in a temporary directory.
 */
public final class XlsxTables {
    private static final DataFormatter FMT = new DataFormatter(Locale.ROOT);

    private XlsxTables() {
    }

    /** Where a table is: its sheet, the row of its header labels and the column of each label. */
    private record Table(Sheet sheet, int labelRow, Map<String, Integer> columns) {
        int column(String label) {
            Integer c = columns.get(label);
            if (c == null) throw new IllegalArgumentException("no column " + label + " in " + columns.keySet());
            return c;
        }

        /** The data rows: from below the labels to the first row with no value in any column of the table. */
        List<Integer> dataRows() {
            List<Integer> rows = new ArrayList<>();
            for (int r = labelRow + 1; ; r++) {
                boolean any = false;
                for (int c : columns.values()) any |= !text(sheet, r, c).isEmpty();
                if (!any) return rows;
                rows.add(r);
            }
        }
    }

    /**
     * Sets {@code column} of the one row whose {@code keyColumn} is {@code key}. A value that looks like a number is
     * written as a number, anything else as text. Returns the cell, e.g. "D18".
     */
    public static String set(Path file, String table, String keyColumn, String key, String column, String value) {
        return edit(file, wb -> {
            Table t = find(wb, table);
            int kc = t.column(keyColumn);
            List<Integer> hits = t.dataRows().stream().filter(r -> text(t.sheet(), r, kc).equals(key)).toList();
            if (hits.size() != 1) throw new IllegalArgumentException(hits.size() + " rows with " + keyColumn + "=" + key + " in " + table);
            int c = t.column(column);
            put(t.sheet(), hits.get(0), c, value);
            return new CellReference(hits.get(0), c).formatAsString(false);
        });
    }

    /** The value of {@code column} in the row whose {@code keyColumn} is {@code key}. */
    public static String get(Path file, String table, String keyColumn, String key, String column) {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            Table t = find(wb, table);
            int kc = t.column(keyColumn);
            for (int r : t.dataRows()) {
                if (text(t.sheet(), r, kc).equals(key)) return text(t.sheet(), r, t.column(column));
            }
            throw new IllegalArgumentException("no row with " + keyColumn + "=" + key + " in " + table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds a row below the last one of the table (values by header label). Returns its spreadsheet row number (1-based). */
    public static int append(Path file, String table, Map<String, String> values) {
        return edit(file, wb -> {
            Table t = find(wb, table);
            List<Integer> rows = t.dataRows();
            int r = rows.isEmpty() ? t.labelRow() + 1 : rows.get(rows.size() - 1) + 1;
            for (Map.Entry<String, String> e : values.entrySet()) put(t.sheet(), r, t.column(e.getKey()), e.getValue());
            return r + 1;
        });
    }

    /** Sets one cell by sheet name and reference ("F16"), e.g. to put something where no column is. */
    public static void setCell(Path file, String sheetName, String ref, String value) {
        edit(file, wb -> {
            Sheet s = wb.getSheet(sheetName);
            if (s == null) throw new IllegalArgumentException("no sheet " + sheetName);
            CellReference cr = new CellReference(ref);
            put(s, cr.getRow(), cr.getCol(), value);
            return null;
        });
    }

    /** The spreadsheet row number (1-based) of the row whose {@code keyColumn} is {@code key}. */
    public static int rowOf(Path file, String table, String keyColumn, String key) {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            Table t = find(wb, table);
            int kc = t.column(keyColumn);
            for (int r : t.dataRows()) {
                if (text(t.sheet(), r, kc).equals(key)) return r + 1;
            }
            throw new IllegalArgumentException("no row with " + keyColumn + "=" + key + " in " + table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The column letter of a header label of a table ("参数值" → "D"). */
    public static String columnOf(Path file, String table, String label) {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            return CellReference.convertNumToColString(find(wb, table).column(label));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface Edit<T> {
        T apply(Workbook wb);
    }

    private static <T> T edit(Path file, Edit<T> edit) {
        try {
            T result;
            try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(Files.readAllBytes(file)))) {
                result = edit.apply(wb);
                try (OutputStream out = Files.newOutputStream(file)) {
                    wb.write(out);
                }
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Table find(Workbook wb, String table) {
        for (Sheet s : wb) {
            for (Row row : s) {
                for (Cell cell : row) {
                    String v = FMT.formatCellValue(cell).strip();
                    if (!v.startsWith("RuleTable") || !v.substring("RuleTable".length()).strip().equals(table)) continue;
                    int header = row.getRowNum();
                    int labelRow = header + 4;
                    Map<String, Integer> columns = new LinkedHashMap<>();
                    Row keywords = s.getRow(header + 1);
                    for (int c = cell.getColumnIndex(); keywords != null && !text(s, header + 1, c).isEmpty(); c++) {
                        columns.put(text(s, labelRow, c), c);
                    }
                    return new Table(s, labelRow, columns);
                }
            }
        }
        // A sheet named after its table without the decision-table header: its header row is the first row with a
        // label outside column A (which holds notes).
        Sheet s = wb.getSheet(table);
        if (s != null) {
            for (Row row : s) {
                int first = -1;
                for (Cell cell : row) {
                    if (cell.getColumnIndex() > 0 && !FMT.formatCellValue(cell).isBlank()) {
                        first = cell.getColumnIndex();
                        break;
                    }
                }
                if (first < 0) continue;
                Map<String, Integer> columns = new LinkedHashMap<>();
                for (int c = first; !text(s, row.getRowNum(), c).isEmpty(); c++) columns.put(text(s, row.getRowNum(), c), c);
                return new Table(s, row.getRowNum(), columns);
            }
        }
        throw new IllegalArgumentException("no RuleTable " + table);
    }

    private static String text(Sheet s, int r, int c) {
        Row row = s.getRow(r);
        Cell cell = row == null ? null : row.getCell(c);
        return cell == null ? "" : FMT.formatCellValue(cell).strip();
    }

    private static void put(Sheet s, int r, int c, String value) {
        Row row = s.getRow(r);
        if (row == null) row = s.createRow(r);
        Cell cell = row.getCell(c);
        if (cell == null) cell = row.createCell(c);
        if (value == null || value.isEmpty()) {
            cell.setBlank();
        } else if (value.matches("-?\\d+(\\.\\d+)?")) {
            cell.setCellValue(Double.parseDouble(value));
        } else {
            cell.setCellValue(value);
        }
        if (cell.getCellType() == CellType.FORMULA) cell.setCellValue(value);
    }
}
