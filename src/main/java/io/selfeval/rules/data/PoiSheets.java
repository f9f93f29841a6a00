package io.selfeval.rules.data;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Rule-data workbooks saved as binary .xls, read through POI (only then is POI loaded for the rules). */
final class PoiSheets {
    private PoiSheets() {
    }

    /** A binary .xls (or anything that is not a zip) through POI, cell by cell as {@link SheetGrid} reads an .xlsx. */
    static List<SheetGrid> read(byte[] bytes) throws IOException {
        List<SheetGrid> grids = new ArrayList<>();
        DataFormatter fmt = new DataFormatter(Locale.ENGLISH);
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            for (Sheet sheet : wb) {
                SheetGrid grid = new SheetGrid(sheet.getSheetName());
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        grid.put(row.getRowNum(), cell.getColumnIndex(), poiText(cell, fmt));
                    }
                }
                for (CellRangeAddress m : sheet.getMergedRegions()) {
                    grid.merge(m.getFirstRow(), m.getFirstColumn(), m.getLastRow(), m.getLastColumn());
                }
                grids.add(grid);
            }
        }
        return grids;
    }

    private static String poiText(Cell cell, DataFormatter fmt) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case BOOLEAN -> cell.getBooleanCellValue() ? "true" : "false";
            case NUMERIC -> {
                double d = cell.getNumericCellValue();
                yield d - Math.round(d) != 0 ? String.valueOf(d) : SheetGrid.number(String.valueOf(d));
            }
            case STRING -> cell.getRichStringCellValue().getString();
            default -> cell.getCellType() == CellType.FORMULA ? "" : fmt.formatCellValue(cell);
        };
    }

}
