package io.selfeval.report;

import io.selfeval.model.CheckReport;
import io.selfeval.model.Deduction;
import io.selfeval.model.Finding;
import io.selfeval.model.Location;
import io.selfeval.model.Review;
import io.selfeval.model.Severity;
import io.selfeval.model.SubmissionResult;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A plain-text Chinese report for reviewers: one block per submission (file, unit, year, self-score, counts, then
 * every finding with where it is, the figures behind it and the rule that found it), and a closing summary line.
 * No colours or other terminal codes; lines end with "\n".
 */
public final class TextReportWriter {

    private static final String NL = "\n";
    private static final String INDENT = "     ";

    /** Writes the report as UTF-8 bytes; the stream is flushed, not closed. */
    public void write(CheckReport report, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        write(report, w);
        w.flush();
    }

    /** Writes the report; the writer is flushed, not closed. */
    public void write(CheckReport report, Writer out) throws IOException {
        out.write(toText(report));
        out.flush();
    }

    public String toText(CheckReport report) {
        StringBuilder sb = new StringBuilder();
        head(sb, report.tool(), report.rules());
        for (SubmissionResult s : report.submissions()) {
            sb.append(NL);
            submission(sb, s);
        }
        sb.append(NL).append(summaryLine(report.summary())).append(NL);
        return sb.toString();
    }

    /**
     * The same report written as the run goes, one submission's block at a time (flushed after each); byte for
     * byte what {@link #write(CheckReport, OutputStream)} writes. The stream is flushed, never closed.
     */
    public ReportSink sink(OutputStream out) {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        return new ReportSink() {
            @Override
            public void begin(CheckReport.Tool tool, CheckReport.RulesInfo rules) throws IOException {
                StringBuilder sb = new StringBuilder();
                head(sb, tool, rules);
                w.write(sb.toString());
                w.flush();
            }

            @Override
            public void submission(SubmissionResult result) throws IOException {
                StringBuilder sb = new StringBuilder(NL);
                TextReportWriter.submission(sb, result);
                w.write(sb.toString());
                w.flush();
            }

            @Override
            public void end(CheckReport.Summary summary) throws IOException {
                w.write(NL + summaryLine(summary) + NL);
                w.flush();
            }
        };
    }

    private static void head(StringBuilder sb, CheckReport.Tool tool, CheckReport.RulesInfo rules) {
        if (tool != null) {
            sb.append(tool.name()).append(' ').append(tool.version()).append(" 检查报告").append(NL);
        }
        if (rules != null) {
            sb.append("规则：").append(rules.dir()).append("（").append(rules.count()).append("条规则，指纹 ")
                    .append(shortFingerprint(rules.fingerprint())).append("）").append(NL);
        }
    }

    /** "5份报告，错误12条，警告9条，提示0条，无法读取0份". */
    public static String summaryLine(CheckReport.Summary s) {
        return s.submissions() + "份报告，错误" + s.errors() + "条，警告" + s.warnings() + "条，提示" + s.infos()
                + "条，无法读取" + s.unreadable() + "份";
    }

    private static void submission(StringBuilder sb, SubmissionResult s) {
        String counts = "错误" + s.count(Severity.ERROR) + "条，警告" + s.count(Severity.WARNING) + "条，提示"
                + s.count(Severity.INFO) + "条";
        ReportTexts.Status status = ReportTexts.status(s);
        sb.append("【").append(s.getFile()).append("】").append(status.words());
        if (status == ReportTexts.Status.UNREADABLE) {
            sb.append("：").append(oneLine(s.getError())).append("；").append(counts).append(NL);
        } else {
            if (s.isUnreadable()) sb.append("（").append(oneLine(s.getError())).append("）");
            SubmissionResult.SelfScore score = s.getSelfScore();
            sb.append("；单位：").append(orDash(s.getUnit()))
                    .append("；年度：").append(s.getYear() == null ? "—" : s.getYear().toString())
                    .append("；自评得分：报告").append(number(score == null ? null : score.stated()))
                    .append("，复算").append(number(score == null ? null : score.recomputed()))
                    .append("；").append(counts).append(NL);
        }
        if (s.getFiles().size() > 1) {
            sb.append("  文件：").append(String.join("、", s.getFiles())).append(NL);
        }
        for (io.selfeval.rules.RuleFailure failure : s.getRuleFailures()) {
            sb.append("  规则出错：").append(oneLine(failure.message())).append(NL);
        }
        review(sb, s.getReview());
        if (s.getFindings().isEmpty()) {
            sb.append("  未发现问题。").append(NL);
            return;
        }
        int i = 1;
        for (Finding f : s.getFindings()) {
            finding(sb, i++, f);
        }
    }

