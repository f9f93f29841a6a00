package io.selfeval.read;

import io.selfeval.document.Cancellation;
import io.selfeval.document.Document;
import io.selfeval.document.SourceRef;
import io.selfeval.read.BlockBuilder.CellText;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads an Excel workbook (.xlsx/.xlsm with XSSF, .xls with HSSF). Each visible sheet gives, in order:
 * <ul>
 *   <li>a paragraph with the sheet's name ("附件2"), unless it is a default name (Sheet1, 工作表1) or the sheet's
 *   first title row says the same;</li>
 *   <li>the sheet's leading rows that hold a single piece of text (a label "附件2", a title merged across the
 *   table) as paragraphs, so the table's title is found as in a Word report;</li>
 *   <li>the rest as one table. A merged region is one cell, as in Word: its columns after the first are left out,
 *   and the rows below its first show its text in its first column (not a number, which would be counted once per
 *   row). Blank rows are left out.</li>
 * </ul>
 * Values are what Excel shows (DataFormatter: percent formats, fixed decimals, no binary floating-point noise);
 * formula cells give their cached value, or an evaluated one when the file has none. Every cell carries its address
 * ("F12"; for a merged region its first cell).
 */
public final class WorkbookReader implements DocumentReader {
    /** Beyond this a sheet is not a form a person filled in; the rest is not read, and the document says so. */
    static final int MAX_ROWS = 5000;
    static final int MAX_COLUMNS = 200;
    private static final Pattern DEFAULT_SHEET_NAME = Pattern.compile("^(?i:sheet)\\s*\\d*$|^工作表\\s*\\d*$");

    static {
        Formats.init();
    }

