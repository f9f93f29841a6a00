package io.selfeval.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Where a finding points: the part of the report, section, table, row, column, line and a short excerpt; for Word
 * and Excel inputs the file, the sheet and the cell ("F12") instead of a line.
 *
 * <p>{@code line} is a real 1-based line of a text input, or null (Word and Excel have no lines; 0 or less is taken
 * as none). {@code position} orders facts in reading order whatever the format: the line for a text input, the
 * reader's running number of paragraphs and rows for Word and Excel. Use it for "before/after/near", never show it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"part", "section", "table", "row", "column", "line", "file", "page", "sheet", "cell", "excerpt"})
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
    private final String file;
    private final String sheet;
    private final String cell;
    private final Integer page;
    private final Integer position;
    private final String anchor;

    public Location(String part, String section, String table, String row, String column, Integer line, String excerpt) {
        this(part, section, table, row, column, line, excerpt, null, null, null, line);
    }

    public Location(String part, String section, String table, String row, String column, Integer line, String excerpt,
                    String file, String sheet, String cell, Integer position) {
        this(part, section, table, row, column, line, excerpt, file, sheet, cell, null, position, null);
    }

    public Location(String part, String section, String table, String row, String column, Integer line, String excerpt,
                    String file, String sheet, String cell, Integer page, Integer position) {
        this(part, section, table, row, column, line, excerpt, file, sheet, cell, page, position, null);
    }

    private Location(String part, String section, String table, String row, String column, Integer line, String excerpt,
                     String file, String sheet, String cell, Integer page, Integer position, String anchor) {
        this.anchor = anchor;
        this.part = part;
        this.section = section;
        this.table = table;
        this.row = row;
        this.column = column;
        this.line = line != null && line <= 0 ? null : line;
        this.excerpt = excerpt;
        this.file = file;
        this.sheet = sheet;
        this.cell = cell;
        this.page = page != null && page <= 0 ? null : page;
        this.position = position != null && position <= 0 ? null : position;
    }

    /** The narrative as a whole: what is missing from it (a part, the self-score) has no line. */
    public static Location wholeNarrative() {
        return new Location(NARRATIVE, null, null, null, null, null, null);
    }

    /** An attachment of the given kind (基础数据表…) as a whole: one that is missing. */
    public static Location attachment(String kind) {
        return new Location("attachment", null, kind, null, null, null, null);
    }

    /** The submitted file as a whole (unreadable, cut short); {@code file} names it when known. */
    public static Location wholeFile(String file) {
        return new Location("file", null, null, null, null, null, null, file, null, null, null);
    }

    public static Location narrative(String section, int line, String excerpt) {
        return new Location(NARRATIVE, section, null, null, null, line, excerpt);
    }

    public static Location table(String section, String table, String row, String column, int line, String excerpt) {
        return new Location(TABLE, section, table, row, column, line, excerpt);
    }

    public Location withColumn(String newColumn) {
        return new Location(part, section, table, row, newColumn, line, excerpt, file, sheet, cell, page, position, anchor);
    }

    /**
     * The same place in a named file: {@code hasLines} false (Word, Excel) drops the line and keeps it only as the
     * position; sheet and cell are given for workbooks.
     */
    public Location in(String newFile, String newSheet, String newCell, boolean hasLines) {
        return in(newFile, newSheet, newCell, hasLines, 0);
    }

    /** As {@link #in(String, String, String, boolean)}, on page {@code newPage} of a PDF (0: no page). */
    public Location in(String newFile, String newSheet, String newCell, boolean hasLines, int newPage) {
        return new Location(part, section, table, row, column, hasLines ? line : null, excerpt, newFile, newSheet, newCell,
                newPage, position, anchor);
    }

    /** The same place, naming the element of the source file it is in (see {@link #getAnchor()}). */
    public Location withAnchor(String newAnchor) {
        return new Location(part, section, table, row, column, line, excerpt, file, sheet, cell, page, position, newAnchor);
    }

    public String getPart() { return part; }
    public String getSection() { return section; }
    public String getTable() { return table; }
    public String getRow() { return row; }
    public String getColumn() { return column; }
    /** The 1-based line of a text input; null for Word and Excel inputs. */
    public Integer getLine() { return line; }
    public String getFile() { return file; }
    public String getSheet() { return sheet; }
    public String getCell() { return cell; }
    /** The PDF page (1-based) the finding's paragraph or table starts on; null for other formats. */
    public Integer getPage() { return page; }
    public String getExcerpt() { return excerpt; }

    /** Reading order in the submission (the line for a text input); for ordering only, not in reports. */
    @JsonIgnore
    public Integer getPosition() { return position; }

    /**
     * The element of the source file the finding is in, as the reader named it (document.Paragraph/Cell anchor:
     * Word "p:N" or "tc:N", "#N" for position N of the file itself); for annotating the file, not in reports.
     */
    @JsonIgnore
    public String getAnchor() { return anchor; }

    /** The sheet cell as Excel writes it, "附件2!F12"; null without a cell. */
    @JsonIgnore
    public String getSheetCell() {
        if (cell == null) return null;
        if (sheet == null) return cell;
        boolean plain = sheet.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_');
        return (plain ? sheet : "'" + sheet.replace("'", "''") + "'") + "!" + cell;
    }

    /**
     * Short Chinese description for text reports, e.g. "第26行 二、一般公共预算支出情况",
     * "附件2 整体支出绩效自评表 / 年度资金总额 / 执行率 (第214行)" or, for a workbook, "… / 执行率 (附件2!F12)".
     */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (table != null) {
            sb.append(table);
            if (row != null && !row.isBlank()) sb.append(" / ").append(row);
            if (column != null && !column.isBlank()) sb.append(" / ").append(column);
        } else if (section != null) {
            sb.append(section);
        }
        String where = line != null ? "第" + line + "行" : cell != null ? getSheetCell() : page != null ? "第" + page + "页" : null;
        if (where != null) {
            if (sb.length() > 0) sb.append(' ');
            sb.append('(').append(where).append(')');
        }
        return sb.toString();
    }
}