    /**
     * The filled 考核评分表: the suggested score, then per rubric item its weight, score and the reasons for what was
     * taken off. An item no rule can assess yet (及时性 while no rule reads the submission dates) keeps full marks,
     * and the report says so.
     */
    private static void review(StringBuilder sb, Review r) {
        if (r == null) return;
        sb.append("  考核评分表：建议得分").append(number(r.score())).append("分（满分").append(number(r.fullMarks()))
                .append("分）").append(NL);
        int width = 0;
        for (Review.Item i : r.items()) width = Math.max(width, ReportTexts.displayWidth(i.item()));
        for (Review.Item i : r.items()) {
            sb.append("    ").append(i.item()).append(" ".repeat(width - ReportTexts.displayWidth(i.item()) + 2))
                    .append("分值").append(number(i.weight())).append("  得分").append(number(i.score()));
            if (i.deducted().signum() > 0) {
                sb.append("  扣").append(number(i.deducted())).append("分");
            } else if (!i.assessed()) {
                sb.append("  暂无数据，按满分计");
            }
            sb.append(NL);
            for (String reason : i.reasons()) {
                sb.append("      - ").append(oneLine(reason)).append(NL);
            }
        }
    }

    /** "预算执行率计算错误：" before the message, unless the message already opens with the name ("缺少附表：…"). */
    private static String namePrefix(Finding f) {
        String name = f.getName();
        if (name == null || f.getMessage() == null || f.getMessage().startsWith(name)) return "";
        return name + "：";
    }

    private static void finding(StringBuilder sb, int n, Finding f) {
        String head = "  " + n + ". ";
        sb.append(head).append('[').append(f.getSeverity() == null ? "—" : f.getSeverity().chinese()).append("] ")
                .append(f.getCode()).append(' ').append(namePrefix(f)).append(indentContinuation(f.getMessage())).append(NL);
        Location loc = f.getLocation();
        if (loc != null) {
            String where = loc.describe();
            if (!where.isBlank()) sb.append(INDENT).append("位置：").append(where).append(NL);
            if (loc.getExcerpt() != null && !loc.getExcerpt().isBlank()) {
                sb.append(INDENT).append("原文：").append(oneLine(loc.getExcerpt())).append(NL);
            }
        }
        if (f.getEvidence() != null && !f.getEvidence().isEmpty()) {
            List<String> pairs = new ArrayList<>();
            for (Map.Entry<String, Object> e : f.getEvidence().entrySet()) {
                pairs.add(ReportTexts.label(f.getCode(), e.getKey()) + "：" + value(e.getValue()));
            }
            sb.append(INDENT).append("依据：").append(oneLine(String.join("；", pairs))).append(NL);
        }
        Deduction d = f.getDeduction();
        if (d != null) {
            sb.append(INDENT).append("建议扣分：").append(d.item()).append(" 扣")
                    .append(number(BigDecimal.valueOf(d.points()))).append("分")
                    .append(d.points() > 0 ? "" : "（该项或该代码已达扣分上限）").append(NL);
        }
        sb.append(INDENT).append("规则：").append(orDash(f.getRule()));
        if (f.getRuleFile() != null) sb.append("（").append(f.getRuleFile()).append("）");
        sb.append(NL);
    }

    private static String value(Object v) {
        if (v == null) return "—";
        if (v instanceof BigDecimal b) return b.toPlainString();
        return String.valueOf(v);
    }

    private static String number(BigDecimal b) {
        if (b == null) return "—";
        BigDecimal s = b.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static String indentContinuation(String s) {
        return s == null ? "" : s.strip().replaceAll("\\R", NL + INDENT);
    }

    private static String shortFingerprint(String fp) {
        if (fp == null) return "—";
        return fp.length() > 12 ? fp.substring(0, 12) : fp;
    }
}
