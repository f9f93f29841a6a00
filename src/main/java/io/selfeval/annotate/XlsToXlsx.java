package io.selfeval.annotate;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.util.HashMap;
import java.util.Map;

/**
 * An Excel 97–2003 workbook as .xlsx (POI cannot convert between them): sheets, values, formulas, number formats,
 * merged regions and column widths, so the cells keep their addresses and the comments land where the findings
 * say. Fonts, borders and fills are not carried over.
 */
final class XlsToXlsx {
    private XlsToXlsx() {
    }

    static XSSFWorkbook convert(Workbook xls) {
        XSSFWorkbook out = new XSSFWorkbook();
        Map<Short, CellStyle> styles = new HashMap<>();
        for (int i = 0; i < xls.getNumberOfSheets(); i++) {
            Sheet from = xls.getSheetAt(i);
            Sheet to = out.createSheet(from.getSheetName());
            if (xls.isSheetHidden(i)) out.setSheetHidden(i, true);
            int lastColumn = 0;
            for (Row r : from) {
                Row copy = to.createRow(r.getRowNum());
                if (r.getZeroHeight()) copy.setZeroHeight(true);
                for (Cell c : r) {
                    Cell cell = copy.createCell(c.getColumnIndex());
                    lastColumn = Math.max(lastColumn, c.getColumnIndex());
                    cell.setCellStyle(styles.computeIfAbsent(c.getCellStyle().getIndex(), k -> style(out, c.getCellStyle(), xls)));
                    value(c, cell);
                }
            }
            for (CellRangeAddress region : from.getMergedRegions()) to.addMergedRegion(region.copy());
            for (int c = 0; c <= lastColumn; c++) to.setColumnWidth(c, from.getColumnWidth(c));
        }
        return out;
    }

    private static CellStyle style(XSSFWorkbook out, CellStyle from, Workbook xls) {
        CellStyle s = out.createCellStyle();
        s.setDataFormat(out.createDataFormat().getFormat(from.getDataFormatString()));
        s.setAlignment(from.getAlignment());
        s.setVerticalAlignment(from.getVerticalAlignment());
        s.setWrapText(from.getWrapText());
        return s;
    }

    private static void value(Cell from, Cell to) {
        CellType type = from.getCellType();
        switch (type) {
            case STRING -> to.setCellValue(from.getStringCellValue());
            case NUMERIC -> to.setCellValue(from.getNumericCellValue());
            case BOOLEAN -> to.setCellValue(from.getBooleanCellValue());
            case FORMULA -> {
                try {
                    to.setCellFormula(from.getCellFormula());
                } catch (RuntimeException e) {
                    cached(from, to);
                    return;
                }
                cached(from, to);
            }
            default -> {
            }
        }
    }

    /** A formula's saved result, as the value (for a formula cell, its cached value). */
    private static void cached(Cell from, Cell to) {
        switch (from.getCachedFormulaResultType()) {
            case NUMERIC -> to.setCellValue(from.getNumericCellValue());
            case STRING -> to.setCellValue(from.getStringCellValue());
            case BOOLEAN -> to.setCellValue(from.getBooleanCellValue());
            default -> {
            }
        }
    }
}