    @Override
    public boolean accepts(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".xlsx") || n.endsWith(".xlsm") || n.endsWith(".xls") || n.endsWith(".et");
    }

    /** Reads by content: an OLE2 file is .xls, anything else is tried as .xlsx. */
    @Override
    public Document read(Path file, String name) throws IOException, UnreadableException {
        if (Formats.detect(file) == Formats.Kind.XLS) {
            try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
                return readXls(fs.getRoot(), name);
            }
        }
        return readXlsx(file, name);
    }

    static Document readXlsx(Path file, String name) throws IOException, UnreadableException {
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new UnreadableException("Excel 文件已损坏，无法打开（压缩包结构无效）", e);
        }
        try {
            PartSizes.check(pkg, "Excel 文件");
            return read(new XSSFWorkbook(pkg), name);
        } finally {
            pkg.revert();
        }
    }

    static Document readXls(DirectoryNode root, String name) throws IOException {
        try (HSSFWorkbook wb = new HSSFWorkbook(root, true)) {
            return read(wb, name);
        }
    }

    static Document read(Workbook wb, String name) {
        DataFormatter fmt = new DataFormatter(Locale.CHINA);
        fmt.setUseCachedValuesForFormulaCells(true);
        FormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
        BlockBuilder out = new BlockBuilder();
        for (int s = 0; s < wb.getNumberOfSheets(); s++) {
            if (wb.isSheetHidden(s) || wb.isSheetVeryHidden(s)) continue;
            new SheetReader(wb.getSheetAt(s), fmt, evaluator, name).read(out);
        }
        return out.build(name);
    }

    private static final class SheetReader {
        private final Sheet sheet;
        private final DataFormatter fmt;
        private final FormulaEvaluator evaluator;
        private final SourceRef source;
        private final List<CellRangeAddress> regions;

        SheetReader(Sheet sheet, DataFormatter fmt, FormulaEvaluator evaluator, String file) {
            this.sheet = sheet;
            this.fmt = fmt;
            this.evaluator = evaluator;
            this.source = SourceRef.office(file, sheet.getSheetName());
            this.regions = sheet.getMergedRegions();
        }

        /** A cell of a row with the sheet column it starts at. */
        private record Slot(int col, CellText cell) {
        }

        void read(BlockBuilder out) {
            int first = Math.max(0, sheet.getFirstRowNum());
            int last = Math.min(sheet.getLastRowNum(), first + MAX_ROWS - 1);
            int filledAfter = filledRowsAfter(last);
            if (filledAfter > 0) {
                out.cut("工作表“" + sheet.getSheetName() + "”超过" + MAX_ROWS + "行，其后" + filledAfter + "行有内容的行未读取");
            }
            int widest = 0;
            for (int r = first; r <= last; r++) {
                Row row = sheet.getRow(r);
                if (row != null) widest = Math.max(widest, row.getLastCellNum());
            }
            int width = Math.min(MAX_COLUMNS, widest);
            if (widest > MAX_COLUMNS) {
                out.cut("工作表“" + sheet.getSheetName() + "”有" + widest + "列，只读取了前" + MAX_COLUMNS + "列");
            }
            for (CellRangeAddress a : regions) width = Math.max(width, Math.min(MAX_COLUMNS, a.getLastColumn() + 1));
            List<List<Slot>> rows = new ArrayList<>();
            for (int r = first; r <= last; r++) {
                Cancellation.checkpoint();
                List<Slot> row = row(r, width);
                if (row.stream().anyMatch(c -> !c.cell().text().isBlank())) rows.add(row);
            }
            int titles = 0;
            while (titles < rows.size() && filled(rows.get(titles)) == 1) titles++;
            String name = sheet.getSheetName().strip();
            boolean nameSaid = titles > 0 && only(rows.get(0)).replaceAll("\\s+", "").equals(name.replaceAll("\\s+", ""));
            if (!name.isEmpty() && !nameSaid && !DEFAULT_SHEET_NAME.matcher(name).matches() && !rows.isEmpty()) {
                out.paragraphs(name, source);
            }
            for (int i = 0; i < titles; i++) out.paragraphs(only(rows.get(i)), source);
            out.table(trimmed(rows.subList(titles, rows.size())), source);
        }

        /** Rows after {@code last} that hold something (formatted but empty rows do not count). */
        private int filledRowsAfter(int last) {
            int filled = 0;
            for (int r = last + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) continue;
                for (Cell c : row) {
                    if (c.getCellType() != CellType.BLANK && !(c.getCellType() == CellType.STRING && c.getStringCellValue().isBlank())) {
                        filled++;
                        break;
                    }
                }
            }
            return filled;
        }

        /** One row as cells over the sheet columns 0..width-1, merged regions resolved. */
        private List<Slot> row(int r, int width) {
            Row row = sheet.getRow(r);
            List<CellRangeAddress> here = new ArrayList<>();
            for (CellRangeAddress a : regions) {
                if (a.getFirstRow() <= r && r <= a.getLastRow()) here.add(a);
            }
            List<Slot> cells = new ArrayList<>(width);
            for (int c = 0; c < width; c++) {
                CellRangeAddress region = regionAt(here, c);
                if (region == null) {
                    cells.add(new Slot(c, new CellText(text(row == null ? null : row.getCell(c)), ref(r, c))));
                } else if (c == region.getFirstColumn()) {
                    String anchorRef = ref(region.getFirstRow(), region.getFirstColumn());
                    Row top = sheet.getRow(region.getFirstRow());
                    String text = text(top == null ? null : top.getCell(region.getFirstColumn()));
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

        private String text(Cell cell) {
            if (cell == null) return "";
            try {
                if (cell.getCellType() == CellType.FORMULA && cell instanceof XSSFCell x && !x.getCTCell().isSetV()) {
                    // Saved without a cached result (some generators do): evaluate it as Excel would on opening.
                    return fmt.formatCellValue(cell, evaluator);
                }
                return fmt.formatCellValue(cell);
            } catch (RuntimeException e) {
                // An unsupported function or a broken reference: the cell reads as empty rather than failing the file.
                LoggerFactory.getLogger(WorkbookReader.class).debug("单元格 {}!{} 无法取值", sheet.getSheetName(),
                        ref(cell.getRowIndex(), cell.getColumnIndex()), e);
                return "";
            }
        }

        private static String ref(int r, int c) {
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
}
