package io.selfeval.recognize;

import io.selfeval.model.Amount;
import io.selfeval.model.Indicator;
import io.selfeval.model.Location;
import io.selfeval.model.Quantity;
import io.selfeval.model.Quantity.Comparison;
import io.selfeval.model.Quantity.Kind;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an indicator row's 年度指标值 and 实际完成值 as values ("≥98%", "1100篇", "≤80万元", "5个工作日内"), once, when
 * the recognizer builds the {@link Indicator}; the rules judge with the values.
 */
final class IndicatorValues {
    private static final Pattern VALUE = Pattern.compile("^(≥|≤|>|<|=|不低于|不少于|不小于|不超过|不高于|不大于|大于等于|小于等于|大于|小于|达到|达)?\\s*(-?\\d+(?:\\.\\d+)?)\\s*(.*?)\\s*(以上|以下|以内)?$");
    private static final Pattern DATE = Pattern.compile("\\d{4}\\s*[年、.\\-/]\\s*\\d{1,2}");
    private static final Pattern PER_UNIT_MONEY = Pattern.compile("元\\s*[/／每].*");
    private static final Pattern RANGE = Pattern.compile("≥|≤|>|<|不低于|不少于|不超过|不高于");
    private static final Pattern DIGIT = Pattern.compile("\\d");
    private static final Pattern REACHED = Pattern.compile("^(达到|达)(?=\\d)");
    private static final Pattern TIME_UNIT = Pattern.compile("^(?:个)?(?:工作日|日|天|小时|分钟|周|个月|月)(?:内|以内)?$");
    /** A quantity written in Chinese numerals: "两个百分点", "三次", "十项". */
    private static final Pattern CHINESE_QUANTITY = Pattern.compile(
            "[零一二三四五六七八九十两百千万]+(?:个)?(?:百分点|次|项|件|人|篇|期|场|天|日|年|月|所|家|户|名|座|批|条|倍|成|个)");

    private IndicatorValues() {
    }

    static Indicator indicator(String sheetId, String level1, String level2, String level3, String target, String actual,
                               Amount weight, Amount score, String reason, Location location) {
        String name = level3 != null && !level3.isBlank() ? level3 : level2 != null && !level2.isBlank() ? level2 : level1;
        String t = Numbers.flat(target == null ? "" : target.strip());
        String a = Numbers.flat(actual == null ? "" : actual.strip());
        boolean restates = !t.isEmpty() && !a.isEmpty() && (t.equals(a) || (t.startsWith("=") && t.substring(1).equals(a)));
        Indicator.Reading reading = new Indicator.Reading(parse(t), parse(reached(a)), restates, RANGE.matcher(a).lookingAt(),
                DIGIT.matcher(t).find() || CHINESE_QUANTITY.matcher(t).find(), Numbers.flat(name == null ? "" : name.strip()),
                t, a, Numbers.flat(reason == null ? "" : reason.strip()));
        return new Indicator(sheetId, level1, level2, level3, target, actual, weight, score, reason, location, reading);
    }

    /** In an actual value, 达到/达 before a number means "reached" (达到96%), not the target's "at least". */
    private static String reached(String actual) {
        return REACHED.matcher(actual).replaceFirst("");
    }

    /** The text as one value, or null: empty, a date, words, or more than one number. */
    static Quantity parse(String text) {
        String s = Numbers.flat(text);
        if (s.isEmpty() || DATE.matcher(s).find()) return null;
        Matcher m = VALUE.matcher(s);
        if (!m.matches()) return null;
        Comparison op = m.group(1) == null ? Comparison.NONE : switch (m.group(1)) {
            case "≥", "不低于", "不少于", "不小于", "大于等于", "达到", "达" -> Comparison.AT_LEAST;
            case "≤", "不超过", "不高于", "不大于", "小于等于" -> Comparison.AT_MOST;
            case ">", "大于" -> Comparison.MORE;
            case "<", "小于" -> Comparison.LESS;
            default -> Comparison.EQUAL;
        };
        if (op == Comparison.NONE && m.group(4) != null) op = m.group(4).equals("以上") ? Comparison.AT_LEAST : Comparison.AT_MOST;
        BigDecimal number = new BigDecimal(m.group(2));
        String unit = m.group(3);
        // Money compares in 万元 whichever unit each side was written in.
        if (unit.equals("元")) return quantity(op, number.movePointLeft(4), "万元");
        // Per-unit money ("120元/人") compares with a plain "136元" on the other side.
        if (PER_UNIT_MONEY.matcher(unit).matches()) return quantity(op, number.movePointLeft(4), "万" + unit);
        if (unit.equals("亿元")) return quantity(op, number.movePointRight(4), "万元");
        return quantity(op, number, unit);
    }

    private static Quantity quantity(Comparison op, BigDecimal number, String unit) {
        Kind kind = unit.endsWith("元") ? Kind.MONEY : unit.equals("%") ? Kind.PERCENT
                : TIME_UNIT.matcher(unit).matches() ? Kind.DURATION : Kind.OTHER;
        return new Quantity(op, number, unit, kind);
    }
}
