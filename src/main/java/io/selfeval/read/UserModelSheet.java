package io.selfeval.read;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.slf4j.LoggerFactory;

import java.util.List;

/** A worksheet of POI's user model (HSSF for .xls; XSSF for an .xlsx with formulas saved without their results). */
final class UserModelSheet implements SheetCells {
    private final Sheet sheet;
    private final DataFormatter fmt;
    private final FormulaEvaluator evaluator;

    UserModelSheet(Sheet sheet, DataFormatter fmt, FormulaEvaluator evaluator) {
        this.sheet = sheet;
        this.fmt = fmt;
        this.evaluator = evaluator;
    }

    @Override
    public String name() {
        return sheet.getSheetName();
    }

    @Override
    public int firstRow() {
        return sheet.getFirstRowNum();
    }

    @Override
    public int lastRow() {
        return sheet.getLastRowNum();
    }

    @Override
    public int lastCellNum(int r) {
        Row row = sheet.getRow(r);
        return row == null ? -1 : row.getLastCellNum();
    }

    @Override
    public boolean filled(int r) {
        Row row = sheet.getRow(r);
        if (row == null) return false;
        for (Cell c : row) {
            if (c.getCellType() != CellType.BLANK && !(c.getCellType() == CellType.STRING && c.getStringCellValue().isBlank())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<CellRangeAddress> mergedRegions() {
        return sheet.getMergedRegions();
    }

    @Override
    public String text(int r, int c) {
        Row row = sheet.getRow(r);
        Cell cell = row == null ? null : row.getCell(c);
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
                    SheetLayout.ref(r, c), e);
            return "";
        }
    }
}
