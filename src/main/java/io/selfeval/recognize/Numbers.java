package io.selfeval.recognize;

import io.selfeval.model.Amount;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place where the ways reports write numbers are normalised: full-width digits and signs, ≧/≦/＝,
 * thousands separators, 元 vs 万元, percentages.
 */
public final class Numbers {
    private Numbers() {
    }

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");
    private static final Pattern WHOLE_AMOUNT = Pattern.compile("^(-?\\d+(?:\\.\\d+)?)\\s*(万元|亿元|元|%|分)?$");
    // Compiled once: these run for every cell and sentence (String.replaceAll would compile them on each call).
    private static final Pattern THOUSANDS_COMMA = Pattern.compile("(?<=\\d),(?=\\d{3}(?:\\D|$))");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern WHOLE_PERCENT = Pattern.compile("^(\\d+(?:\\.\\d+)?)%$");
    private static final Pattern POINTS = Pattern.compile("[(（]\\s*(?:分值)?\\s*(\\d+(?:\\.\\d+)?)\\s*分\\s*[)）]");

    /**
     * {@link #normalize} without any white space: how labels, headers and values are compared ("年度预\n算申请",
     * "数量   指标"). A hot path, so no regular expression.
     */
    public static String flat(String s) {
        String n = normalize(s);
        int i = 0;
        while (i < n.length() && !isFlatSpace(n.charAt(i))) i++;
        if (i == n.length()) return n; // the common case: nothing to drop, no copy
        char[] out = new char[n.length()];
        n.getChars(0, i, out, 0);
        int length = i;
        for (; i < n.length(); i++) {
            char c = n.charAt(i);
            if (!isFlatSpace(c)) out[length++] = c;
        }
        return new String(out, 0, length);
    }

    private static boolean isFlatSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
    }

    /** Full-width to half-width for digits, letters, signs; ≧ ≦ ＝ to ≥ ≤ =; drops thousands separators in numbers. */
    public static String normalize(String s) {
        if (s == null) return "";
        int i = 0;
        while (i < s.length() && !mayChange(s.charAt(i))) i++;
        if (i == s.length()) return s; // most text has nothing to map and no comma: no copy
        char[] chars = s.toCharArray();
        for (; i < chars.length; i++) chars[i] = halfWidth(chars[i]);
        String out = new String(chars);
        return out.indexOf(',') < 0 ? out : THOUSANDS_COMMA.matcher(out).replaceAll("");
    }

    /** Whether {@link #normalize} may change the character: the ones {@link #halfWidth} maps, and the comma. */
    private static boolean mayChange(char c) {
        return c == ',' || halfWidth(c) != c;
    }

    private static char halfWidth(char c) {
        if (c >= '０' && c <= '９') return (char) ('0' + (c - '０'));
        return switch (c) {
            case '．' -> '.';
            case '％' -> '%';
            case '≧' -> '≥';
            case '≦' -> '≤';
            case '＝' -> '=';
            case '＞' -> '>';
            case '＜' -> '<';
            case '－' -> '-';
            case '\u3000', '\u00A0' -> ' ';
            default -> c;
        };
    }

    /** A cell that holds just one number (with an optional unit): "1253.78", "98.49%", "10", "9.85分", "1,328.50". */
    public static Optional<Amount> cellAmount(String cell) {
        String s = SPACES.matcher(normalize(cell)).replaceAll("");
        if (s.isEmpty()) return Optional.empty();
        Matcher m = WHOLE_AMOUNT.matcher(s);
        if (!m.matches()) return Optional.empty();
        return Optional.of(toAmount(m.group(1), m.group(2), s));
    }

    /** A cell in 万元 (the attachments' unit): like {@link #cellAmount} but a trailing 元 is converted. */
    public static Amount money(String number, String unit, String text) {
        return toAmount(number, unit, text);
    }

    static Amount toAmount(String number, String unit, String text) {
        BigDecimal v = new BigDecimal(number);
        String u = unit == null ? "" : unit;
        switch (u) {
            case "元" -> {
                // 元 → 万元 keeps the written precision: 12,345.67元 = 1.234567万元.
                v = v.movePointLeft(4);
                u = "万元";
            }
            case "亿元" -> {
                // 亿元 → 万元 keeps the written precision too: 1.27亿元 = 12700万元 ± 50 (scale −2, 1.27E+4;
                // movePointRight would clamp the scale at 0 and make it 12700 ± 0.5).
                v = v.scaleByPowerOfTen(4);
                u = "万元";
            }
            default -> {
            }
        }
        return new Amount(v, text, u);
    }

    /** A percentage: "98.49%" → 98.49 (percent). Empty when the text holds no single percentage. */
    public static Optional<Amount> percent(String cell) {
        String s = SPACES.matcher(normalize(cell)).replaceAll("");
        Matcher m = WHOLE_PERCENT.matcher(s);
        return m.matches() ? Optional.of(new Amount(new BigDecimal(m.group(1)), s, "%")) : Optional.empty();
    }

    /** The first number in a text, e.g. 50 from "(50分)". */
    public static Optional<Amount> firstNumber(String text) {
        Matcher m = NUMBER.matcher(normalize(text));
        return m.find() ? Optional.of(new Amount(new BigDecimal(m.group()), m.group(), "")) : Optional.empty();
    }

    /** Weight stated in a heading such as "产出指标(50分)" or "效益指标（30分）". */
    public static Optional<Amount> statedPoints(String text) {
        Matcher m = POINTS.matcher(normalize(text));
        return m.find() ? Optional.of(new Amount(new BigDecimal(m.group(1)), m.group(1), "分")) : Optional.empty();
    }
}
