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
 * Chinese wording shared by the workbook and HTML reports: names of the finding codes and code families
 * (finding-names.properties, from finding-codes.md; the reports do not read the rules folder), evidence labels
 * (evidence-labels.properties), numbers without trailing zeros, and which findings are the most serious.
 */
public final class ReportTexts {
    /** Code families in the order of finding-codes.md. */
    static final List<String> FAMILIES = List.of("AMT", "EXE", "PRJ", "SCR", "IND", "CMP", "OBJ", "META", "PARSE");

    private static final Properties NAMES = load("/finding-names.properties");
    private static final Properties LABELS = load("/evidence-labels.properties");

    /** Most serious first: severity, then the points it took off the review score, then the order it came in. */
    static final Comparator<Finding> SERIOUS = Comparator
            .comparingInt((Finding f) -> f.getSeverity() == null ? Severity.values().length : f.getSeverity().ordinal())
            .thenComparing(f -> f.getDeduction() == null ? 0.0 : f.getDeduction().points(), Comparator.reverseOrder());

    private ReportTexts() {
    }

    /** "预算执行率计算错误" for EXE_RATE_MISMATCH; "" for a code not in the list. */
    public static String codeName(String code) {
        return code == null ? "" : NAMES.getProperty(code, "");
    }

    /** "AMT" for AMT_SUM_MISMATCH; a code without a known prefix is counted under its own prefix. */
    static String family(String code) {
        if (code == null || code.isBlank()) return "?";
        int i = code.indexOf('_');
        return i < 0 ? code : code.substring(0, i);
    }

    /** "金额勾稽" for AMT. */
    static String familyName(String family) {
        return NAMES.getProperty("family." + family, family);
    }

    static String severity(Severity s) {
        return s == null ? "—" : s.chinese();
    }

    /** The Chinese name of an evidence key ("budget" → 全年预算数), or the key itself. */
    static String label(String key) {
        return LABELS.getProperty(key, key);
    }

    /** Every evidence key with its Chinese name, for pages that label evidence themselves (the web page). */
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
            pairs.add(label(e.getKey()) + "：" + value(e.getValue()));
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

    /** "[错误] 预算执行率计算错误：正文称…" for the summary's top findings. */
    static String brief(Finding f) {
        String name = codeName(f.getCode());
        return "[" + severity(f.getSeverity()) + "] " + (name.isEmpty() ? f.getCode() : name) + "："
                + oneLine(f.getMessage());
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
