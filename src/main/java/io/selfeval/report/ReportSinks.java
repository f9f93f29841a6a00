package io.selfeval.report;

import io.selfeval.rules.CodeNames;

import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Locale;

/**
 * The report formats of {@code check --format} and the {@link ReportSink} writing each. text and json are always
 * there; xlsx and html are written by {@code XlsxReportWriter} and {@code HtmlReportWriter} of this package (public,
 * with a public constructor taking the OutputStream), found by name so that the format is offered as soon as its
 * writer is on the class path.
 */
public final class ReportSinks {
    /** Every format, in the order the help text lists them. */
    public static final List<String> FORMATS = List.of("text", "json", "xlsx", "html", "sarif", "junit");

    private static final String XLSX = "io.selfeval.report.XlsxReportWriter";
    private static final String HTML = "io.selfeval.report.HtmlReportWriter";

    private ReportSinks() {
    }

    /** The format in canonical form ("JSON " → "json"), or null if it is not one of {@link #FORMATS}. */
    public static String normalize(String format) {
        if (format == null) return null;
        String f = format.strip().toLowerCase(Locale.ROOT);
        return FORMATS.contains(f) ? f : null;
    }

    /** Whether a writer for the format is available in this build. */
    public static boolean available(String format) {
        return switch (format) {
            case "text", "json", "sarif", "junit" -> true;
            case "xlsx" -> writerClass(XLSX) != null;
            case "html" -> writerClass(HTML) != null;
            default -> false;
        };
    }

    /** Whether the format is bytes a terminal cannot show, so it needs --out (xlsx). */
    public static boolean binary(String format) {
        return format.equals("xlsx");
    }

    /**
     * A sink writing the format to {@code out} (flushed, not closed by the sink).
     *
     * @throws IllegalArgumentException for a format that is unknown or not {@link #available}
     */
    public static ReportSink create(String format, OutputStream out) {
        return create(format, out, List.of());
    }

    /** As {@link #create(String, OutputStream)}; SARIF lists the code catalog as its rules (other formats ignore it). */
    public static ReportSink create(String format, OutputStream out, List<io.selfeval.rules.CodeInfo> catalog) {
        return create(format, out, catalog, CodeNames.of(catalog, java.util.Map.of()), null);
    }

    /**
     * A sink for a run of these rules: SARIF lists their code catalog, the workbook highlights review scores below
     * their pass mark (parameter {@value #PASS_MARK}, when the table has it).
     */
    public static ReportSink create(String format, OutputStream out, io.selfeval.rules.RuleBase rules) {
        var params = rules.parameters();
        return create(format, out, rules.codes(), CodeNames.of(rules), params.has(PASS_MARK_KEY) ? params.num(PASS_MARK) : null);
    }

    /** The rule parameter giving the review score below which a unit is marked in the workbook. */
    public static final String PASS_MARK = "审核合格分";
    private static final String PASS_MARK_KEY = "num." + PASS_MARK;

    private static ReportSink create(String format, OutputStream out, List<io.selfeval.rules.CodeInfo> catalog,
                                     CodeNames names, java.math.BigDecimal passMark) {
        return switch (format) {
            case "sarif" -> new SarifReportWriter(out, catalog);
            case "junit" -> new JunitReportWriter(out, names);
            case "text" -> new TextReportWriter().sink(out);
            case "json" -> new JsonReportWriter().sink(out);
            case "xlsx" -> new XlsxReportWriter(out, passMark, names);
            case "html" -> byName(HTML, out, names);
            default -> throw new IllegalArgumentException("unknown report format: " + format);
        };
    }

    private static ReportSink byName(String className, OutputStream out, CodeNames names) {
        Class<?> c = writerClass(className);
        if (c == null) throw new IllegalArgumentException("no writer in this build: " + className);
        try {
            return (ReportSink) c.getConstructor(OutputStream.class, CodeNames.class).newInstance(out, names);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(className + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(className + " has no public constructor (OutputStream, CodeNames)", e);
        }
    }

    private static Class<?> writerClass(String className) {
        try {
            Class<?> c = Class.forName(className, false, ReportSinks.class.getClassLoader());
            return ReportSink.class.isAssignableFrom(c) ? c : null;
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
