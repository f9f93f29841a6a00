package io.selfeval.read;

import io.selfeval.document.Cell;
import io.selfeval.document.Document;
import io.selfeval.document.Paragraph;
import io.selfeval.document.Row;
import io.selfeval.document.Table;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class WorkbookReaderTest {
    @TempDir
    Path dir;

    /** 附件2 as a sheet: label and title rows, a funds block with formulas and formats, merged indicator cells. */
    static void fill(Workbook wb, boolean cacheFormulas) {
        Sheet hidden = wb.createSheet("下拉选项");
        hidden.createRow(0).createCell(0).setCellValue("不应读取");
        Sheet s = wb.createSheet("附件2");
        wb.setSheetHidden(wb.getSheetIndex(hidden), true);
        CellStyle percent = wb.createCellStyle();
        percent.setDataFormat(wb.createDataFormat().getFormat("0.00%"));
        CellStyle twoDecimals = wb.createCellStyle();
        twoDecimals.setDataFormat(wb.createDataFormat().getFormat("0.00"));

        s.createRow(0).createCell(0).setCellValue("附件2");
        s.createRow(1).createCell(0).setCellValue("2024年度部门整体支出绩效自评表");
        s.addMergedRegion(new CellRangeAddress(1, 1, 0, 5));
        var h = s.createRow(2);
        String[] head = {"一级指标", "年初预算数", "全年预算数", "全年执行数", "执行率", "得分"};
        for (int c = 0; c < head.length; c++) h.createCell(c).setCellValue(head[c]);
        var funds = s.createRow(3);
        funds.createCell(0).setCellValue("年度资金总额");
        funds.createCell(1).setCellValue(1328.5);
        funds.createCell(2).setCellValue(1273.05);
        var spent = funds.createCell(3);
        spent.setCellValue(1253.7800000000002); // binary noise the form's "0.00" hides
        spent.setCellStyle(twoDecimals);
        var rate = funds.createCell(4);
        rate.setCellFormula("D4/C4");
        rate.setCellStyle(percent);
        funds.createCell(5).setCellValue(0.1 + 0.2);
        // Merged indicator cells: 产出指标 over two rows, a 分值 over two rows, a note across two columns.
        var r5 = s.createRow(4);
        r5.createCell(0).setCellValue("产出指标");
        r5.createCell(1).setCellValue("数量指标");
        r5.createCell(2).setCellValue(10);
        r5.createCell(3).setCellValue("说明");
        var r6 = s.createRow(5);
        r6.createCell(1).setCellValue("质量指标");
        r6.createCell(3).setCellValue("达标");
        s.addMergedRegion(new CellRangeAddress(4, 5, 0, 0));
        s.addMergedRegion(new CellRangeAddress(4, 5, 2, 2));
        s.addMergedRegion(new CellRangeAddress(4, 4, 3, 5));
        s.addMergedRegion(new CellRangeAddress(5, 5, 3, 5));
        if (cacheFormulas) wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
    }

    private Path write(Workbook wb, String name) throws Exception {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
        wb.close();
        return file;
    }

    private static List<String> texts(Row r) {
        return r.cells().stream().map(Cell::text).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx-cached", "xlsx-uncached", "xls"})
    void sheetsAsTitledTablesWithMergesResolvedAndValuesAsShown(String kind) throws Exception {
        Workbook wb = kind.equals("xls") ? new HSSFWorkbook() : new XSSFWorkbook();
        fill(wb, !kind.equals("xlsx-uncached"));
        Path file = write(wb, "附表." + (kind.equals("xls") ? "xls" : "xlsx"));
        Document d = Readers.read(file);

        assertEquals(List.of("附件2", "2024年度部门整体支出绩效自评表"), d.paragraphs().stream().map(Paragraph::text).toList(),
                "the hidden sheet is not read; label and merged title rows are paragraphs; the sheet name is not repeated");
        assertEquals(1, d.tables().size());
        Table t = d.tables().get(0);
        assertEquals("附件2", t.source().sheet());
        assertFalse(t.source().hasLines());
        List<Row> rows = t.rows();
        assertEquals(List.of("一级指标", "年初预算数", "全年预算数", "全年执行数", "执行率", "得分"), texts(rows.get(0)));
        assertEquals(List.of("年度资金总额", "1328.5", "1273.05", "1253.78", "98.49%", "0.3"), texts(rows.get(1)),
                "numbers as Excel shows them; the formula's value (cached, or evaluated when not cached), not its text");
        assertEquals(List.of("产出指标", "数量指标", "10", "说明"), texts(rows.get(2)), "a merged region is one cell");
        assertEquals(List.of("产出指标", "质量指标", "", "达标"), texts(rows.get(3)),
                "under a vertical merge the text repeats, a number does not");
        assertEquals(List.of("A4", "B4", "C4", "D4", "E4", "F4"), rows.get(1).cells().stream().map(Cell::ref).toList());
        assertEquals(List.of("A5", "B6", "C5", "D6"), rows.get(3).cells().stream().map(Cell::ref).toList(),
                "a cell of a merged region is addressed by the region's first cell");
    }
}
