package io.selfeval.rules;

import io.selfeval.model.Indicator;
import io.selfeval.recognize.Numbers;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an indicator's 年度指标值 and 实际完成值 as comparable values ("≥98%", "1100篇", "≤80万元") and judges
 * whether the target was met. Where they cannot be compared the answer is UNKNOWN, and no rule fires on it.
 */
public final class Targets {
    public enum Outcome { MET, MISSED, UNKNOWN }

    private static final Pattern VALUE = Pattern.compile("^(≥|≤|>|<|=|不低于|不少于|不小于|不超过|不高于|不大于|大于等于|小于等于|大于|小于|达到|达)?\\s*(-?\\d+(?:\\.\\d+)?)\\s*(.*?)\\s*(以上|以下|以内)?$");
    private static final Pattern DATE = Pattern.compile("\\d{4}\\s*[年、.\\-/]\\s*\\d{1,2}");
    // Compiled once: these run in rule conditions, once per indicator per evaluation.
    private static final Pattern PER_UNIT_MONEY = Pattern.compile("元\\s*[/／每].*");
    private static final Pattern RANGE = Pattern.compile("≥|≤|>|<|不低于|不少于|不超过|不高于");
    private static final Pattern DIGIT = Pattern.compile("\\d");
    private static final Pattern REACHED = Pattern.compile("^(达到|达)(?=\\d)");

    private Targets() {
    }

    /** A parsed value: operator (≥, ≤, =, or "" when none), number, unit. */
    public record Value(String op, BigDecimal number, String unit) {
    }

    public static Value parse(String text) {
        String s = Numbers.flat(text);
        if (s.isEmpty() || DATE.matcher(s).find()) return null;
        Matcher m = VALUE.matcher(s);
        if (!m.matches()) return null;
        String op = m.group(1) == null ? "" : switch (m.group(1)) {
            case "≥", "不低于", "不少于", "不小于", "大于等于", "达到", "达" -> "≥";
            case "≤", "不超过", "不高于", "不大于", "小于等于" -> "≤";
            case ">", "大于" -> ">";
            case "<", "小于" -> "<";
            default -> "=";
        };
        if (op.isEmpty() && m.group(4) != null) op = m.group(4).equals("以上") ? "≥" : "≤";
        BigDecimal number = new BigDecimal(m.group(2));
        String unit = m.group(3);
        // Money compares in 万元 whichever unit each side was written in.
        if (unit.equals("元")) return new Value(op, number.movePointLeft(4), "万元");
        // Per-unit money ("120元/人") compares with a plain "136元" on the other side.
        if (PER_UNIT_MONEY.matcher(unit).matches()) return new Value(op, number.movePointLeft(4), "万" + unit);
        if (unit.equals("亿元")) return new Value(op, number.movePointRight(4), "万元");
        return new Value(op, number, unit);
    }

    private static String flat(String s) {
        return Numbers.flat(s);
    }

    /** In an actual value, 达到/达 before a number means "reached" (达到96%), not the target's "at least". */
    private static String reached(String actual) {
        return REACHED.matcher(actual).replaceFirst("");
    }

    /** Whether the indicator's actual value meets its target. */
    public static Outcome outcome(Indicator i) {
        String t = flat(i.getTarget());
        String a = flat(i.getActual());
        if (t.isEmpty() || a.isEmpty()) return Outcome.UNKNOWN;
        if (t.equals(a) || (t.startsWith("=") && t.substring(1).equals(a))) return Outcome.MET;
        Value target = parse(t);
        Value actual = parse(reached(a));
        if (target == null || actual == null || !actual.op().isEmpty() && !actual.op().equals("=")) return Outcome.UNKNOWN;
        if (!sameUnit(target.unit(), actual.unit()) && !target.unit().isEmpty() && !actual.unit().isEmpty()) return Outcome.UNKNOWN;
        if (target.unit().isEmpty() != actual.unit().isEmpty() && (isPercent(target) || isPercent(actual))) return Outcome.UNKNOWN;
        // A bare zero target (差错率 0%, 安全事故 0起) is a ceiling: "at least 0" would be met by anything.
        String op = target.op().isEmpty() ? (lessIsBetter(i, target) ? "≤" : "≥") : target.op();
        int c = actual.number().compareTo(target.number());
        boolean met = switch (op) {
            case "≥" -> c >= 0;
            case "≤" -> c <= 0;
            case ">" -> c > 0;
            case "<" -> c < 0;
            default -> c == 0;
        };
        return met ? Outcome.MET : Outcome.MISSED;
    }

    /**
     * Targets written without an operator are floors ("1000件" means at least 1000), except a cost (a cap), a bare
     * zero (差错率 0%), and a time limit under 时效 ("5个工作日" means within five days).
     */
    private static boolean lessIsBetter(Indicator i, Value target) {
        if (isCost(i) || target.number().signum() == 0) return true;
        boolean timeliness = i.getLevel2().contains("时效") || i.getLevel1().contains("时效");
        return timeliness && TIME_UNIT.matcher(target.unit()).matches();
    }

    private static final Pattern TIME_UNIT = Pattern.compile("^(?:个)?(?:工作日|日|天|小时|分钟|周|个月|月)(?:内|以内)?$");

