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

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A readable, printable report of a whole batch ({@code --format html}): one self-contained HTML page in Chinese
 * (inline CSS, charts drawn as inline SVG, no scripts, nothing fetched from anywhere). At the top the county
 * summary: counts, findings by code family, the distribution of review scores and every unit by review score; then
 * one section per submission with its findings (severity, code, Chinese name, message, location, excerpt, evidence,
 * deduction) and its filled review rubric. Prints on A4, each submission on a new page.
 *
 * <p>Memory does not grow with the batch: sections are written to a temporary file as submissions arrive; only a
 * compact line per submission is kept for the summary, and the page is assembled at {@link #end}. The stream is
 * flushed, not closed.
 */
public final class HtmlReportWriter implements ReportSink {
    /** The report's own policy (also sent by the service): inline CSS and SVG only, no script, nothing fetched. */
    public static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

    /** Review-score bands of the histogram, as a share of full marks (lower bounds, %). */
    private static final int[] BANDS = {0, 60, 70, 80, 85, 90, 95};
    private static final String[] BAND_LABELS = {"<60", "60–69", "70–79", "80–84", "85–89", "90–94", "95–100"};

    private final OutputStream out;
    private CheckReport.Tool tool;
    private CheckReport.RulesInfo rules;
    private Path part;
    private Writer sections;
    private final List<Line> lines = new ArrayList<>();
    private final Map<String, long[]> byFamily = new LinkedHashMap<>();
    private final CodeNames names;
    private final List<String[]> unreadable = new ArrayList<>();

    /** What the summary needs of one submission. */
    private record Line(int n, String unit, String file, Integer year, BigDecimal stated, BigDecimal recomputed,
                        BigDecimal score, BigDecimal full, long errors, long warnings, long infos, ReportTexts.Status status) {
    }

    public HtmlReportWriter(OutputStream out) {
        this(out, CodeNames.NONE);
    }

    /** @param names the code families the summary counts (every one listed, found or not) and their names */
    public HtmlReportWriter(OutputStream out, CodeNames names) {
        this.out = out;
        this.names = names;
        for (String f : names.families()) byFamily.put(f, new long[Severity.values().length]);
    }

    @Override
    public void begin(CheckReport.Tool tool, CheckReport.RulesInfo rules) throws IOException {
        this.tool = tool;
        this.rules = rules;
        part = io.selfeval.read.TempFiles.createFile("selfeval-report-", ".html.part");
        sections = Files.newBufferedWriter(part, StandardCharsets.UTF_8);
    }

    @Override
    public void submission(SubmissionResult s) throws IOException {
        if (sections == null) begin(null, null);
        int n = lines.size() + 1;
        Review review = s.getReview();
        SubmissionResult.SelfScore self = s.getSelfScore();
        ReportTexts.Status status = ReportTexts.status(s);
        lines.add(new Line(n, s.getUnit(), ReportTexts.orDash(s.getFile()), s.getYear(),
                self == null ? null : self.stated(), self == null ? null : self.recomputed(),
                review == null ? null : review.score(), review == null ? null : review.fullMarks(),
                s.count(Severity.ERROR), s.count(Severity.WARNING), s.count(Severity.INFO), status));
        for (Finding f : s.getFindings()) {
            long[] c = byFamily.computeIfAbsent(CodeNames.family(f.getCode()), k -> new long[Severity.values().length]);
            c[(f.getSeverity() == null ? Severity.INFO : f.getSeverity()).ordinal()]++;
            if ("PARSE_UNREADABLE".equals(f.getCode())) {
                Object which = f.getEvidence().get("file");
                Object why = f.getEvidence().get("reason");
                unreadable.add(new String[]{which == null ? ReportTexts.orDash(s.getFile()) : which.toString(),
                        why == null ? ReportTexts.oneLine(f.getMessage()) : why.toString(), String.valueOf(n)});
            }
        }
        section(sections, n, s, status);
    }

    @Override
    public void end(CheckReport.Summary totals) throws IOException {
        if (sections == null) begin(null, null);
        try {
            sections.close();
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            head(w);
            overview(w, totals);
            w.flush();
            Files.copy(part, out);
            w.write("<footer>" + esc(tool == null ? "selfeval" : tool.name() + " " + tool.version())
                    + " 自动生成；审核得分为按考核评分表的建议得分，请结合原文复核。</footer>\n</body>\n</html>\n");
            w.flush();
        } finally {
            io.selfeval.read.TempFiles.delete(part);
        }
    }

    /** The submission's status as a tag: red for anything to look at, plain for a report checked without errors. */
    private static String tag(ReportTexts.Status status) {
        return " <span class=\"tag" + (status.needsAttention() ? " bad" : "") + "\">" + status.words() + "</span>";
    }

    // ---------------------------------------------------------------- the page head and the county summary

    private void head(Writer w) throws IOException {
        w.write("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
        w.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        // A report opened from disk or a mail attachment runs nothing and fetches nothing, whatever a name holds.
        w.write("<meta http-equiv=\"Content-Security-Policy\" content=\"" + CONTENT_SECURITY_POLICY + "\">\n");
        w.write("<title>部门整体支出绩效自评报告审核结果</title>\n<style>\n" + CSS + "</style>\n</head>\n<body>\n");
        w.write("<header class=\"cover\">\n<h1>部门整体支出绩效自评报告审核结果</h1>\n<p class=\"meta\">");
        if (tool != null) w.write(esc(tool.name() + " " + tool.version()));
        if (rules != null) {
            String fp = rules.fingerprint() == null ? "—"
                    : rules.fingerprint().substring(0, Math.min(12, rules.fingerprint().length()));
            w.write("　规则：" + esc(rules.dir()) + "（" + rules.count() + "条，指纹 " + esc(fp) + "）");
        }
        w.write("</p>\n</header>\n");
    }

    private void overview(Writer w, CheckReport.Summary totals) throws IOException {
        long errors = 0, warnings = 0, infos = 0, unread = 0;
        List<BigDecimal> scores = new ArrayList<>();
        for (Line l : lines) {
            errors += l.errors();
            warnings += l.warnings();
            infos += l.infos();
            if (l.status() == ReportTexts.Status.UNREADABLE) unread++;
            if (l.score() != null) scores.add(l.score());
        }
        w.write("<section class=\"overview\">\n<h2>一、总体情况</h2>\n<div class=\"cards\">\n");
        card(w, "报告", lines.size(), "份", "");
        card(w, "无法读取", unread, "份", unread > 0 ? "bad" : "");
        card(w, "错误", errors, "条", errors > 0 ? "bad" : "");
        card(w, "警告", warnings, "条", warnings > 0 ? "warn" : "");
        card(w, "提示", infos, "条", "");
        if (!scores.isEmpty()) {
            BigDecimal sum = scores.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            card(w, "平均审核得分", sum.divide(BigDecimal.valueOf(scores.size()), 1, RoundingMode.HALF_UP), "分", "");
            card(w, "最低审核得分", scores.stream().min(Comparator.naturalOrder()).orElseThrow(), "分", "");
        }
        w.write("</div>\n<div class=\"charts\">\n");
        familyChart(w);
        scoreChart(w);
        w.write("</div>\n");

        w.write("<h3>各单位审核得分（由低到高）</h3>\n<table class=\"list\">\n<colgroup><col style=\"width:5%\">"
                + "<col style=\"width:27%\"><col style=\"width:7%\"><col style=\"width:25%\"><col style=\"width:11%\">"
                + "<col style=\"width:8%\"><col style=\"width:6%\"><col style=\"width:6%\"><col style=\"width:5%\"></colgroup>\n"
                + "<thead><tr><th>序号</th><th>单位</th><th>年度</th><th>文件</th><th>自评得分<br>报告/复算</th>"
                + "<th>审核得分</th><th>错误</th><th>警告</th><th>提示</th></tr></thead>\n<tbody>\n");
        List<Line> sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparing(Line::score, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingInt(Line::n));
        for (Line l : sorted) {
            w.write("<tr><td class=\"num\">" + l.n() + "</td><td><a href=\"#s-" + l.n() + "\">"
                    + esc(l.unit() == null || l.unit().isBlank() ? "（未识别单位）" : l.unit()) + "</a>"
                    + tag(l.status())
                    + "</td><td class=\"num\">" + (l.year() == null ? "—" : l.year()) + "</td><td class=\"file\">"
                    + esc(l.file()) + "</td><td class=\"num\">" + ReportTexts.number(l.stated()) + " / "
                    + ReportTexts.number(l.recomputed()) + "</td><td class=\"num " + band(l.score(), l.full()) + "\">"
                    + ReportTexts.number(l.score()) + "</td><td class=\"num\">" + l.errors() + "</td><td class=\"num\">"
                    + l.warnings() + "</td><td class=\"num\">" + l.infos() + "</td></tr>\n");
        }
        w.write("</tbody>\n</table>\n");

        if (!unreadable.isEmpty()) {
            w.write("<h3>无法读取的文件</h3>\n<table class=\"list\">\n<colgroup><col style=\"width:45%\">"
                    + "<col style=\"width:55%\"></colgroup>\n<thead><tr><th>文件</th><th>原因</th></tr></thead>\n<tbody>\n");
            for (String[] u : unreadable) {
                w.write("<tr><td class=\"file\"><a href=\"#s-" + u[2] + "\">" + esc(u[0]) + "</a></td><td>"
                        + esc(u[1]) + "</td></tr>\n");
            }
            w.write("</tbody>\n</table>\n");
        }
        if (totals != null) {
            w.write("<p class=\"note\">" + esc(TextReportWriter.summaryLine(totals)) + "</p>\n");
        }
        w.write("</section>\n");
    }

    private static void card(Writer w, String label, Object value, String unit, String cls) throws IOException {
        String v = value instanceof BigDecimal b ? ReportTexts.number(b) : String.valueOf(value);
        w.write("<div class=\"card " + cls + "\"><div class=\"v\">" + esc(v) + "<small>" + unit + "</small></div>"
                + "<div class=\"k\">" + label + "</div></div>\n");
    }

    /** "low", "mid" or "" for colouring a review score. */
    private static String band(BigDecimal score, BigDecimal full) {
        if (score == null) return "";
        double pct = percent(score, full);
        return pct < 60 ? "low" : pct < 80 ? "mid" : "";
    }

    private static double percent(BigDecimal score, BigDecimal full) {
        double f = full == null || full.signum() <= 0 ? 100 : full.doubleValue();
        return score.doubleValue() * 100 / f;
    }

    /** Horizontal stacked bars: findings per code family, split by severity. */
    private void familyChart(Writer w) throws IOException {
        List<String> families = new ArrayList<>(names.families());
        for (String f : byFamily.keySet()) if (!families.contains(f)) families.add(f);
        long max = 1;
        for (long[] c : byFamily.values()) max = Math.max(max, c[0] + c[1] + c[2]);
        int rowH = 26, top = 34, left = 132, barW = 270, width = 460, height = top + families.size() * rowH + 10;
        StringBuilder sb = new StringBuilder();
        sb.append("<figure class=\"chart\"><figcaption>按问题类别统计（条）</figcaption>\n")
                .append("<svg viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-label=\"按问题类别统计的问题条数\">\n");
        legend(sb, left, 14);
        for (int i = 0; i < families.size(); i++) {
            String fam = families.get(i);
            long[] c = byFamily.getOrDefault(fam, new long[3]);
            int y = top + i * rowH;
            sb.append("<text x=\"").append(left - 8).append("\" y=\"").append(y + 16)
                    .append("\" text-anchor=\"end\" class=\"lbl\">").append(esc(names.familyName(fam)))
                    .append(' ').append(esc(fam)).append("</text>\n");
            sb.append("<rect x=\"").append(left).append("\" y=\"").append(y + 3).append("\" width=\"").append(barW)
                    .append("\" height=\"").append(rowH - 8).append("\" class=\"track\"/>\n");
            double x = left;
            for (Severity s : Severity.values()) {
                long v = c[s.ordinal()];
                if (v == 0) continue;
                double bw = (double) barW * v / max;
                sb.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(y + 3).append("\" width=\"")
                        .append(fmt(bw)).append("\" height=\"").append(rowH - 8).append("\" class=\"")
                        .append(s.name().toLowerCase(java.util.Locale.ROOT)).append("\"><title>")
                        .append(esc(names.familyName(fam) + " " + s.chinese() + " " + v + "条"))
                        .append("</title></rect>\n");
                x += bw;
            }
            long total = c[0] + c[1] + c[2];
            sb.append("<text x=\"").append(fmt(x + 6)).append("\" y=\"").append(y + 16).append("\" class=\"val\">")
                    .append(total).append("</text>\n");
        }
        sb.append("</svg></figure>\n");
        w.write(sb.toString());
    }

    private static void legend(StringBuilder sb, int x, int y) {
        int dx = 0;
        for (Severity s : Severity.values()) {
            sb.append("<rect x=\"").append(x + dx).append("\" y=\"").append(y - 9).append("\" width=\"10\" height=\"10\" class=\"")
                    .append(s.name().toLowerCase(java.util.Locale.ROOT)).append("\"/>")
                    .append("<text x=\"").append(x + dx + 14).append("\" y=\"").append(y).append("\" class=\"lbl\">")
                    .append(s.chinese()).append("</text>\n");
            dx += 64;
        }
    }

    /** Vertical bars: how many submissions fall in each review-score band. */
    private void scoreChart(Writer w) throws IOException {
        long[] counts = new long[BANDS.length];
        long none = 0;
        for (Line l : lines) {
            if (l.score() == null) {
                none++;
                continue;
            }
            double pct = percent(l.score(), l.full());
            int b = 0;
            for (int i = 0; i < BANDS.length; i++) if (pct >= BANDS[i]) b = i;
            counts[b]++;
        }
        long max = 1;
        for (long c : counts) max = Math.max(max, c);
        int width = 460, height = 260, left = 40, bottom = 220, top = 30, slot = (width - left - 10) / BANDS.length;
        StringBuilder sb = new StringBuilder();
        sb.append("<figure class=\"chart\"><figcaption>审核得分分布（份）</figcaption>\n")
                .append("<svg viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-label=\"审核得分分布\">\n");
        sb.append("<line x1=\"").append(left).append("\" y1=\"").append(bottom).append("\" x2=\"").append(width - 10)
                .append("\" y2=\"").append(bottom).append("\" class=\"axis\"/>\n");
        for (int i = 0; i < BANDS.length; i++) {
            double h = (double) (bottom - top) * counts[i] / max;
            int x = left + i * slot;
            String cls = BANDS[i] < 60 ? "error" : BANDS[i] < 80 ? "warning" : "ok";
            sb.append("<rect x=\"").append(x + 6).append("\" y=\"").append(fmt(bottom - h)).append("\" width=\"")
                    .append(slot - 12).append("\" height=\"").append(fmt(h)).append("\" class=\"").append(cls)
                    .append("\"><title>").append(esc(BAND_LABELS[i] + "分 " + counts[i] + "份")).append("</title></rect>\n");
            sb.append("<text x=\"").append(x + slot / 2).append("\" y=\"").append(fmt(bottom - h - 5))
                    .append("\" text-anchor=\"middle\" class=\"val\">").append(counts[i]).append("</text>\n");
            sb.append("<text x=\"").append(x + slot / 2).append("\" y=\"").append(bottom + 16)
                    .append("\" text-anchor=\"middle\" class=\"lbl\">").append(esc(BAND_LABELS[i])).append("</text>\n");
        }
        sb.append("<text x=\"").append(left).append("\" y=\"").append(bottom + 34).append("\" class=\"lbl\">")
                .append("审核得分（占满分的百分比）").append(none > 0 ? "；另有" + none + "份无审核得分" : "")
                .append("</text>\n</svg></figure>\n");
        w.write(sb.toString());
    }

    private static String fmt(double d) {
        return BigDecimal.valueOf(d).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    // ---------------------------------------------------------------- one submission

    private static void section(Writer w, int n, SubmissionResult s, ReportTexts.Status status) throws IOException {
        StringBuilder sb = new StringBuilder(4096);
        String title = s.getUnit() == null || s.getUnit().isBlank() ? ReportTexts.orDash(s.getFile()) : s.getUnit();
        sb.append("<section class=\"sub\" id=\"s-").append(n).append("\">\n<h2><span class=\"no\">").append(n)
                .append("</span>").append(esc(title));
        sb.append(tag(status));
        sb.append("</h2>\n<table class=\"kv\"><tbody>\n");
        kv(sb, "文件", String.join("\n", s.getFiles().isEmpty() ? List.of(ReportTexts.orDash(s.getFile())) : s.getFiles()));
        kv(sb, "年度", s.getYear() == null ? "—" : s.getYear().toString());
        SubmissionResult.SelfScore self = s.getSelfScore();
        kv(sb, "自评得分", "报告 " + ReportTexts.number(self == null ? null : self.stated()) + "，复算 "
                + ReportTexts.number(self == null ? null : self.recomputed()));
        Review r = s.getReview();
        if (r != null) {
            kv(sb, "审核得分", ReportTexts.number(r.score()) + "（满分" + ReportTexts.number(r.fullMarks()) + "）");
        }
        kv(sb, "问题", "错误" + s.count(Severity.ERROR) + "条，警告" + s.count(Severity.WARNING) + "条，提示"
                + s.count(Severity.INFO) + "条");
        if (s.getError() != null) kv(sb, "无法读取", s.getError());
        sb.append("</tbody></table>\n");

        if (r != null && !r.items().isEmpty()) {
            sb.append("<h3>考核评分表</h3>\n<table class=\"rubric\">\n<colgroup><col style=\"width:30%\">"
                    + "<col style=\"width:8%\"><col style=\"width:8%\"><col style=\"width:8%\"><col style=\"width:46%\">"
                    + "</colgroup>\n<thead><tr><th>考核项</th><th>分值</th><th>扣分</th><th>得分</th><th>扣分原因</th></tr>"
                    + "</thead>\n<tbody>\n");
            for (Review.Item i : r.items()) {
                sb.append("<tr><td>").append(esc(i.item())).append("</td><td class=\"num\">")
                        .append(ReportTexts.number(i.weight())).append("</td><td class=\"num")
                        .append(i.deducted().signum() > 0 ? " low" : "").append("\">")
                        .append(ReportTexts.number(i.deducted())).append("</td><td class=\"num\">")
                        .append(ReportTexts.number(i.score())).append("</td><td>");
                if (!i.reasons().isEmpty()) {
                    sb.append("<ul>");
                    for (String reason : i.reasons()) sb.append("<li>").append(esc(ReportTexts.oneLine(reason))).append("</li>");
                    sb.append("</ul>");
                } else if (!i.assessed()) {
                    sb.append("<span class=\"muted\">暂无数据，按满分计</span>");
                }
                sb.append("</td></tr>\n");
            }
            sb.append("<tr class=\"total\"><td>合计</td><td class=\"num\">").append(ReportTexts.number(r.fullMarks()))
                    .append("</td><td class=\"num\">").append(ReportTexts.number(r.fullMarks().subtract(r.score())))
                    .append("</td><td class=\"num\">").append(ReportTexts.number(r.score())).append("</td><td></td></tr>\n")
                    .append("</tbody>\n</table>\n");
        }

        sb.append("<h3>问题清单</h3>\n");
        if (s.getFindings().isEmpty()) {
            sb.append("<p class=\"muted\">未发现问题。</p>\n");
        } else {
            sb.append("<table class=\"findings\">\n<colgroup><col style=\"width:6%\"><col style=\"width:8%\">"
                    + "<col style=\"width:20%\"><col style=\"width:54%\"><col style=\"width:12%\"></colgroup>\n"
                    + "<thead><tr><th>序号</th><th>程度</th><th>问题类型</th><th>说明、位置与依据</th><th>扣分</th></tr>"
                    + "</thead>\n<tbody>\n");
            int i = 1;
            for (Finding f : s.getFindings()) finding(sb, i++, f);
            sb.append("</tbody>\n</table>\n");
        }
        sb.append("</section>\n");
        w.write(sb.toString());
    }

    private static void kv(StringBuilder sb, String k, String v) {
        sb.append("<tr><th>").append(k).append("</th><td>").append(esc(v).replace("\n", "<br>")).append("</td></tr>\n");
    }

    private static void finding(StringBuilder sb, int i, Finding f) {
        String sev = f.getSeverity() == null ? "info" : f.getSeverity().name().toLowerCase(java.util.Locale.ROOT);
        sb.append("<tr><td class=\"num\">").append(i).append("</td><td><span class=\"sev ").append(sev).append("\">")
                .append(esc(ReportTexts.severity(f.getSeverity()))).append("</span></td><td>")
                .append(esc(f.getName() == null ? "" : f.getName())).append("<div class=\"code\">").append(esc(f.getCode()))
                .append("</div></td><td><div class=\"msg\">").append(esc(ReportTexts.oneLine(f.getMessage())))
                .append("</div>");
        String where = ReportTexts.where(f);
        if (!where.isBlank()) sb.append("<div class=\"d\"><b>位置</b>").append(esc(where)).append("</div>");
        String excerpt = ReportTexts.excerpt(f);
        if (!excerpt.isBlank()) sb.append("<div class=\"d\"><b>原文</b><q>").append(esc(excerpt)).append("</q></div>");
        String evidence = ReportTexts.evidence(f);
        if (!evidence.isBlank()) sb.append("<div class=\"d\"><b>依据</b>").append(esc(evidence)).append("</div>");
        sb.append("</td><td>");
        Deduction d = f.getDeduction();
        if (d != null) {
            sb.append("<span class=\"pts\">扣").append(ReportTexts.number(d.points())).append("分</span><div class=\"code\">")
                    .append(esc(d.item())).append("</div>");
        }
        sb.append("</td></tr>\n");
    }

    /** Shorthand for {@link Html#escape}, the escaping every page of the tool shares. */
    static String esc(String s) {
        return Html.escape(s);
    }

    private static final String CSS = """
            :root { --err: #c62828; --warn: #ef8f00; --info: #1e6fb8; --ok: #2e7d32; --line: #d0d5dd; --muted: #667085; }
            * { box-sizing: border-box; }
            html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
            body { margin: 0 auto; max-width: 1100px; padding: 24px 28px; color: #1d2939; font-size: 14px; line-height: 1.55;
              font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC",
              "SimSun", sans-serif; }
            h1 { font-size: 24px; margin: 0 0 4px; }
            h2 { font-size: 19px; margin: 22px 0 10px; padding-bottom: 4px; border-bottom: 2px solid #1d2939; }
            h3 { font-size: 15px; margin: 16px 0 6px; }
            .meta, .note, .muted, footer { color: var(--muted); }
            .cover { border-bottom: 3px double #1d2939; padding-bottom: 8px; }
            .cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 8px 0 14px; }
            .card { flex: 1 1 110px; border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; break-inside: avoid; }
            .card .v { font-size: 24px; font-weight: 600; }
            .card .v small { font-size: 12px; font-weight: normal; margin-left: 2px; }
            .card .k { color: var(--muted); font-size: 12px; }
            .card.bad .v { color: var(--err); }
            .card.warn .v { color: var(--warn); }
            .charts { display: flex; flex-wrap: wrap; gap: 16px; }
            figure.chart { margin: 0; flex: 1 1 440px; border: 1px solid var(--line); border-radius: 6px; padding: 8px;
              break-inside: avoid; }
            figure.chart figcaption { font-weight: 600; font-size: 13px; }
            figure.chart svg { width: 100%; height: auto; max-width: 460px; display: block; }
            svg .lbl { font-size: 12px; fill: #344054; }
            svg .val { font-size: 12px; fill: #1d2939; font-weight: 600; }
            svg .track { fill: #f2f4f7; }
            svg .axis { stroke: #98a2b3; stroke-width: 1; }
            svg .error { fill: var(--err); }
            svg .warning { fill: var(--warn); }
            svg .info { fill: var(--info); }
            svg .ok { fill: var(--ok); }
            table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 4px 0 10px; font-size: 13px; }
            th, td { border: 1px solid var(--line); padding: 4px 6px; vertical-align: top; text-align: left;
              overflow-wrap: anywhere; word-break: break-word; }
            thead th { background: #f2f4f7; font-weight: 600; white-space: nowrap; overflow: hidden; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
            td.file { font-size: 12px; color: #475467; }
            td.low { color: var(--err); font-weight: 600; }
            td.mid { color: var(--warn); font-weight: 600; }
            table.kv { width: auto; min-width: 60%; }
            table.kv th { background: #f9fafb; width: 6em; white-space: nowrap; }
            table.rubric ul { margin: 0; padding-left: 1.2em; }
            table.rubric tr.total td { font-weight: 600; background: #f9fafb; }
            .sev { display: inline-block; padding: 0 6px; border-radius: 3px; color: #fff; font-size: 12px; white-space: nowrap; }
            .sev.error { background: var(--err); }
            .sev.warning { background: var(--warn); }
            .sev.info { background: var(--info); }
            .tag { font-size: 12px; padding: 0 5px; border-radius: 3px; border: 1px solid; font-weight: normal; }
            .tag.bad { color: var(--err); }
            .code { font-family: ui-monospace, "DejaVu Sans Mono", Consolas, monospace; font-size: 11px; color: var(--muted); }
            .msg { font-weight: 500; }
            .d { font-size: 12px; color: #475467; }
            .d b { font-weight: 600; margin-right: 6px; color: #344054; }
            .pts { color: var(--err); font-weight: 600; white-space: nowrap; }
            h2 .no { display: inline-block; min-width: 2em; color: var(--muted); font-weight: normal; }
            a { color: #1e6fb8; text-decoration: none; }
            footer { margin-top: 24px; border-top: 1px solid var(--line); padding-top: 6px; font-size: 12px; }
            section.sub { margin-top: 28px; }
            @page { size: A4; margin: 14mm 12mm 16mm 12mm; }
            @media print {
              body { max-width: none; padding: 0; font-size: 10pt; }
              table { font-size: 9pt; }
              section.sub { break-before: page; page-break-before: always; margin-top: 0; }
              tr, .card, figure.chart, table.kv { break-inside: avoid; page-break-inside: avoid; }
              thead { display: table-header-group; }
              h2, h3 { break-after: avoid; page-break-after: avoid; }
              a { color: inherit; }
              .charts, .cards { flex-wrap: nowrap; }
              .card { flex: 1 1 0; padding: 4px 8px; }
              .card .v { font-size: 16pt; }
              figure.chart { flex: 1 1 0; }
            }
            """;
}
