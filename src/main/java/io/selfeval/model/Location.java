package io.selfeval.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Where a finding points: the part of the report, section, table, row, column, line and a short excerpt. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class Location {
    public static final String NARRATIVE = "narrative";
    public static final String TABLE = "table";

    private final String part;
    private final String section;
    private final String table;
    private final String row;
    private final String column;
    private final Integer line;
    private final String excerpt;

    public Location(String part, String section, String table, String row, String column, Integer line, String excerpt) {
        this.part = part;
        this.section = section;
        this.table = table;
        this.row = row;
        this.column = column;
        this.line = line;
        this.excerpt = excerpt;
    }

    public static Location narrative(String section, int line, String excerpt) {
        return new Location(NARRATIVE, section, null, null, null, line, excerpt);
    }

    public static Location table(String section, String table, String row, String column, int line, String excerpt) {
        return new Location(TABLE, section, table, row, column, line, excerpt);
    }

    public Location withColumn(String newColumn) {
        return new Location(part, section, table, row, newColumn, line, excerpt);
    }

    public String getPart() { return part; }
    public String getSection() { return section; }
    public String getTable() { return table; }
    public String getRow() { return row; }
    public String getColumn() { return column; }
    public Integer getLine() { return line; }
    public String getExcerpt() { return excerpt; }

    /** Short Chinese description for text reports, e.g. "第26行 二、一般公共预算支出情况" or "附件2 整体支出绩效自评表 / 年度资金总额 / 执行率 (第214行)". */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (table != null) {
            sb.append(table);
            if (row != null && !row.isBlank()) sb.append(" / ").append(row);
            if (column != null && !column.isBlank()) sb.append(" / ").append(column);
        } else if (section != null) {
            sb.append(section);
        }
        if (line != null) {
            if (sb.length() > 0) sb.append(' ');
            sb.append("(第").append(line).append("行)");
        }
        return sb.toString();
    }
}
