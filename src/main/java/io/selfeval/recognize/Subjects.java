package io.selfeval.recognize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names reports give to the budget quantities, each mapped to one canonical subject — the names the relations
 * table (rules/relations.drl.xlsx) uses. The written forms are rule data (parameters 科目.*, see {@link Vocabulary});
 * where several forms match at one place the longest wins ("公务用车运行维护费" is 公车运行维护, not 公务用车), so the
 * order of the table's rows does not decide.
 */
public final class Subjects {
    /** The canonical subjects the recognizer itself reasons about; every other subject is only a name in the table. */
    public static final String TOTAL = "资金总额";
    public static final String BASIC = "基本支出";
    public static final String PROJECT = "项目支出";
    public static final String GENERAL_BUDGET = "一般公共预算";
    public static final String STAFF_QUOTA = "编制数";
    public static final String STAFF_ACTUAL = "在职人数";
    /** The subjects the vocabulary must name, since the recognizer's own logic refers to them. */
    static final List<String> REQUIRED = List.of(BASIC, PROJECT, GENERAL_BUDGET);

    private record Form(Pattern head, String subject) {
    }

    private final List<Form> forms = new ArrayList<>();
    /** Any form anywhere, to find where a subject is written; which one it is, {@link #longestAt} decides. */
    private final Pattern any;

    /**
     * @param forms canonical subject → its written forms (regular expressions)
     * @throws java.util.regex.PatternSyntaxException for a form that is no regular expression
     */
    Subjects(Map<String, List<String>> forms) {
        List<String> all = new ArrayList<>();
        forms.forEach((subject, written) -> {
            for (String w : written) {
                this.forms.add(new Form(Pattern.compile(w), subject));
                all.add("(?:" + w + ")");
            }
        });
        this.any = all.isEmpty() ? Pattern.compile("(?!)") : Pattern.compile(String.join("|", all));
    }

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern LEADING_OF_WHICH = Pattern.compile("^其中[:：]?");
    private static final Pattern LEADING_NUMBER =
            Pattern.compile("^(?:[（(]?\\d+[)）]|\\d+[、.．]|[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)");
    private static final Pattern TRAILING_COLON = Pattern.compile("[:：]$");

    /** The canonical subject a text names as a whole or at its start, if any. */
    public Optional<String> canonical(String text) {
        String t = foldQuotes(compact(text));
        Found f = longestAt(t, 0);
        return f == null ? Optional.empty() : Optional.of(f.subject());
    }

    /** The subject named last in a text (closest to what follows it), if any. */
    public Optional<Found> last(String text) {
        Found found = null;
        for (Found f : all(text)) found = f;
        return Optional.ofNullable(found);
    }

    private static final Pattern CONJUNCTION = Pattern.compile("^\\s*(?:和|与|及|以及|、|加|同|、|，)\\s*$");

    /** Whether a label joins two subjects ("基本支出和项目支出合计"): its amount is no single subject's. */
    public boolean joined(String text) {
        Found previous = null;
        for (Found f : all(text)) {
            if (previous != null && !f.subject().equals(previous.subject())
                    && CONJUNCTION.matcher(text.substring(previous.end(), f.start())).matches()) return true;
            previous = f;
        }
        return false;
    }

    /** The text with every subject name taken out, so that "支出" in "基本支出" is not read as a measure. */
    public String strip(String text) {
        List<Found> found = all(text);
        if (found.isEmpty()) return text;
        StringBuilder sb = new StringBuilder(text.length());
        int at = 0;
        for (Found f : found) {
            sb.append(text, at, f.start());
            // "一般公共预算资金" is the general budget's budget: its 预算 still names the measure.
            if (f.subject().equals(GENERAL_BUDGET)) sb.append("预算");
            at = f.end();
        }
        return sb.append(text, at, text.length()).toString();
    }

    /** Every subject written in the text, left to right, each the longest form at its place. */
    private List<Found> all(String original) {
        String text = foldQuotes(original);
        List<Found> out = new ArrayList<>();
        Matcher m = any.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            Found f = longestAt(text, m.start());
            if (f == null || f.end() == f.start()) {
                from = m.start() + 1;
                continue;
            }
            out.add(f);
            from = f.end();
        }
        return out;
    }

    /** The longest form written at {@code start}; of equally long ones, the first in the table. */
    private Found longestAt(String text, int start) {
        Found best = null;
        for (Form f : forms) {
            Matcher m = f.head().matcher(text).region(start, text.length());
            if (m.lookingAt() && (best == null || m.end() > best.end())) best = new Found(f.subject(), start, m.end());
        }
        return best;
    }

    /**
     * ASCII double quotes as Chinese ones, character for character (so places stay where they are): the table's forms
     * write quotes as “” only, since a cell of a decision table cannot hold an ASCII one.
     */
    static String foldQuotes(String text) {
        return text.indexOf('"') < 0 ? text : text.replace('"', '“');
    }

    /** A subject and where it was written. */
    public record Found(String subject, int start, int end) {
    }

    /** Removes whitespace, numbering ("1、", "（2）") and "其中：" from a row label. */
    public static String compact(String label) {
        String s = SPACES.matcher(Numbers.normalize(label)).replaceAll("");
        s = LEADING_OF_WHICH.matcher(s).replaceFirst("");
        s = LEADING_NUMBER.matcher(s).replaceFirst("");
        s = LEADING_OF_WHICH.matcher(s).replaceFirst("");
        return TRAILING_COLON.matcher(s).replaceAll("");
    }
}
