package io.selfeval.report;

import io.selfeval.model.Finding;
import io.selfeval.model.Location;
import io.selfeval.model.Severity;
import io.selfeval.model.SubmissionResult;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Chinese wording shared by the workbook and HTML reports (the codes' and families' names are the rules folder's,
 * see {@link io.selfeval.rules.CodeNames}): evidence labels
 * (evidence-labels.properties), numbers without trailing zeros, and which findings are the most serious.
 */
public final class ReportTexts {
    private static final Properties LABELS = load("/evidence-labels.properties");

    /** Most serious first: severity, then the points it took off the review score, then the order it came in. */
    static final Comparator<Finding> SERIOUS = Comparator
            .comparingInt((Finding f) -> f.getSeverity() == null ? Severity.values().length : f.getSeverity().ordinal())
            .thenComparing(f -> f.getDeduction() == null ? 0.0 : f.getDeduction().points(), Comparator.reverseOrder());

    private ReportTexts() {
    }


    static String severity(Severity s) {
        return s == null ? "—" : s.chinese();
    }

    /** The Chinese name of an evidence key ("budget" → 全年预算数), or the key itself. */
    static String label(String key) {
        return LABELS.getProperty(key, key);
    }

    /**
     * The Chinese name of an evidence key of a finding: a family's own label first ("PARSE.reason" → 原因, since a
     * file's reason for being unreadable is no 偏差原因), else the key's.
     */
    static String label(String code, String key) {
        String own = LABELS.getProperty(io.selfeval.rules.CodeNames.family(code) + "." + key);
        return own != null ? own : label(key);
    }

    /**
     * Every evidence key with its Chinese name, for pages that label evidence themselves (the web page); a family's
     * own label is keyed "FAMILY.key" ("PARSE.reason").
     */
    public static Map<String, String> evidenceLabels() {
        Map<String, String> out = new java.util.TreeMap<>();
        for (String k : LABELS.stringPropertyNames()) out.put(k, LABELS.getProperty(k));
        return out;
    }

    /** "实际完成值：90；指标值：≦80" — the evidence with Chinese labels. */
    public static String evidence(Finding f) {
        if (f.getEvidence() == null || f.getEvidence().isEmpty()) return "";
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, Object> e : f.getEvidence().entrySet()) {
            pairs.add(label(f.getCode(), e.getKey()) + "：" + value(e.getValue()));
        }
        return oneLine(String.join("；", pairs));
    }

    /** Location.describe(), or the file for a finding about a whole file; "" when nothing is known. */
    static String where(Finding f) {
        Location loc = f.getLocation();
        if (loc == null) return "";
        String d = loc.describe();
        if (d.isBlank() && loc.getFile() != null) return loc.getFile();
        return d;
    }

    static String excerpt(Finding f) {
        Location loc = f.getLocation();
        return loc == null || loc.getExcerpt() == null ? "" : oneLine(loc.getExcerpt());
    }

    /** The {@code n} most serious findings. */
    static List<Finding> mostSerious(List<Finding> findings, int n) {
        return findings.stream().sorted(SERIOUS).limit(n).toList();
    }

    /**
     * "[错误] 预算执行率计算错误：正文称…" for the summary's top findings. A message that already opens with the code's
     * name ("缺少附表：基础数据表") is not given the name twice.
     */
    static String brief(Finding f) {
        String name = f.getName() == null ? "" : f.getName();
        String message = oneLine(f.getMessage());
        String head = "[" + severity(f.getSeverity()) + "] ";
        if (!name.isEmpty() && message.startsWith(name)) return head + message;
        return head + (name.isEmpty() ? f.getCode() : name) + "：" + message;
    }

    /**
     * What happened to a submission, in the words every report uses (workbook, web page, text): the first that
     * applies of 无法读取 (nothing could be read), 非自评报告, 部分文件无法读取 (an attachment could not be read, the rest was
     * checked), 内容未全部读取 (a reading limit cut the file: no review score), 已检查，部分规则出错, 已检查，有错误 and
     * 已检查，无错误.
     */
    public enum Status {
        UNREADABLE("无法读取"),
        NOT_A_REPORT("非自评报告"),
        PARTLY_UNREADABLE("部分文件无法读取"),
        TRUNCATED("内容未全部读取"),
        RULE_FAILED("已检查，部分规则出错"),
        ERRORS("已检查，有错误"),
        NO_ERRORS("已检查，无错误");

        private final String words;

        Status(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }

        /** Whether the reader should look at it first: anything but a report checked and found without errors. */
        public boolean needsAttention() {
            return this != NO_ERRORS;
        }
    }

    public static Status status(SubmissionResult s) {
        if (has(s, "PARSE_UNRECOGNIZED")) return Status.NOT_A_REPORT;
        if (s.isUnreadable()) return onlyAttachmentsUnread(s) ? Status.PARTLY_UNREADABLE : Status.UNREADABLE;
        if (s.getReview() == null && has(s, "PARSE_TRUNCATED")) return Status.TRUNCATED;
        if (s.count(Severity.ERROR) > 0) return Status.ERRORS;
        if (!s.getRuleFailures().isEmpty()) return Status.RULE_FAILED;
        return Status.NO_ERRORS;
    }

    /** Every unreadable file is named in its finding: an attachment failed, the report itself was read and checked. */
    private static boolean onlyAttachmentsUnread(SubmissionResult s) {
        List<Finding> unread = s.getFindings().stream().filter(f -> "PARSE_UNREADABLE".equals(f.getCode())).toList();
        return !unread.isEmpty() && unread.stream().allMatch(f -> f.getEvidence() != null && f.getEvidence().get("file") != null);
    }

    private static boolean has(SubmissionResult s, String code) {
        return s.getFindings().stream().anyMatch(f -> code.equals(f.getCode()));
    }

    /** The unit, or "—". */
    static String unit(SubmissionResult s) {
        return s.getUnit() == null || s.getUnit().isBlank() ? "—" : s.getUnit();
    }

    /** The submission's file, and on further lines the files it is made of when there are several (a folder). */
    static String files(SubmissionResult s) {
        String file = orDash(s.getFile());
        if (s.getFiles().size() <= 1) return file;
        return file + "\n" + String.join("\n", s.getFiles());
    }

    static String value(Object v) {
        if (v == null) return "—";
        if (v instanceof BigDecimal b) return number(b);
        return String.valueOf(v);
    }

    /** 95, 98.85, "—" for null. */
    public static String number(BigDecimal b) {
        if (b == null) return "—";
        BigDecimal s = b.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    public static String number(double d) {
        return number(BigDecimal.valueOf(d));
    }

    /** Columns a string takes in a terminal or a spreadsheet column: CJK and full-width characters two, others one. */
    static int displayWidth(String s) {
        return s.codePoints().map(cp -> cp >= 0x1100 && (cp <= 0x115F || (cp >= 0x2E80 && cp <= 0xA4CF)
                || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6)) ? 2 : 1).sum();
    }

    static String orDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static Properties load(String resource) {
        Properties p = new Properties();
        try (InputStream in = ReportTexts.class.getResourceAsStream(resource)) {
            if (in != null) p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            // names are cosmetic: codes and keys are shown instead
        }
        return p;
    }
}
