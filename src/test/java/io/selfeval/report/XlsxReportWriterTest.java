package io.selfeval.report;

import io.selfeval.rules.CodeNames;
import io.selfeval.model.Deduction;
import io.selfeval.model.Finding;
import io.selfeval.model.Review;
import io.selfeval.model.Severity;
import io.selfeval.model.SubmissionResult;
import io.selfeval.testing.Checks;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A mixed folder (text seeds, .docx, Word 97 and a .doc + .xls folder, two broken files) checked with the real rules
 * and streamed into {@link XlsxReportWriter}; the workbook is reopened with POI and every sheet checked.
 */
class XlsxReportWriterTest {
    @TempDir
    static Path tmp;

    static MixedBatch batch;
    static XSSFWorkbook wb;

    @BeforeAll
    static void write() throws IOException {
        batch = MixedBatch.build(tmp);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        batch.writeTo(ReportSinks.create("xlsx", bytes, Checks.rules()));
        wb = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()));
    }

    @Test
    void theBatchIsMixed() {
        assertTrue(batch.results.size() >= 9, () -> "submissions: " + batch.results.size());
        assertTrue(batch.results.stream().filter(SubmissionResult::isUnreadable).count() >= 2);
        assertTrue(batch.results.stream().anyMatch(r -> r.getFile().endsWith(".docx") && !r.isUnreadable()));
        assertTrue(batch.results.stream().anyMatch(r -> r.getFiles().size() > 1), "the .doc + .xls folder");
    }

    @Test
    void fourSheetsWithChineseHeadersFrozenAndFiltered() {
        assertEquals(List.of("汇总", "问题清单", "考核评分", "无法读取"),
                List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2), wb.getSheetName(3)));
        assertEquals(List.of("单位", "年度", "文件", "状态", "自评得分（报告）", "自评得分（复算）", "审核得分", "错误", "警告"),
                header(wb.getSheet("汇总")).subList(0, 9));
        assertEquals(List.of("单位", "文件", "严重程度", "代码", "问题类型", "问题说明", "位置", "原文摘录", "依据",
                "扣分考核项", "扣分"), header(wb.getSheet("问题清单")));
        assertEquals(List.of("单位", "文件", "一级指标", "考核项", "分值", "扣分", "得分", "扣分原因"),
                header(wb.getSheet("考核评分")));
        assertEquals(List.of("文件", "原因", "所属报告"), header(wb.getSheet("无法读取")));
        for (int i = 0; i < 4; i++) {
            XSSFSheet sh = wb.getSheetAt(i);
            assertNotNull(sh.getPaneInformation(), sh.getSheetName());
            assertTrue(sh.getPaneInformation().isFreezePane(), sh.getSheetName());
            assertEquals(1, sh.getPaneInformation().getHorizontalSplitTopRow(), sh.getSheetName());
            assertTrue(sh.getCTWorksheet().isSetAutoFilter(), sh.getSheetName());
            String ref = sh.getCTWorksheet().getAutoFilter().getRef();
            int lastCol = header(sh).size() - 1;
            int dataRows = i == 0 ? batch.results.size() : sh.getLastRowNum();
            assertEquals("A1:" + CellReference.convertNumToColString(lastCol) + Math.max(1, dataRows + 1), ref,
                    sh.getSheetName());
            assertTrue(sh.getColumnWidth(0) >= 20 * 256, "column width set: " + sh.getSheetName());
        }
    }

    @Test
    void oneSummaryRowPerSubmissionSortedByReviewScoreWithNumericCells() {
        XSSFSheet sh = wb.getSheet("汇总");
        int units = batch.results.size();
        assertNull(sh.getRow(units + 1), "one row per submission, then an empty row before the totals");
        assertEquals("合计", sh.getRow(units + 2).getCell(0).getStringCellValue());
        Map<String, SubmissionResult> byFile = new HashMap<>();
        for (SubmissionResult r : batch.results) byFile.put(r.getFile(), r);
        List<String> seen = new ArrayList<>();
        List<String> statuses = new ArrayList<>();
        Double previous = null;
        boolean blanks = false;
        for (int i = 1; i <= units; i++) {
            Row row = sh.getRow(i);
            String file = row.getCell(2).getStringCellValue().split("\n")[0];
            SubmissionResult r = byFile.get(file);
            assertNotNull(r, "汇总 row " + i + " is a submission: " + file);
            seen.add(file);
            assertEquals(r.getUnit() == null ? "—" : r.getUnit(), row.getCell(0).getStringCellValue());
            Cell review = row.getCell(6);
            if (r.getReview() == null) {
                assertTrue(review == null || review.getCellType() == CellType.BLANK, "no review score: " + file);
                blanks = true;
            } else {
                assertEquals(CellType.NUMERIC, review.getCellType(), "review score is a number: " + file);
                assertEquals(r.getReview().score().doubleValue(), review.getNumericCellValue(), 1e-9);
                assertFalse(blanks, "submissions without a review score come after the scored ones");
                if (previous != null) assertTrue(previous <= review.getNumericCellValue(), "sorted ascending at row " + i);
                previous = review.getNumericCellValue();
            }
            numeric(row, 7, r.count(Severity.ERROR), file);
            numeric(row, 8, r.count(Severity.WARNING), file);
            numeric(row, 9, r.count(Severity.INFO), file);
            if (r.getYear() != null) numeric(row, 1, r.getYear(), file);
            SubmissionResult.SelfScore self = r.getSelfScore();
            if (self != null && self.stated() != null) numeric(row, 4, self.stated().doubleValue(), file);
            if (self != null && self.recomputed() != null) numeric(row, 5, self.recomputed().doubleValue(), file);
            if (r.getFiles().size() > 1) {
                for (String f : r.getFiles()) assertTrue(row.getCell(2).getStringCellValue().contains(f), f);
            }
            if (!r.getFindings().isEmpty()) {
                Finding worst = ReportTexts.mostSerious(r.getFindings(), 1).get(0);
                assertTrue(row.getCell(10).getStringCellValue().contains(worst.getMessage().strip().split("\\R")[0]),
                        "most serious finding first: " + file);
                assertEquals(Math.min(3, r.getFindings().size()),
                        (int) List.of(10, 11, 12).stream().filter(c -> row.getCell(c) != null
                                && !row.getCell(c).getStringCellValue().isBlank()).count(), file);
            }
            assertEquals(ReportTexts.status(r).words(), row.getCell(3).getStringCellValue(), file);
            if (r.isUnreadable() && r.getFiles().size() == 1) assertEquals("无法读取", row.getCell(3).getStringCellValue(), file);
            if (!r.isUnreadable() && r.count(Severity.ERROR) > 0) assertEquals("已检查，有错误", row.getCell(3).getStringCellValue(), file);
            statuses.add(row.getCell(3).getStringCellValue());
        }
        assertEquals(batch.results.stream().map(SubmissionResult::getFile).sorted().toList(),
                seen.stream().sorted().toList(), "every submission once");
        assertTrue(previous != null, "some submissions have a review score");
        assertTrue(statuses.containsAll(List.of("无法读取", "已检查，有错误")), statuses::toString);
        assertFalse(statuses.contains("正常"), statuses::toString);
    }

    @Test
    void everyFindingListedWithALinkBackToItsSummaryRow() {
        XSSFSheet sh = wb.getSheet("问题清单");
        XSSFSheet summary = wb.getSheet("汇总");
        List<String> expected = new ArrayList<>();
        for (SubmissionResult r : batch.results) {
            for (Finding f : r.getFindings()) expected.add(r.getFile() + "|" + f.getCode() + "|" + f.getMessage().strip());
        }
        List<String> listed = new ArrayList<>();
        int deductions = 0;
        for (int i = 1; i <= sh.getLastRowNum(); i++) {
            Row row = sh.getRow(i);
            String file = row.getCell(1).getStringCellValue();
            String code = row.getCell(3).getStringCellValue();
            listed.add(file + "|" + code + "|" + row.getCell(5).getStringCellValue());
            String sev = row.getCell(2).getStringCellValue();
            assertTrue(List.of("错误", "警告", "提示").contains(sev), sev);
            assertFalse(row.getCell(4).getStringCellValue().isBlank(), "Chinese name of " + code);
            Cell points = row.getCell(10);
            if (points != null && points.getCellType() != CellType.BLANK) {
                assertEquals(CellType.NUMERIC, points.getCellType(), "deduction is a number, row " + i);
                assertFalse(row.getCell(9).getStringCellValue().isBlank());
                deductions++;
            }

            Hyperlink link = row.getCell(0).getHyperlink();
            assertNotNull(link, "row " + i + " links back to 汇总");
            assertEquals(HyperlinkType.DOCUMENT, link.getType());
            String address = link.getAddress();
            assertTrue(address.startsWith("'汇总'!"), address);
            CellReference target = new CellReference(address);
            assertEquals("汇总", target.getSheetName());
            Row back = summary.getRow(target.getRow());
            assertNotNull(back, address);
            assertEquals(file, back.getCell(2).getStringCellValue().split("\n")[0], "row " + i + " → " + address);
            assertEquals(row.getCell(0).getStringCellValue(), back.getCell(0).getStringCellValue());
        }
        assertEquals(expected.stream().sorted().toList(), listed.stream().sorted().toList(), "every finding, once");
        long withDeduction = batch.results.stream().flatMap(r -> r.getFindings().stream())
                .filter(f -> f.getDeduction() != null).count();
        assertEquals(withDeduction, deductions);
        assertTrue(deductions > 0);
    }

    @Test
    void rubricSheetHoldsEveryItemWithNumbers() {
        XSSFSheet sh = wb.getSheet("考核评分");
        int expected = batch.results.stream().mapToInt(r -> r.getReview() == null ? 0 : r.getReview().items().size()).sum();
        assertEquals(expected, sh.getLastRowNum());
        SubmissionResult first = batch.results.stream().filter(r -> r.getReview() != null).findFirst().orElseThrow();
        Review.Item item = first.getReview().items().get(0);
        Row row = sh.getRow(1);
        assertEquals(first.getFile(), row.getCell(1).getStringCellValue());
        assertEquals(item.item(), row.getCell(2).getStringCellValue() + "/" + row.getCell(3).getStringCellValue());
        for (int i = 1; i <= sh.getLastRowNum(); i++) {
            Row r = sh.getRow(i);
            for (int c = 4; c <= 6; c++) assertEquals(CellType.NUMERIC, r.getCell(c).getCellType(), "row " + i + " col " + c);
            assertEquals(r.getCell(4).getNumericCellValue() - r.getCell(5).getNumericCellValue(),
                    r.getCell(6).getNumericCellValue(), 1e-9);
            assertNotNull(r.getCell(0).getHyperlink(), "rubric row " + i + " links back to 汇总");
        }
        double deducted = 0;
        for (Review.Item i : first.getReview().items()) deducted += i.deducted().doubleValue();
        assertTrue(deducted > 0 || first.getReview().items().stream().allMatch(i -> i.reasons().isEmpty()));
    }

    @Test
    void unreadableFilesListedWithTheirReason() {
        XSSFSheet sh = wb.getSheet("无法读取");
        List<String> files = new ArrayList<>();
        for (int i = 1; i <= sh.getLastRowNum(); i++) {
            Row row = sh.getRow(i);
            files.add(row.getCell(0).getStringCellValue());
            assertFalse(row.getCell(1).getStringCellValue().isBlank(), "reason in row " + i);
        }
        assertTrue(files.stream().anyMatch(f -> f.endsWith(MixedBatch.DAMAGED)), files::toString);
        assertTrue(files.stream().anyMatch(f -> f.endsWith(MixedBatch.EMPTY)), files::toString);
        long unreadable = batch.results.stream().filter(SubmissionResult::isUnreadable).count();
        assertTrue(files.size() >= unreadable, files::toString);
    }

    @Test
    void anEmptyBatchStillGivesAWorkbook() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        XlsxReportWriter w = new XlsxReportWriter(bytes);
        w.begin(null, null);
        w.end(new io.selfeval.model.CheckReport.Summary(0, 0, 0, 0, 0));
        try (XSSFWorkbook empty = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(4, empty.getNumberOfSheets());
            assertEquals(0, empty.getSheet("汇总").getLastRowNum());
            assertNull(empty.getSheet("汇总").getRow(1));
        }
    }

    @Test
    void deductionPointsAreNumbers() throws IOException {
        Finding f = CodeNames.of(Checks.rules()).named(new Finding("EXE_OVER_BUDGET", Severity.WARNING, "支出超预算", null,
                "项目支出超预算", null, Map.of(), new Deduction("完整性/自评报告附件部分内容完整", 1.5)));
        SubmissionResult r = new SubmissionResult("a.txt", List.of("a.txt"), "某单位", 2024, null, null, List.of(f), null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        XlsxReportWriter w = new XlsxReportWriter(bytes);
        w.begin(null, null);
        w.submission(r);
        w.end(io.selfeval.model.CheckReport.Summary.of(List.of(r)));
        try (XSSFWorkbook one = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
            Cell c = one.getSheet("问题清单").getRow(1).getCell(10);
            assertEquals(CellType.NUMERIC, c.getCellType());
            assertEquals(1.5, c.getNumericCellValue());
            assertEquals("支出超预算", one.getSheet("问题清单").getRow(1).getCell(4).getStringCellValue());
            assertEquals("'汇总'!A2", one.getSheet("问题清单").getRow(1).getCell(0).getHyperlink().getAddress());
        }
    }

    @Test
    void everySheetPrintsOnA4LandscapeOnePageWideWithItsHeaderOnEveryPage() {
        for (int i = 0; i < 4; i++) {
            XSSFSheet sh = wb.getSheetAt(i);
            String name = sh.getSheetName();
            assertEquals(PrintSetup.A4_PAPERSIZE, sh.getPrintSetup().getPaperSize(), name);
            assertTrue(sh.getPrintSetup().getLandscape(), name);
            assertTrue(sh.getFitToPage(), name);
            assertEquals(1, sh.getPrintSetup().getFitWidth(), name + ": one page wide");
            assertEquals(0, sh.getPrintSetup().getFitHeight(), name + ": as many pages tall as needed");
            assertEquals("1:1", sh.getRepeatingRows().formatAsString(), name + ": header row on every page");
            for (int c = 0; c < header(sh).size(); c++) {
                assertTrue(sh.getColumnWidth(c) <= 60 * 256, name + " column " + c + " is capped");
            }
        }
        // Long text wraps, and its row is made tall enough for it.
        XSSFSheet findings = wb.getSheet("问题清单");
        Row longest = null;
        for (int i = 1; i <= findings.getLastRowNum(); i++) {
            Row r = findings.getRow(i);
            if (longest == null || r.getCell(5).getStringCellValue().length() > longest.getCell(5).getStringCellValue().length()) longest = r;
        }
        assertNotNull(longest);
        assertTrue(longest.getCell(5).getCellStyle().getWrapText(), "the message wraps");
        assertTrue(longest.getCell(8).getCellStyle().getWrapText(), "the evidence wraps");
        assertTrue(longest.getHeightInPoints() > 2 * findings.getDefaultRowHeightInPoints(),
                "a long message's row has room for its lines: " + longest.getHeightInPoints());
        assertFalse(findings.getRow(1).getCell(3).getCellStyle().getWrapText(), "a code is never broken");
    }

    @Test
    void reviewScoresBelowThePassMarkAndErrorRowsAreHighlighted() {
        int units = batch.results.size();
        double passMark = Checks.rules().parameters().num("审核合格分").doubleValue();
        assertEquals(List.of("G2:G" + (units + 1) + " AND(ISNUMBER(G2),G2<" + ReportTexts.number(passMark) + ")",
                "H2:H" + (units + 1) + " 0"), rules(wb.getSheet("汇总")), "the pass mark comes from the 参数 table");
        XSSFSheet findings = wb.getSheet("问题清单");
        assertEquals(List.of("A2:K" + (findings.getLastRowNum() + 1) + " $C2=\"错误\""), rules(findings));
        assertTrue(findings.getSheetConditionalFormatting().getConditionalFormattingAt(0).getRule(0)
                .getPatternFormatting() != null, "ERROR rows are filled");
    }

    @Test
    void thePassMarkIsAParameterOfTheWriter() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        batch.writeTo(new XlsxReportWriter(bytes, new java.math.BigDecimal("85")));
        try (XSSFWorkbook other = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertTrue(rules(other.getSheet("汇总")).get(0).endsWith("G2<85)"), rules(other.getSheet("汇总")).toString());
        }
        bytes.reset();
        batch.writeTo(new XlsxReportWriter(bytes));
        try (XSSFWorkbook none = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertTrue(rules(none.getSheet("汇总")).stream().noneMatch(r -> r.contains("ISNUMBER")), "no pass mark, no highlight");
        }
    }

    @Test
    void summaryCarriesTotalsAndAChartOfFindingsByFamily() {
        XSSFSheet sh = wb.getSheet("汇总");
        int units = batch.results.size();
        Row total = sh.getRow(units + 2);
        long[] expected = {0, 0, 0};
        for (SubmissionResult r : batch.results) {
            expected[0] += r.count(Severity.ERROR);
            expected[1] += r.count(Severity.WARNING);
            expected[2] += r.count(Severity.INFO);
        }
        for (int i = 0; i < 3; i++) {
            Cell c = total.getCell(7 + i);
            String column = CellReference.convertNumToColString(7 + i);
            assertEquals(CellType.FORMULA, c.getCellType());
            assertEquals("SUBTOTAL(109," + column + "2:" + column + (units + 1) + ")", c.getCellFormula());
            assertEquals(expected[i], c.getNumericCellValue(), 1e-9, "stored result of " + c.getCellFormula());
        }
        Row average = sh.getRow(units + 3);
        assertEquals("平均审核得分", average.getCell(0).getStringCellValue());
        assertEquals("SUBTOTAL(101,G2:G" + (units + 1) + ")", average.getCell(6).getCellFormula());

        // The table of findings by family, every family of finding-codes.md, counts by severity.
        int header = units + 5;
        assertEquals(List.of("问题类别", "错误", "警告", "提示"), List.of(sh.getRow(header).getCell(0).getStringCellValue(),
                sh.getRow(header).getCell(7).getStringCellValue(), sh.getRow(header).getCell(8).getStringCellValue(),
                sh.getRow(header).getCell(9).getStringCellValue()));
        CodeNames names = CodeNames.of(Checks.rules());
        int families = names.families().size();
        assertEquals(9, families, "the families of the code table");
        long tabled = 0;
        for (int f = 0; f < families; f++) {
            Row r = sh.getRow(header + 1 + f);
            String family = names.families().get(f);
            assertEquals(names.familyName(family) + " " + family, r.getCell(0).getStringCellValue());
            long errors = batch.results.stream().flatMap(x -> x.getFindings().stream())
                    .filter(x -> x.getSeverity() == Severity.ERROR && CodeNames.family(x.getCode()).equals(family)).count();
            assertEquals(errors, r.getCell(7).getNumericCellValue(), 1e-9, family);
            for (int c = 7; c <= 9; c++) tabled += (long) r.getCell(c).getNumericCellValue();
        }
        assertEquals(expected[0] + expected[1] + expected[2], tabled, "every finding counted once");

        // The chart draws that table: the families as categories, one series per severity.
        List<XSSFChart> charts = sh.getDrawingPatriarch().getCharts();
        assertEquals(1, charts.size());
        List<XDDFChartData> data = charts.get(0).getChartSeries();
        assertEquals(1, data.size());
        assertTrue(data.get(0) instanceof XDDFBarChartData);
        assertEquals(3, data.get(0).getSeriesCount());
        int first = header + 2, last = header + 1 + families; // 1-based rows of the table's data
        for (int i = 0; i < 3; i++) {
            XDDFChartData.Series s = data.get(0).getSeries(i);
            String column = CellReference.convertNumToColString(7 + i);
            assertEquals("汇总!$" + column + "$" + first + ":$" + column + "$" + last, s.getValuesData().getDataRangeReference());
            assertEquals("汇总!$A$" + first + ":$A$" + last, s.getCategoryData().getDataRangeReference());
            assertEquals(families, s.getValuesData().getPointCount());
        }
        // The print area takes in the chart under the table.
        String area = wb.getPrintArea(0);
        assertNotNull(area);
        var frame = (org.apache.poi.xssf.usermodel.XSSFGraphicFrame) sh.getDrawingPatriarch().getShapes().get(0);
        int chartBottom = frame.getAnchor().getRow2(); // exclusive, 0-based: the chart's last row, 1-based
        assertTrue(chartBottom > last, "chart under the table");
        assertTrue(area.endsWith("$M$" + chartBottom), area + " takes in the chart ending at row " + chartBottom);
    }

    /** Each conditional format of a sheet as "RANGE FORMULA". */
    private static List<String> rules(XSSFSheet sh) {
        List<String> out = new ArrayList<>();
        var cf = sh.getSheetConditionalFormatting();
        for (int i = 0; i < cf.getNumConditionalFormattings(); i++) {
            var f = cf.getConditionalFormattingAt(i);
            for (int r = 0; r < f.getNumberOfRules(); r++) {
                out.add(f.getFormattingRanges()[0].formatAsString() + " " + f.getRule(r).getFormula1());
            }
        }
        return out;
    }

    private static void numeric(Row row, int col, double value, String what) {
        Cell c = row.getCell(col);
        assertNotNull(c, what + " col " + col);
        assertEquals(CellType.NUMERIC, c.getCellType(), what + " col " + col + " is a number");
        assertEquals(value, c.getNumericCellValue(), 1e-9, what + " col " + col);
    }

    private static List<String> header(XSSFSheet sh) {
        List<String> out = new ArrayList<>();
        for (Cell c : sh.getRow(0)) out.add(c.getStringCellValue());
        return out;
    }
}
