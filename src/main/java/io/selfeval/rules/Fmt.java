package io.selfeval.rules;

import io.selfeval.model.Amount;
import io.selfeval.model.Figure;
import io.selfeval.model.Location;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.stream.Collectors;

/** Small formatting helpers for the Chinese messages written in the rule files. */
public final class Fmt {
    private Fmt() {
    }

    /** A money amount as the report wrote it, with 万元: "1253.78万元". */
    public static String money(Amount a) {
        if (a == null) return "（空）";
        if (Amount.PEOPLE.equals(a.getUnit())) return a.plain() + "人";
        // An amount converted from 元 carries four more decimals than anyone wrote: show it without them.
        boolean converted = !a.getText().contains("万元") && a.getText().contains("元");
        return (converted ? num(a.getValue()) : a.plain()) + "万元";
    }

    /** |a − b| in a's unit: "19.37万元", "1人". */
    public static String difference(Amount a, Amount b) {
        BigDecimal d = a.getValue().subtract(b.getValue()).abs();
        return Amount.PEOPLE.equals(a.getUnit()) ? num(d) + "人" : money(d);
    }

    public static String money(BigDecimal v) {
        return v == null ? "（空）" : v.stripTrailingZeros().toPlainString() + "万元";
    }

    /** A number without unit, trailing zeros dropped: "98.85". */
    public static String num(Amount a) {
        return a == null ? "（空）" : a.getValue().stripTrailingZeros().toPlainString();
    }

    public static String num(BigDecimal v) {
        return v == null ? "（空）" : v.stripTrailingZeros().toPlainString();
    }

    /** A percentage with two decimals: "98.49%". */
    public static String pct(BigDecimal percent) {
        return percent == null ? "（无法计算）" : percent.setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** A share (0.2) as a percentage: "20%". */
    public static String share(BigDecimal fraction) {
        return fraction.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    /** "基本支出1144.41万元＋项目支出90万元" */
    public static String parts(List<Figure> parts) {
        return parts.stream().map(p -> p.getSubject() + money(p.getValue())).collect(Collectors.joining("＋"));
    }

    /** 年初预算 → 年初预算数, 全年预算 → 全年预算数, 执行 → 实际支出, 上年决算 → 上年决算数. */
    public static String measure(String measure) {
        return switch (measure) {
            case Figure.INITIAL_BUDGET -> "年初预算数";
            case Figure.BUDGET -> "全年预算数";
            case Figure.SPENT -> "实际支出";
            case Figure.PRIOR_SPENT -> "上年决算数";
            case Figure.HEADCOUNT -> "";
            default -> measure;
        };
    }

    /** Where a figure was stated, for messages: "正文第26行" or "附件2 整体支出绩效自评表". */
    public static String where(Figure f) {
        Location l = f.getLocation();
        if (f.isNarrative()) return "正文" + (l != null && l.getLine() != null ? "第" + l.getLine() + "行" : "");
        return f.getSource();
    }
}
