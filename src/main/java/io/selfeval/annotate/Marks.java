package io.selfeval.annotate;

import io.selfeval.model.Finding;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which characters of a paragraph a finding's comment marks: the finding's own figure (the first evidence value
 * written in its excerpt, "100%" of a stated rate, 1253.78 of a total), else the excerpt, else nothing (the whole
 * paragraph is marked).
 */
final class Marks {
    /** A span of a paragraph's text; {@link #NONE} marks the whole paragraph. */
    record Span(int start, int end) {
        static final Span NONE = new Span(-1, -1);
    }

    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(?:\\.\\d+)?%?");
    private static final String ELLIPSIS = "…";

    private Marks() {
    }

    static Span of(Finding f, String paragraph) {
        if (paragraph == null || paragraph.isEmpty()) return Span.NONE;
        String excerpt = f.getLocation() == null ? null : f.getLocation().getExcerpt();
        int from = 0;
        int to = paragraph.length();
        Span region = Span.NONE;
        if (excerpt != null) {
            for (String piece : excerpt.split(ELLIPSIS)) {
                String core = piece.strip();
                int at = core.length() < 4 ? -1 : paragraph.indexOf(core);
                if (at >= 0) {
                    from = at;
                    to = at + core.length();
                    region = new Span(from, to);
                    break;
                }
            }
        }
        for (String figure : figures(f)) {
            int at = find(paragraph, figure, from, to);
            if (at >= 0) return new Span(at, at + figure.length());
        }
        return region;
    }

    /** The evidence values as they would be written: numbers plainly, texts' leading numbers ("90万元" → 90). */
    static List<String> figures(Finding f) {
        List<String> out = new ArrayList<>();
        if (f.getEvidence() == null) return out;
        for (Object v : f.getEvidence().values()) {
            if (v instanceof BigDecimal b) {
                out.add(b.stripTrailingZeros().scale() < 0 ? b.setScale(0).toPlainString() : b.stripTrailingZeros().toPlainString());
            } else if (v instanceof Number n) {
                out.add(String.valueOf(n));
            } else if (v instanceof String s) {
                Matcher m = NUMBER.matcher(s);
                if (m.find() && m.start() <= 1) out.add(m.group());
            }
        }
        return out;
    }

    /** The figure at a number boundary (90 not inside 1190 or 90.5) within [from, to). */
    private static int find(String text, String figure, int from, int to) {
        for (int at = text.indexOf(figure, from); at >= 0 && at + figure.length() <= to; at = text.indexOf(figure, at + 1)) {
            boolean before = at == 0 || !isNumberChar(text.charAt(at - 1));
            int end = at + figure.length();
            boolean after = end >= text.length() || !(Character.isDigit(text.charAt(end))
                    || (text.charAt(end) == '.' && end + 1 < text.length() && Character.isDigit(text.charAt(end + 1))));
            if (before && after) return at;
        }
        return -1;
    }

    private static boolean isNumberChar(char c) {
        return Character.isDigit(c) || c == '.';
    }
}
