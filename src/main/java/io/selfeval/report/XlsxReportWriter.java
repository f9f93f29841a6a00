package io.selfeval.report;

import io.selfeval.rules.CodeNames;
import io.selfeval.model.CheckReport;
import io.selfeval.rules.CodeNames;
import io.selfeval.model.Deduction;
import io.selfeval.rules.CodeNames;
import io.selfeval.model.Finding;
import io.selfeval.rules.CodeNames;
import io.selfeval.model.Review;
import io.selfeval.rules.CodeNames;
import io.selfeval.model.Severity;
import io.selfeval.rules.CodeNames;
import io.selfeval.model.SubmissionResult;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
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
 *   ERROR/WARNING/INFO counts, the three most serious findings; under them the totals, the findings by code family
 *   and a bar chart of them;</li>
 *   <li>问题清单 — one row per finding: unit (a link back to the unit's 汇总 row), file, severity, code, Chinese name,
 *   message, location, excerpt, evidence with Chinese labels, rubric item and points deducted;</li>
 *   <li>考核评分 — the filled review rubric per unit: item, weight, deducted, score, reasons;</li>
 *   <li>无法读取 — every file that could not be read, and why.</li>
 * </ul>
 * Scores, counts and points are numeric cells; every sheet has a frozen header row and an auto-filter, prints on A4
 * landscape one page wide with its header row on every page ({@link SheetPrint}), and wraps its long text. Review
 * scores below the pass mark and ERROR rows are highlighted by conditional formats. The stream is written at
 * {@link #end} and flushed, not closed.
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
    // Widths in characters, capped so that a sheet fitted to one A4 page wide stays readable; long text wraps instead.
    private static final int[] SUMMARY_WIDTH = {24, 6, 28, 10, 9, 9, 8, 6, 6, 6, 32, 32, 32};
    private static final boolean[] SUMMARY_WRAP = wrap(SUMMARY_HEAD.length, 0, 2, 3, 10, 11, 12);
    private static final String[] FINDINGS_HEAD = {"单位", "文件", "严重程度", "代码", "问题类型", "问题说明", "位置",
            "原文摘录", "依据", "扣分考核项", "扣分"};
    private static final int[] FINDINGS_WIDTH = {20, 22, 6, 24, 12, 44, 20, 28, 36, 16, 6};
    private static final boolean[] FINDINGS_WRAP = wrap(FINDINGS_HEAD.length, 0, 1, 4, 5, 6, 7, 8, 9);
    private static final String[] RUBRIC_HEAD = {"单位", "文件", "一级指标", "考核项", "分值", "扣分", "得分", "扣分原因"};
    private static final int[] RUBRIC_WIDTH = {20, 22, 10, 24, 6, 6, 6, 60};
    private static final boolean[] RUBRIC_WRAP = wrap(RUBRIC_HEAD.length, 0, 1, 3, 7);
    private static final String[] UNREADABLE_HEAD = {"文件", "原因", "所属报告"};
    private static final int[] UNREADABLE_WIDTH = {40, 60, 40};
    private static final boolean[] UNREADABLE_WRAP = wrap(UNREADABLE_HEAD.length, 0, 1, 2);
    /** Columns of 汇总 the totals and the family table use: review score, then the ERROR/WARNING/INFO counts. */
    private static final int REVIEW_COL = 6, COUNT_COL = 7;
    /** The height of one line of wrapped text (11 pt type, CJK fonts a little taller), in points. */
    private static final float LINE_POINTS = 14.5f;
    /** Rows the family chart takes under its table. */
    private static final int CHART_ROWS = 20;

    private final OutputStream out;
    /** Review scores below it are highlighted (参数 审核合格分); null: none is. */
    private final BigDecimal passMark;
    private final FindingsByFamily families;
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
    private CellStyle average;
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
        this(out, null, CodeNames.NONE);
    }

    public XlsxReportWriter(OutputStream out, BigDecimal passMark) {
        this(out, passMark, CodeNames.NONE);
    }

    /**
     * @param passMark review scores below it are highlighted in 汇总 (the parameter 审核合格分); null for none
     * @param names    the code families the 汇总 table lists and their names (the codes' names come with the findings)
     */
    public XlsxReportWriter(OutputStream out, BigDecimal passMark, CodeNames names) {
        this.out = out;
        this.passMark = passMark;
        this.families = new FindingsByFamily(names);
    }

    @Override
    public void begin(CheckReport.Tool tool, CheckReport.RulesInfo rules) {
        // Rows beyond the window go to compressed temporary files; strings are written inline (no shared table in memory).
        wb = new SXSSFWorkbook(new XSSFWorkbook(), 200, true, false);
        styles();
        summary = sheet(SUMMARY, SUMMARY_HEAD, SUMMARY_WIDTH, SUMMARY_WRAP);
        findings = sheet(FINDINGS, FINDINGS_HEAD, FINDINGS_WIDTH, FINDINGS_WRAP);
        rubric = sheet(RUBRIC, RUBRIC_HEAD, RUBRIC_WIDTH, RUBRIC_WRAP);
        unreadable = sheet(UNREADABLE, UNREADABLE_HEAD, UNREADABLE_WIDTH, UNREADABLE_WRAP);
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
            str(r, 1, file, wrap);
            str(r, 2, ReportTexts.severity(f.getSeverity()), f.getSeverity() == Severity.ERROR ? bad : text);
            str(r, 3, f.getCode(), text);
            str(r, 4, f.getName() == null ? "" : f.getName(), wrap);
            str(r, 5, ReportTexts.oneLine(f.getMessage()), wrap);
            str(r, 6, ReportTexts.where(f), wrap);
            str(r, 7, ReportTexts.excerpt(f), wrap);
            str(r, 8, ReportTexts.evidence(f), wrap);
            Deduction d = f.getDeduction();
            if (d != null) {
                str(r, 9, d.item(), wrap);
                num(r, 10, d.points());
            }
            fitHeight(r, FINDINGS_WIDTH);
        }
        families.add(s.getFindings());
        if (findingRow > first) links.add(backLink(findings, first, findingRow - 1));

        // 考核评分: the filled rubric.
        Review review = s.getReview();
        if (review != null && !review.items().isEmpty()) {
            int from = rubricRow;
            for (Review.Item i : review.items()) {
                SXSSFRow r = rubric.createRow(rubricRow++);
                int slash = i.item().indexOf('/');
                str(r, 0, unit, link);
                str(r, 1, file, wrap);
                str(r, 2, slash < 0 ? "" : i.item().substring(0, slash), text);
                str(r, 3, slash < 0 ? i.item() : i.item().substring(slash + 1), wrap);
                num(r, 4, i.weight());
                num(r, 5, i.deducted());
                num(r, 6, i.score());
                List<String> reasons = i.reasons().stream().map(ReportTexts::oneLine).toList();
                if (reasons.isEmpty() && !i.assessed()) reasons = List.of("暂无数据，按满分计");
                str(r, 7, String.join("\n", reasons), wrap);
                fitHeight(r, RUBRIC_WIDTH);
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
                str(r, 0, ReportTexts.orDash(row.unit()), wrap);
                if (row.year() != null) num(r, 1, row.year());
                str(r, 2, row.files(), wrap);
                str(r, 3, row.status().words(), row.status().needsAttention() ? bad : wrap);
                num(r, 4, row.stated());
                num(r, 5, row.recomputed());
                num(r, 6, row.review());
                num(r, 7, row.errors());
                num(r, 8, row.warnings());
                num(r, 9, row.infos());
                for (int i = 0; i < row.top().size(); i++) str(r, 10 + i, row.top().get(i), wrap);
                fitHeight(r, SUMMARY_WIDTH);
                String target = "'" + SUMMARY + "'!" + new CellReference(at, 0).formatAsString();
                for (XSSFHyperlink l : row.links()) l.setAddress(target);
            }
            filter(summary, SUMMARY_HEAD.length, n - 1);
            if (!sorted.isEmpty()) summaryFooter(sorted, n - 1);
            filter(findings, FINDINGS_HEAD.length, findingRow - 1);
            if (findingRow > 1) {
                String last = CellReference.convertNumToColString(FINDINGS_HEAD.length - 1) + findingRow;
                SheetPrint.fillWhere(findings, "A2:" + last, "$C2=\"" + Severity.ERROR.chinese() + "\"");
            }
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
        str(r, 0, file, wrap);
        str(r, 1, reason, wrap);
        str(r, 2, submission, wrap);
        fitHeight(r, UNREADABLE_WIDTH);
    }

    /**
     * Sets the row as tall as its wrapped text needs. A streamed sheet cannot be auto-fitted, and LibreOffice keeps
     * the default height of a row whose height is not written, so wrapped lines would print over the next row.
     * The lines are estimated from the column widths (a CJK character takes two of a column's characters).
     */
    private static void fitHeight(SXSSFRow r, int[] widths) {
        int lines = 1;
        for (org.apache.poi.ss.usermodel.Cell c : r) {
            if (!c.getCellStyle().getWrapText() || c.getCellType() != org.apache.poi.ss.usermodel.CellType.STRING) continue;
            int room = Math.max(1, widths[c.getColumnIndex()]);
            int n = 0;
            for (String line : c.getStringCellValue().split("\n", -1)) {
                n += Math.max(1, (ReportTexts.displayWidth(line) + room - 1) / room);
            }
            lines = Math.max(lines, n);
        }
        if (lines > 1) r.setHeightInPoints(Math.min(409f, LINE_POINTS * lines + 3));
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

    private SXSSFSheet sheet(String name, String[] heads, int[] widths, boolean[] wraps) {
        SXSSFSheet sh = wb.createSheet(name);
        SXSSFRow r = sh.createRow(0);
        r.setHeightInPoints(30);
        for (int i = 0; i < heads.length; i++) {
            str(r, i, heads[i], head);
            sh.setColumnWidth(i, widths[i] * 256);
            if (wraps[i]) sh.setDefaultColumnStyle(i, wrap);
        }
        sh.createFreezePane(0, 1);
        SheetPrint.setUp(sh);
        return sh;
    }

    private static boolean[] wrap(int columns, int... wrapped) {
        boolean[] out = new boolean[columns];
        for (int c : wrapped) out[c] = true;
        return out;
    }

    /**
     * Under the units of 汇总 (rows 2..{@code lastUnitRow}+1): the totals (counts summed, review scores averaged, over
     * the rows the filter shows), the findings by code family and their chart; the review scores below the pass
     * mark and the error counts highlighted. The print area takes in the chart.
     */
    private void summaryFooter(List<Row> sorted, int lastUnitRow) {
        String scores = col(REVIEW_COL) + "2:" + col(REVIEW_COL) + (lastUnitRow + 1);
        if (passMark != null) {
            SheetPrint.fillWhere(summary, scores, "AND(ISNUMBER(" + col(REVIEW_COL) + "2)," + col(REVIEW_COL) + "2<"
                    + ReportTexts.number(passMark) + ")");
        }
        SheetPrint.boldRedAboveZero(summary, col(COUNT_COL) + "2:" + col(COUNT_COL) + (lastUnitRow + 1));

        int at = lastUnitRow + 2; // one empty row under the units, outside the filter
        SXSSFRow total = summary.createRow(at);
        long unread = sorted.stream().filter(r -> r.status() == ReportTexts.Status.UNREADABLE).count();
        str(total, 0, "合计", head);
        str(total, 2, "共" + sorted.size() + "份，无法读取" + unread + "份", text);
        long[] sums = new long[3];
        for (Row r : sorted) {
            sums[0] += r.errors();
            sums[1] += r.warnings();
            sums[2] += r.infos();
        }
        for (int i = 0; i < 3; i++) {
            formula(total, COUNT_COL + i, "SUBTOTAL(109," + col(COUNT_COL + i) + "2:" + col(COUNT_COL + i) + (lastUnitRow + 1) + ")", sums[i]);
        }
        List<BigDecimal> reviewed = sorted.stream().map(Row::review).filter(java.util.Objects::nonNull).toList();
        SXSSFRow average = summary.createRow(at + 1);
        str(average, 0, "平均审核得分", head);
        if (!reviewed.isEmpty()) {
            double mean = reviewed.stream().mapToDouble(BigDecimal::doubleValue).average().orElseThrow();
            formula(average, REVIEW_COL, "SUBTOTAL(101," + scores + ")", mean).setCellStyle(this.average);
        }
        if (passMark != null) {
            str(average, 2, "审核得分低于" + ReportTexts.number(passMark) + "分（参数“审核合格分”）的以红色标出", wrap);
            fitHeight(average, SUMMARY_WIDTH);
        }

        int header = at + 3;
        SXSSFRow h = summary.createRow(header);
        str(h, 0, "问题类别", head);
        List<String> severities = FindingsByFamily.severityNames();
        for (int i = 0; i < severities.size(); i++) str(h, COUNT_COL + i, severities.get(i), head);
        List<String> names = families.names();
        for (int f = 0; f < names.size(); f++) {
            SXSSFRow r = summary.createRow(header + 1 + f);
            str(r, 0, names.get(f), text);
            for (int i = 0; i < severities.size(); i++) num(r, COUNT_COL + i, families.column(i)[f]);
        }
        int chartTop = header + names.size() + 2;
        CellRangeAddress chartArea = new CellRangeAddress(chartTop, chartTop + CHART_ROWS - 1, 0, COUNT_COL + 2);
        families.chart(wb.getXSSFWorkbook().getSheet(SUMMARY), header, 0, COUNT_COL, chartArea);
        wb.setPrintArea(wb.getSheetIndex(summary), 0, SUMMARY_HEAD.length - 1, 0, chartArea.getLastRow());
    }

    private static String col(int c) {
        return CellReference.convertNumToColString(c);
    }

    /** A formula with its result stored, so that a reader that does not recalculate shows the number too. */
    private SXSSFCell formula(SXSSFRow r, int col, String formula, double value) {
        SXSSFCell c = r.createCell(col);
        c.setCellFormula(formula);
        c.setCellValue(value);
        c.setCellStyle(number);
        return c;
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
        average = wb.createCellStyle();
        average.setVerticalAlignment(VerticalAlignment.TOP);
        average.setDataFormat(wb.createDataFormat().getFormat("0.0"));
        Font blue = wb.createFont();
        blue.setUnderline(Font.U_SINGLE);
        blue.setColor(IndexedColors.BLUE.getIndex());
        link = wb.createCellStyle();
        link.setFont(blue);
        link.setVerticalAlignment(VerticalAlignment.TOP);
        link.setWrapText(true);
        Font red = wb.createFont();
        red.setColor(IndexedColors.DARK_RED.getIndex());
        bad = wb.createCellStyle();
        bad.setFont(red);
        bad.setVerticalAlignment(VerticalAlignment.TOP);
        bad.setWrapText(true);
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
