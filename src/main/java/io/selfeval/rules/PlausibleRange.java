package io.selfeval.rules;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 取值范围 of a number parameter, as written in the parameters table: "0-1" (both ends included), "≥0", ">0",
 * "≤100", "<1". A value outside it still runs (policy may mean it) but {@code rules verify} warns: a share above 1 or a
 * negative tolerance is almost always a typing slip.
 */
record PlausibleRange(BigDecimal low, boolean lowOpen, BigDecimal high, boolean highOpen, String text) {
    private static final String NUM = "(-?\\d+(?:\\.\\d+)?)";
    private static final Pattern BETWEEN = Pattern.compile(NUM + "\\s*[-~～至]\\s*" + NUM);
    private static final Pattern BOUND = Pattern.compile("(≥|>=|＞|>|≤|<=|＜|<)\\s*" + NUM);

    /** The range, or null when the text is not one of the forms above. */
    static PlausibleRange parse(String text) {
        String t = text.strip();
        Matcher m = BETWEEN.matcher(t);
        if (m.matches()) {
            BigDecimal a = new BigDecimal(m.group(1)), b = new BigDecimal(m.group(2));
            return a.compareTo(b) <= 0 ? new PlausibleRange(a, false, b, false, t) : null;
        }
        m = BOUND.matcher(t);
        if (!m.matches()) return null;
        BigDecimal v = new BigDecimal(m.group(2));
        return switch (m.group(1)) {
            case "≥", ">=" -> new PlausibleRange(v, false, null, false, t);
            case ">", "＞" -> new PlausibleRange(v, true, null, false, t);
            case "≤", "<=" -> new PlausibleRange(null, false, v, false, t);
            default -> new PlausibleRange(null, false, v, true, t);
        };
    }

    boolean contains(BigDecimal v) {
        if (low != null && (lowOpen ? v.compareTo(low) <= 0 : v.compareTo(low) < 0)) return false;
        return high == null || (highOpen ? v.compareTo(high) < 0 : v.compareTo(high) <= 0);
    }
}
