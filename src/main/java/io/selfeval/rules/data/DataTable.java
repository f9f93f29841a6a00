package io.selfeval.rules.data;

import java.util.List;
import java.util.Map;

/**
 * One rule-data table as read from its sheet: its name, where it is, the column of each column name and its data
 * rows. Every value can be named by its cell ("rules/parameters.drl.xlsx 参数!D18") for a message.
 */
public final class DataTable {
    /** One data row: its spreadsheet row number (1-based) and its filled cells by column name (stripped). */
    public record Row(int number, Map<String, String> values) {
    }

    private final String name;
    private final String display;
    private final String fileName;
    private final String sheet;
    private final Map<String, Integer> columns;
    private final List<Row> rows;

    DataTable(String name, String display, String fileName, String sheet, Map<String, Integer> columns, List<Row> rows) {
        this.name = name;
        this.display = display;
        this.fileName = fileName;
        this.sheet = sheet;
        this.columns = Map.copyOf(columns);
        this.rows = List.copyOf(rows);
    }

    /** The table's name (参数, 勾稽关系 …). */
    public String name() { return name; }
    /** The file as messages name it ("rules/parameters.drl.xlsx"). */
    public String display() { return display; }
    /** The file's own name ("parameters.drl.xlsx"). */
    public String fileName() { return fileName; }
    public String sheet() { return sheet; }
    public List<Row> rows() { return rows; }

    /** "rules/parameters.drl.xlsx 参数!D18": the cell of a column in a row (the row when the column is not there). */
    public String where(int row, String column) {
        Integer c = columns.get(column);
        return c == null ? whereRow(row) : display + " " + sheet + "!" + DataWorkbook.ref(row - 1, c);
    }

    /** "rules/relations.drl.xlsx 勾稽关系 第15行". */
    public String whereRow(int row) {
        return display + " " + sheet + " 第" + row + "行";
    }
}
