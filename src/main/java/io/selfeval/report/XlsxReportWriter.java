package io.selfeval.report;

import io.selfeval.model.CheckReport;
import io.selfeval.model.Deduction;
import io.selfeval.model.Finding;
import io.selfeval.model.Review;
import io.selfeval.model.Severity;
import io.selfeval.model.SubmissionResult;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFCell;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFHyperlink;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The reviewer's workbook ({@code --format xlsx}), written with POI's streaming SXSSF so that memory does not grow
 * with the batch: rows go to temporary files as submissions arrive; only one compact summary row per submission is
 * kept for the 汇总 sheet, which is written at {@link #end} sorted by review score (worst first).
 *
 * <ul>
 *   <li>汇总 — one row per submission: unit, year, file(s), status, self-score stated and recomputed, review score,
 *   ERROR/WARNING/INFO counts, the three most serious findings;</li>
 *   <li>问题清单 — one row per finding: unit (a link back to the unit's 汇总 row), file, severity, code, Chinese name,
 *   message, location, excerpt, evidence with Chinese labels, rubric item and points deducted;</li>
 *   <li>考核评分 — the filled review rubric per unit: item, weight, deducted, score, reasons;</li>
 *   <li>无法读取 — every file that could not be read, and why.</li>
 * </ul>
 * Scores, counts and points are numeric cells; every sheet has a frozen header row and an auto-filter. The stream
 * is written at {@link #end} and flushed, not closed.
 */
public final class XlsxReportWriter implements ReportSink {
    static final String SUMMARY = "汇总";
    static final String FINDINGS = "问题清单";
    static final String RUBRIC = "考核评分";
    static final String UNREADABLE = "无法读取";

    /** Excel's limit on the text of one cell. */
    private static final int MAX_CELL_TEXT = 32_767;

    private static final String[] SUMMARY_HEAD = {"单位", "年度", "文件", "状态", "自评得分（报告）", "自评得分（复算）",
            "审核得分", "错误", "警告", "提示", "主要问题1", "主要问题2", "主要问题3"};
    private static final int[] SUMMARY_WIDTH = {30, 7, 36, 14, 10, 10, 10, 7, 7, 7, 50, 50, 50};
    private static final String[] FINDINGS_HEAD = {"单位", "文件", "严重程度", "代码", "问题类型", "问题说明", "位置",
            "原文摘录", "依据", "扣分考核项", "扣分"};
    private static final int[] FINDINGS_WIDTH = {30, 30, 9, 26, 22, 70, 40, 40, 60, 30, 7};
    private static final String[] RUBRIC_HEAD = {"单位", "文件", "一级指标", "考核项", "分值", "扣分", "得分", "扣分原因"};
    private static final int[] RUBRIC_WIDTH = {30, 30, 10, 28, 7, 7, 7, 90};
    private static final String[] UNREADABLE_HEAD = {"文件", "原因", "所属报告"};
    private static final int[] UNREADABLE_WIDTH = {50, 70, 50};

    private final OutputStream out;
    private SXSSFWorkbook wb;
    private SXSSFSheet summary;
    private SXSSFSheet findings;
    private SXSSFSheet rubric;
    private SXSSFSheet unreadable;
    private CellStyle head;
    private CellStyle text;
    private CellStyle wrap;
    private CellStyle link;
    private CellStyle number;
    private CellStyle bad;
    private int findingRow;
    private int rubricRow;
    private int unreadableRow;
    /** The compact per-submission figures the 汇总 sheet is written from at the end. */
    private final List<Row> rows = new ArrayList<>();

    /** One submission in the 汇总 sheet, and the links that point to its row once the sheet is sorted. */
    private record Row(int order, String unit, Integer year, String files, ReportTexts.Status status, BigDecimal stated,
                       BigDecimal recomputed, BigDecimal review, long errors, long warnings, long infos,
                       List<String> top, List<XSSFHyperlink> links) {
    }

    public XlsxReportWriter(OutputStream out) {
        this.out = out;
    }

    @Override
    public void begin(CheckReport.Tool tool, CheckReport.RulesInfo rules) {
        // Rows beyond the window go to compressed temporary files; strings are written inline (no shared table in memory).
        wb = new SXSSFWorkbook(new XSSFWorkbook(), 200, true, false);
        styles();
        summary = sheet(SUMMARY, SUMMARY_HEAD, SUMMARY_WIDTH);
        findings = sheet(FINDINGS, FINDINGS_HEAD, FINDINGS_WIDTH);
        rubric = sheet(RUBRIC, RUBRIC_HEAD, RUBRIC_WIDTH);
        unreadable = sheet(UNREADABLE, UNREADABLE_HEAD, UNREADABLE_WIDTH);
        findingRow = rubricRow = unreadableRow = 1;
        if (tool != null) wb.getXSSFWorkbook().getProperties().getCoreProperties().setCreator(tool.name() + " " + tool.version());
        wb.getXSSFWorkbook().getProperties().getCoreProperties().setTitle("部门整体支出绩效自评报告审核结果");
    }

    @Override
    public void submission(SubmissionResult s) {
        if (wb == null) begin(null, null);
        String unit = ReportTexts.unit(s);
        String file = ReportTexts.orDash(s.getFile());
        List<XSSFHyperlink> links = new ArrayList<>(2);

        // 问题清单: one row per finding; one link over the unit cells of this submission's rows.
        int first = findingRow;
        for (Finding f : s.getFindings()) {
            SXSSFRow r = findings.createRow(findingRow++);
            str(r, 0, unit, link);
            str(r, 1, file, text);
            str(r, 2, ReportTexts.severity(f.getSeverity()), f.getSeverity() == Severity.ERROR ? bad : text);
            str(r, 3, f.getCode(), text);
            str(r, 4, ReportTexts.codeName(f.getCode()), text);
            str(r, 5, ReportTexts.oneLine(f.getMessage()), text);
            str(r, 6, ReportTexts.where(f), text);
            str(r, 7, ReportTexts.excerpt(f), text);
            str(r, 8, ReportTexts.evidence(f), text);
            Deduction d = f.getDeduction();
            if (d != null) {
                str(r, 9, d.item(), text);
                num(r, 10, d.points());
            }
        }
        if (findingRow > first) links.add(backLink(findings, first, findingRow - 1));

        // 考核评分: the filled rubric.
        Review review = s.getReview();
        if (review != null && !review.items().isEmpty()) {
            int from = rubricRow;
            for (Review.Item i : review.items()) {
                SXSSFRow r = rubric.createRow(rubricRow++);
                int slash = i.item().indexOf('/');
                str(r, 0, unit, link);
                str(r, 1, file, text);
                str(r, 2, slash < 0 ? "" : i.item().substring(0, slash), text);
                str(r, 3, slash < 0 ? i.item() : i.item().substring(slash + 1), text);
                num(r, 4, i.weight());
                num(r, 5, i.deducted());
                num(r, 6, i.score());
                List<String> reasons = i.reasons().stream().map(ReportTexts::oneLine).toList();
                if (reasons.isEmpty() && !i.assessed()) reasons = List.of("暂无数据，按满分计");
                str(r, 7, String.join("\n", reasons), reasons.size() > 1 ? wrap : text);
                if (reasons.size() > 1) r.setHeightInPoints(Math.min(409f, 15f * reasons.size()));
            }
            links.add(backLink(rubric, from, rubricRow - 1));
        }

        // 无法读取: every unreadable file, with its reason.
        boolean listed = false;
        for (Finding f : s.getFindings()) {
            if (!"PARSE_UNREADABLE".equals(f.getCode())) continue;
            Object which = f.getEvidence().get("file");
            Object why = f.getEvidence().get("reason");
            unreadableRow(which == null ? file : which.toString(),
                    why == null ? ReportTexts.oneLine(f.getMessage()) : why.toString(), file);
            listed = true;
        }
        if (s.isUnreadable() && !listed) unreadableRow(file, ReportTexts.oneLine(s.getError()), file);

        List<String> top = ReportTexts.mostSerious(s.getFindings(), 3).stream().map(ReportTexts::brief).toList();
        SubmissionResult.SelfScore self = s.getSelfScore();
        rows.add(new Row(rows.size(), s.getUnit(), s.getYear(), ReportTexts.files(s), ReportTexts.status(s),
                self == null ? null : self.stated(), self == null ? null : self.recomputed(),
                review == null ? null : review.score(), s.count(Severity.ERROR), s.count(Severity.WARNING),
                s.count(Severity.INFO), top, links));
    }

    @Override
    public void end(CheckReport.Summary totals) throws IOException {
        if (wb == null) begin(null, null);
        try {
            List<Row> sorted = new ArrayList<>(rows);
            // Lowest review score first; submissions without one (unreadable, not a report) after them; then input order.
            sorted.sort(Comparator.comparing(Row::review, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparingInt(Row::order));
            int n = 1;
            for (Row row : sorted) {
                int at = n++;
                SXSSFRow r = summary.createRow(at);
                str(r, 0, ReportTexts.orDash(row.unit()), text);
                if (row.year() != null) num(r, 1, row.year());
                str(r, 2, row.files(), row.files().contains("\n") ? wrap : text);
                str(r, 3, row.status().words(), row.status().needsAttention() ? bad : text);
                num(r, 4, row.stated());
                num(r, 5, row.recomputed());
                num(r, 6, row.review());
                num(r, 7, row.errors());
                num(r, 8, row.warnings());
                num(r, 9, row.infos());
                for (int i = 0; i < row.top().size(); i++) str(r, 10 + i, row.top().get(i), text);
                long lines = row.files().chars().filter(c -> c == '\n').count() + 1;
                if (lines > 1) r.setHeightInPoints(Math.min(409f, 15f * lines));
                String target = "'" + SUMMARY + "'!" + new CellReference(at, 0).formatAsString();
                for (XSSFHyperlink l : row.links()) l.setAddress(target);
            }
            filter(summary, SUMMARY_HEAD.length, n - 1);
            filter(findings, FINDINGS_HEAD.length, findingRow - 1);
            filter(rubric, RUBRIC_HEAD.length, rubricRow - 1);
            filter(unreadable, UNREADABLE_HEAD.length, unreadableRow - 1);
            wb.setActiveSheet(0);
            wb.write(out);
            out.flush();
        } finally {
            wb.close();
            wb.dispose();
        }
    }

    private void unreadableRow(String file, String reason, String submission) {
        SXSSFRow r = unreadable.createRow(unreadableRow++);
        str(r, 0, file, text);
        str(r, 1, reason, text);
        str(r, 2, submission, text);
    }

    /**
     * A link over column A of rows {@code from..to} of a sheet, back to the submission's 汇总 row; the target is set
     * in {@link #end} once the summary is sorted. One hyperlink per submission and sheet, not per row, so that the
     * links kept in memory grow with the submissions only.
     */
    private XSSFHyperlink backLink(SXSSFSheet sheet, int from, int to) {
        XSSFHyperlink l = (XSSFHyperlink) wb.getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
        l.setCellReference(new CellReference(from, 0));
        l.setFirstRow(from);
        l.setLastRow(to);
        l.setFirstColumn(0);
        l.setLastColumn(0);
        l.setTooltip("返回汇总");
        l.setAddress("'" + SUMMARY + "'!A1");
        wb.getXSSFWorkbook().getSheet(sheet.getSheetName()).addHyperlink(l);
        return l;
    }

    private SXSSFSheet sheet(String name, String[] heads, int[] widths) {
        SXSSFSheet sh = wb.createSheet(name);
        SXSSFRow r = sh.createRow(0);
        r.setHeightInPoints(30);
        for (int i = 0; i < heads.length; i++) {
            str(r, i, heads[i], head);
            sh.setColumnWidth(i, widths[i] * 256);
        }
        sh.createFreezePane(0, 1);
        sh.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        sh.getPrintSetup().setLandscape(true);
        sh.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
        return sh;
    }

    private static void filter(SXSSFSheet sh, int columns, int lastRow) {
        sh.setAutoFilter(new CellRangeAddress(0, Math.max(0, lastRow), 0, columns - 1));
    }

    private void styles() {
        Font bold = wb.createFont();
        bold.setBold(true);
        head = wb.createCellStyle();
        head.setFont(bold);
        head.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        head.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        head.setBorderBottom(BorderStyle.THIN);
        head.setAlignment(HorizontalAlignment.CENTER);
        head.setVerticalAlignment(VerticalAlignment.CENTER);
        head.setWrapText(true);
        text = wb.createCellStyle();
        text.setVerticalAlignment(VerticalAlignment.TOP);
        wrap = wb.createCellStyle();
        wrap.setVerticalAlignment(VerticalAlignment.TOP);
        wrap.setWrapText(true);
        number = wb.createCellStyle();
        number.setVerticalAlignment(VerticalAlignment.TOP);
        Font blue = wb.createFont();
        blue.setUnderline(Font.U_SINGLE);
        blue.setColor(IndexedColors.BLUE.getIndex());
        link = wb.createCellStyle();
        link.setFont(blue);
        link.setVerticalAlignment(VerticalAlignment.TOP);
        Font red = wb.createFont();
        red.setColor(IndexedColors.DARK_RED.getIndex());
        bad = wb.createCellStyle();
        bad.setFont(red);
        bad.setVerticalAlignment(VerticalAlignment.TOP);
    }

    private static void str(SXSSFRow r, int col, String value, CellStyle style) {
        SXSSFCell c = r.createCell(col);
        String v = value == null ? "" : value;
        c.setCellValue(v.length() > MAX_CELL_TEXT ? v.substring(0, MAX_CELL_TEXT - 1) + "…" : v);
        c.setCellStyle(style);
    }

    private void num(SXSSFRow r, int col, BigDecimal value) {
        if (value != null) num(r, col, value.doubleValue());
    }

    private void num(SXSSFRow r, int col, double value) {
        SXSSFCell c = r.createCell(col);
        c.setCellValue(value);
        c.setCellStyle(number);
    }
}
