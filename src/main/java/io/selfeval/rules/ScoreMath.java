package io.selfeval.rules;

import io.selfeval.model.Amount;
import io.selfeval.model.Indicator;
import io.selfeval.model.IndicatorGroup;
import io.selfeval.model.Intervals;
import io.selfeval.model.ScoreSheet;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Sums over a score sheet: a first-level group counts with the sum of its items where it has items, else with the
 * points its heading states. Null means "cannot be told" (a needed cell is blank); rules then stay silent.
 */
public final class ScoreMath {
    private ScoreMath() {
    }

    public static List<Indicator> itemsOf(String group, List<Indicator> items) {
        return items.stream().filter(i -> i.getLevel1().equals(group)).toList();
    }

    /** Σ of item scores (or weights) under a group; null if there are none or one is blank. */
    public static BigDecimal groupSum(String group, List<Indicator> items, boolean weights) {
        List<Indicator> mine = itemsOf(group, items);
        if (mine.isEmpty()) return null;
        BigDecimal sum = BigDecimal.ZERO;
        for (Indicator i : mine) {
            Amount v = weights ? i.getWeight() : i.getScore();
            if (v == null) {
                if (i.getLevel3().isEmpty() && i.getTarget().isEmpty()) continue;
                return null;
            }
            sum = sum.add(v.getValue());
        }
        return sum;
    }

    /** The group's weight (or score) as stated in its heading, else the sum of its items. */
    public static BigDecimal groupValue(IndicatorGroup g, List<Indicator> items, boolean weights) {
        Amount stated = weights ? g.getStatedWeight() : g.getStatedScore();
        BigDecimal sum = groupSum(g.getName(), items, weights);
        if (sum != null) return sum;
        return stated == null ? null : stated.getValue();
    }

    /** Σ over all groups of the sheet (plus items whose group has no heading); null if any part is unknown. */
    public static BigDecimal sheetSum(List<IndicatorGroup> groups, List<Indicator> items, boolean weights) {
        Set<String> names = new LinkedHashSet<>();
        groups.forEach(g -> names.add(g.getName()));
        items.forEach(i -> names.add(i.getLevel1()));
        BigDecimal total = BigDecimal.ZERO;
        for (String name : names) {
            IndicatorGroup g = groups.stream().filter(x -> x.getName().equals(name)).findFirst().orElse(null);
            BigDecimal v = g != null ? groupValue(g, items, weights) : groupSum(name, items, weights);
            if (v == null) return null;
            total = total.add(v);
        }
        return total;
    }

    /** Weight of a named group on the sheet (stated, else summed), or null. */
    public static BigDecimal weightOf(String name, List<IndicatorGroup> groups, List<Indicator> items) {
        IndicatorGroup g = groups.stream().filter(x -> x.getName().equals(name)).findFirst().orElse(null);
        return g != null ? groupValue(g, items, true) : groupSum(name, items, true);
    }

    /** Whether two scores agree within tolerance (scores are compared as written, not as intervals). */
    public static boolean differ(BigDecimal a, BigDecimal b, BigDecimal tolerance) {
        return a != null && b != null && a.subtract(b).abs().compareTo(tolerance) > 0;
    }

    public static boolean differ(Amount a, BigDecimal b, BigDecimal tolerance) {
        return a != null && differ(a.getValue(), b, tolerance);
    }

    /** The rate that scores the execution item: the stated one, else 执行数 ÷ 全年预算数. */
    public static Amount rate(ScoreSheet s) {
        if (s.getStatedRate() != null) return s.getStatedRate();
        BigDecimal pct = s.getBudget() == null || s.getSpent() == null ? null : Intervals.percent(s.getSpent(), s.getBudget());
        return pct == null ? null : new Amount(pct, pct.toPlainString() + "%", "%");
    }

    /** rate × weight, capped at the weight. */
    public static BigDecimal expectedRateScore(Amount rate, Amount weight) {
        BigDecimal r = rate.getValue().min(BigDecimal.valueOf(100));
        BigDecimal v = r.multiply(weight.getValue()).divide(BigDecimal.valueOf(100), 4, RoundingMode.HALF_UP).stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0) : v;
    }

    /** Whether the score can be rate × weight for some rate the stated rate's precision allows. */
    public static boolean rateScoreAgrees(Amount rate, Amount weight, Amount score, BigDecimal tolerance) {
        BigDecimal hundred = BigDecimal.valueOf(100);
        BigDecimal lo = rate.lower().min(hundred).multiply(weight.getValue()).divide(hundred, 6, RoundingMode.HALF_UP);
        BigDecimal hi = rate.upper().min(hundred).multiply(weight.getValue()).divide(hundred, 6, RoundingMode.HALF_UP);
        BigDecimal s = score.getValue();
        return s.compareTo(lo.subtract(tolerance)) >= 0 && s.compareTo(hi.add(tolerance)) <= 0;
    }
}
