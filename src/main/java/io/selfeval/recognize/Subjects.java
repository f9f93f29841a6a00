package io.selfeval.recognize;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names reports give to the budget quantities, mapped to one canonical subject each. The canonical names are
 * the ones the relations table (rules/relations.drl.xlsx) uses.
 */
public final class Subjects {
    private Subjects() {
    }

    public static final String TOTAL = "资金总额";
    public static final String BASIC = "基本支出";
    public static final String PROJECT = "项目支出";
    public static final String PERSONNEL = "人员经费";
    public static final String PUBLIC = "公用经费";
    public static final String THREE_PUBLIC = "三公经费";
    public static final String CARS = "公务用车";
    public static final String CAR_PURCHASE = "公车购置";
    public static final String CAR_RUNNING = "公车运行维护";
    public static final String ABROAD = "出国经费";
    public static final String RECEPTION = "公务接待";
    public static final String GOV_FUND = "政府性基金";
    public static final String GENERAL_BUDGET = "一般公共预算";
    public static final String STAFF_QUOTA = "编制数";
    public static final String STAFF_ACTUAL = "在职人数";

    /** Written form (regex) → canonical subject; longer, more specific forms first. */
    private static final Map<String, String> FORMS = new LinkedHashMap<>();

    static {
        FORMS.put("公务用车购置(?:和|及|与)?(?:运行)?维护(?:经)?费", CARS);
        FORMS.put("公务用车运行(?:和)?维护(?:经)?费|公车运行(?:和)?维护(?:经)?费?|公务用车运行费|车辆运行维护费?", CAR_RUNNING);
        FORMS.put("公务用车购置费?|公车购置费?|车辆购置费?", CAR_PURCHASE);
        FORMS.put("公务用车", CARS);
        FORMS.put("因公出国[（(]?境[)）]?费?|出国[（(]?境[)）]?(?:经)?费|出国经费", ABROAD);
        FORMS.put("公务接待费?", RECEPTION);
        FORMS.put("[“\"]?三公[”\"]?经费", THREE_PUBLIC);
        FORMS.put("日常公用经费|公用经费|商品和服务支出", PUBLIC);
        FORMS.put("人员经费", PERSONNEL);
        FORMS.put("基本支出", BASIC);
        FORMS.put("项目支出|项目经费", PROJECT);
        FORMS.put("政府性基金(?:预算)?(?:拨款)?", GOV_FUND);
        // The part of the funds from the general budget, as the 按收入性质分 split names it.
        FORMS.put("一般公共预算(?:财政)?(?:拨款)?", GENERAL_BUDGET);
    }

    private static final Pattern ANY;
    /** Each form anchored at the start, in the order of FORMS, compiled once. */
    private static final java.util.List<Map.Entry<Pattern, String>> HEADS;

    static {
        ANY = Pattern.compile(String.join("|", FORMS.keySet().stream().map(k -> "(?:" + k + ")").toList()));
        HEADS = FORMS.entrySet().stream()
                .map(e -> Map.entry(Pattern.compile("^(?:" + e.getKey() + ")"), e.getValue())).toList();
    }

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern LEADING_OF_WHICH = Pattern.compile("^其中[:：]?");
    private static final Pattern LEADING_NUMBER =
            Pattern.compile("^(?:[（(]?\\d+[)）]|\\d+[、.．]|[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)");
    private static final Pattern TRAILING_COLON = Pattern.compile("[:：]$");

    /** The canonical subject a text names as a whole or at its start, if any. */
    public static Optional<String> canonical(String text) {
        String t = compact(text);
        for (Map.Entry<Pattern, String> e : HEADS) {
            if (e.getKey().matcher(t).find()) return Optional.of(e.getValue());
        }
        return Optional.empty();
    }

    /** The subject named last in a text (closest to what follows it), if any. */
    public static Optional<Found> last(String text) {
        Matcher m = ANY.matcher(text);
        Found found = null;
        while (m.find()) {
            found = new Found(canonical(m.group()).orElse(m.group()), m.start(), m.end());
        }
        return Optional.ofNullable(found);
    }

    private static final Pattern CONJUNCTION = Pattern.compile("^\\s*(?:和|与|及|以及|、|加|同|、|，)\\s*$");

    /** Whether a label joins two subjects ("基本支出和项目支出合计"): its amount is no single subject's. */
    public static boolean joined(String text) {
        Matcher m = ANY.matcher(text);
        String lastSubject = null;
        int lastEnd = -1;
        while (m.find()) {
            String s = canonical(m.group()).orElse(m.group());
            if (lastSubject != null && !s.equals(lastSubject) && CONJUNCTION.matcher(text.substring(lastEnd, m.start())).matches()) return true;
            lastSubject = s;
            lastEnd = m.end();
        }
        return false;
    }

    /** The text with every subject name taken out, so that "支出" in "基本支出" is not read as a measure. */
    public static String strip(String text) {
        // "一般公共预算资金" is the general budget's budget: its 预算 still names the measure.
        return ANY.matcher(text).replaceAll(m -> canonical(m.group()).orElse("").equals(GENERAL_BUDGET) ? "预算" : "");
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