    private static boolean isPercent(Value v) {
        return v.unit().equals("%");
    }

    public static boolean isCost(Indicator i) {
        return i.getLevel2().contains("成本") || i.getLevel1().contains("成本");
    }

    public static boolean met(Indicator i) {
        return outcome(i) == Outcome.MET;
    }

    public static boolean missed(Indicator i) {
        return outcome(i) == Outcome.MISSED;
    }

    /**
     * Units that are the same quantity: equal, or one the per-unit form of the other as the table writes them
     * ("元/人" in the target, "元" in the actual).
     */
    private static boolean sameUnit(String a, String b) {
        if (a.equals(b)) return true;
        String baseA = beforePer(a);
        String baseB = beforePer(b);
        return !baseA.isEmpty() && baseA.equals(baseB) && (baseA.equals(a) || baseB.equals(b));
    }

    /** The unit before its "per" part: "元/人" → "元" ("[/／每].*$" removed). */
    private static String beforePer(String unit) {
        for (int i = 0; i < unit.length(); i++) {
            char c = unit.charAt(i);
            if (c == '/' || c == '／' || c == '每') return unit.substring(0, i);
        }
        return unit;
    }

    /**
     * A per-unit cost target (单次业务培训成本 ≤3000元, 公务接待人均标准 ≤120元/人, 单车年运行成本): a performance target,
     * not a cap on the project's money. Recognised by a word of the list (rule parameter 词表.单位成本用语) (人均, 单次,
     * /人 …) in the indicator's name or in its target or actual value.
     */
    public static boolean perUnitCost(Indicator i, List<String> perUnitWords) {
        String name = flat(i.getName());
        String target = flat(i.getTarget());
        String actual = flat(i.getActual());
        for (String w : perUnitWords) {
            if (name.contains(w) || target.contains(w) || actual.contains(w)) return true;
        }
        return false;
    }

    /**
     * A cap on a project's money ("≤ 80万元", 完成任务支出不超过预算批复金额) whose actual "90万元" lies above it. A
     * per-unit cost target ({@link #perUnitCost}) is not such a cap: missing it is judged by the scoring rules.
     */
    public static boolean capExceeded(Indicator i, List<String> perUnitWords) {
        if (perUnitCost(i, perUnitWords)) return false;
        return capExceeded(i);
    }

    /** A cost cap "≤ 80万元" whose actual "90万元" lies above it (per-unit targets not excluded). */
    public static boolean capExceeded(Indicator i) {
        if (!isCost(i)) return false;
        Value t = parse(i.getTarget());
        Value a = parse(i.getActual());
        if (t == null || a == null || !a.op().isEmpty()) return false;
        boolean cap = t.op().equals("≤") || t.op().equals("<") || (t.op().isEmpty() && isMoney(t));
        return cap && isMoney(t) && isMoney(a) && sameMoneyUnit(t, a) && a.number().compareTo(t.number()) > 0;
    }

    static boolean isMoney(Value v) {
        return v.unit().endsWith("元");
    }

    private static boolean sameMoneyUnit(Value a, Value b) {
        return a.unit().equals(b.unit());
    }

    /** The cap in a cost target, for messages and evidence. */
    public static BigDecimal number(String text) {
        Value v = parse(text);
        return v == null ? null : v.number();
    }

    /** 实际完成值 that is a range ("≥98%") or the target's words copied ("效果明显" for "效果明显"). */
    public static boolean actualNotMeasured(Indicator i) {
        String a = reached(flat(i.getActual()));
        if (a.isEmpty()) return false;
        Value v = parse(a);
        if (v != null && !v.op().isEmpty() && !v.op().equals("=")) return true;
        if (RANGE.matcher(a).lookingAt()) return true;
        return a.equals(flat(i.getTarget())) && !DIGIT.matcher(a).find();
    }

    /** Whether the actual is a range rather than a value (for the message). */
    public static boolean actualIsRange(Indicator i) {
        return RANGE.matcher(flat(i.getActual())).lookingAt();
    }

    /** A quantity written in Chinese numerals: "两个百分点", "三次", "十项". */
    private static final Pattern CHINESE_QUANTITY = Pattern.compile(
            "[零一二三四五六七八九十两百千万]+(?:个)?(?:百分点|次|项|件|人|篇|期|场|天|日|年|月|所|家|户|名|座|批|条|倍|成|个)");

    /** A target with no number that is only words from the vague-word list. */
    public static boolean onlyQualitative(String target, List<String> vagueWords) {
        String t = flat(target);
        if (t.isEmpty() || DIGIT.matcher(t).find() || CHINESE_QUANTITY.matcher(t).find()) return false;
        return vagueWords.stream().anyMatch(t::contains);
    }

    /** Whether the indicator is of a kind that must be quantified (by first- or second-level name). */
    public static boolean mustBeQuantified(Indicator i, List<String> kinds) {
        return kinds.stream().anyMatch(k -> i.getLevel1().contains(k) || i.getLevel2().contains(k));
    }

    /** A 偏差原因 cell that explains nothing: empty, 无偏差, 无差异, a dash. */
    public static boolean unexplained(String reason, List<String> emptyWords) {
        String r = flat(reason);
        return r.isEmpty() || emptyWords.contains(r);
    }
}
