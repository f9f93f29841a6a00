package io.selfeval.model;

/** A required attachment cell left empty while the cells it belongs with are filled (e.g. 决算数 beside a budget). */
public final class BlankCell {
    private final String table;
    private final String row;
    private final String column;
    private final String besideColumn;
    private final Amount besideValue;
    private final Location location;

    public BlankCell(String table, String row, String column, String besideColumn, Amount besideValue, Location location) {
        this.table = table;
        this.row = row;
        this.column = column;
        this.besideColumn = besideColumn;
        this.besideValue = besideValue;
        this.location = location;
    }

    public String getTable() { return table; }
    public String getRow() { return row; }
    public String getColumn() { return column; }
    public String getBesideColumn() { return besideColumn; }
    public Amount getBesideValue() { return besideValue; }
    public Location getLocation() { return location; }
}
