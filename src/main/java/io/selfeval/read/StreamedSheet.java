package io.selfeval.read;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.StringUtil;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A worksheet read by streaming ({@link SheetPart}), its cells worked out as POI's XSSFCell and DataFormatter work
 * them out in the user model: the same cell types, shared and inline strings, styles (the cell's, else its column's)
 * and number formats. One difference, on purpose: a number is formatted from the 15 significant digits Excel shows
 * ({@link DataFormatter#formatRawCellContents}, as POI's own event reader does), where the user model formats every
 * binary digit, so 1.0049999999999999 under "0.00" shows 1.01 as in Excel, not 1.00.
 */
final class StreamedSheet implements SheetCells {
    /** What the cells of a workbook share: its strings, styles, date system and one formatter. */
    record Workbook(SharedStrings strings, StylesTable styles, boolean date1904, DataFormatter formatter) {
    }

    private final String name;
    private final SheetPart part;
    private final Workbook book;
    private final Map<Integer, XSSFCellStyle> styles = new HashMap<>();

    StreamedSheet(String name, SheetPart part, Workbook book) {
        this.name = name;
        this.part = part;
        this.book = book;
    }

    /** Whether a formula cell was saved without its result: only the user model's evaluator can give it. */
    boolean needsEvaluation() {
        for (Map.Entry<Integer, TreeMap<Integer, XlsxCell>> row : part.rows.entrySet()) {
            for (Map.Entry<Integer, XlsxCell> c : row.getValue().entrySet()) {
                if (c.getValue().value() == null && isFormula(row.getKey(), c.getKey(), c.getValue())) return true;
            }
        }
        return false;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int firstRow() {
        return part.rows.isEmpty() ? -1 : part.rows.firstKey();
    }

    @Override
    public int lastRow() {
        return part.rows.isEmpty() ? -1 : part.rows.lastKey();
    }

    @Override
    public int lastCellNum(int r) {
        TreeMap<Integer, XlsxCell> row = part.rows.get(r);
        return row == null || row.isEmpty() ? -1 : row.lastKey() + 1;
    }

    @Override
    public boolean filled(int r) {
        TreeMap<Integer, XlsxCell> row = part.rows.get(r);
        if (row == null) return false;
        for (Map.Entry<Integer, XlsxCell> c : row.entrySet()) {
            CellType type = type(r, c.getKey(), c.getValue());
            if (type != CellType.BLANK && !(type == CellType.STRING && string(c.getValue()).isBlank())) return true;
        }
        return false;
    }

    @Override
    public List<CellRangeAddress> mergedRegions() {
        return part.merged;
    }

    @Override
    public String text(int r, int c) {
        TreeMap<Integer, XlsxCell> row = part.rows.get(r);
        XlsxCell cell = row == null ? null : row.get(c);
        if (cell == null) return "";
        try {
            boolean formula = isFormula(r, c, cell);
            return switch (baseType(cell, !formula)) {
                case NUMERIC -> number(cell.value() == null || cell.value().isEmpty() ? 0.0 : Double.parseDouble(cell.value()), style(cell, c));
                case STRING -> string(cell);
                case BOOLEAN -> "1".equals(cell.value()) ? "TRUE" : "FALSE";
                case ERROR -> FormulaError.forInt(cell.value() == null ? 0 : FormulaError.forString(cell.value()).getCode()).getString();
                default -> "";
            };
        } catch (RuntimeException e) {
            // A value that is not what its type says: the cell reads as empty rather than failing the file.
            LoggerFactory.getLogger(WorkbookReader.class).debug("单元格 {}!{} 无法取值", name, SheetLayout.ref(r, c), e);
            return "";
        }
    }

    /** The user model's cell type: FORMULA for a formula, else from {@code t}. */
    private CellType type(int r, int c, XlsxCell cell) {
        return isFormula(r, c, cell) ? CellType.FORMULA : baseType(cell, true);
    }

    private boolean isFormula(int r, int c, XlsxCell cell) {
        if (cell.formula()) return true;
        for (CellRangeAddress a : part.arrayFormulas) if (a.isInRange(r, c)) return true;
        return false;
    }

    /** The type {@code t} says (a formula's cached result type when {@code blankCells} is false). */
    private static CellType baseType(XlsxCell cell, boolean blankCells) {
        String t = cell.type();
        if (t == null || t.equals("n")) return cell.value() == null && blankCells ? CellType.BLANK : CellType.NUMERIC;
        return switch (t) {
            case "b" -> CellType.BOOLEAN;
            case "e" -> CellType.ERROR;
            case "s", "inlineStr", "str" -> CellType.STRING;
            default -> throw new IllegalStateException("Illegal cell type: " + t);
        };
    }

    private String string(XlsxCell cell) {
        String t = cell.type();
        if ("inlineStr".equals(t)) {
            if (cell.inline()) return decoded(cell.inlineText() == null ? "" : cell.inlineText());
            return cell.value() == null ? "" : decoded(cell.value());
        }
        if ("str".equals(t)) return cell.value() == null ? "" : decoded(cell.value());
        if (cell.value() == null) return "";
        try {
            if (book.strings() == null) return "";
            return book.strings().getItemAt(Integer.parseInt(cell.value())).getString();
        } catch (NumberFormatException | IllegalStateException | IndexOutOfBoundsException e) {
            // not a number, or no such string: as the user model, an empty cell
            return "";
        }
    }

    /** Excel's escapes of characters XML cannot hold ("_x000D_"), undone as POI undoes them. */
    private static String decoded(String text) {
        return text.contains("_x") ? new XSSFRichTextString(text).getString() : text;
    }

    /** The cell's style: its own, else its column's, else the workbook's first (as XSSFCell.getCellStyle). */
    private XSSFCellStyle style(XlsxCell cell, int col) {
        StylesTable table = book.styles();
        XSSFCellStyle own = null;
        if (table.getNumCellStyles() > 0 && cell.style() != null) own = styleAt(Math.toIntExact(Long.parseLong(cell.style())));
        if (own != null) return own;
        int columnStyle = -1;
        for (SheetPart.ColumnStyle cs : part.columns) {
            if (cs.min() <= col + 1 && col + 1 <= cs.max()) {
                columnStyle = cs.style();
                break;
            }
        }
        return styleAt(columnStyle == -1 ? 0 : columnStyle);
    }

    private XSSFCellStyle styleAt(int index) {
        return styles.computeIfAbsent(index, i -> book.styles().getStyleAt(i));
    }

    private String number(double value, XSSFCellStyle style) {
        if (style == null) return Double.toString(value);
        String format = style.getDataFormatString();
        if (StringUtil.isBlank(format)) return Double.toString(value);
        // "@" (text) shows a number as General does; said as General so an exponent gets Excel's "E+" too.
        if (format.equals("@")) format = "General";
        return book.formatter().formatRawCellContents(value, style.getDataFormat(), format, book.date1904());
    }
}
