package io.selfeval.rules;

import io.selfeval.model.Amount;
import io.selfeval.model.Breakdown;
import io.selfeval.model.Figure;
import io.selfeval.model.Mention;
import io.selfeval.model.Relation;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Helper functions the rule files call: relation lookup, text matching, grade bands, unit names. */
public final class Checks {
    private Checks() {
    }

    /** The most specific relation of the relations table (relations.drl.xlsx) that governs a breakdown, or null. */
    public static Relation relationFor(Breakdown b, List<Relation> relations) {
        return relations.stream().filter(r -> r.appliesTo(b)).max(Comparator.comparingInt(Relation::specificity)).orElse(null);
    }

    public static List<Amount> values(List<Figure> figures) {
        return figures.stream().map(Figure::getValue).toList();
    }

    public static BigDecimal sum(List<Figure> figures) {
        BigDecimal s = BigDecimal.ZERO;
        for (Figure f : figures) s = s.add(f.getValue().getValue());
        return s;
    }

    /** The patterns rule data gives, compiled once each (they come from the parameters table, so they are few). */
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();
    private static final Pattern UNIT_NOISE = Pattern.compile("[\\s（）()“”\"]");

    /** Regular-expression search, for title words kept as rule data. */
    public static boolean find(String text, String regex) {
        return text != null && PATTERNS.computeIfAbsent(regex, Pattern::compile).matcher(text).find();
    }

    /** Orders the two places of a pair so each disagreement is reported once: narrative first, then by table name. */
    public static boolean precedes(Figure a, Figure b) {
        if (a.isNarrative() != b.isNarrative()) return a.isNarrative();
        return a.getSource().compareTo(b.getSource()) < 0;
    }

    /** Whether x was found before y in the document (by reading position; facts without one come last). */
    public static boolean before(Object x, Object y) {
        return line(x) < line(y);
    }

    private static int line(Object o) {
        io.selfeval.model.Location l = o instanceof Figure f ? f.getLocation() : o instanceof Mention m ? m.getLocation() : null;
        return l == null || l.getPosition() == null ? Integer.MAX_VALUE : l.getPosition();
    }

    /** Whether x states the same value as a, earlier in the document. */
    public static boolean earlierSameValue(Figure x, Figure a) {
        Integer lx = x.getLocation() == null ? null : x.getLocation().getPosition();
        Integer la = a.getLocation() == null ? null : a.getLocation().getPosition();
        return x != a && lx != null && la != null && lx < la && x.getValue().equals(a.getValue());
    }

    /** Whether the two figures are the same quantity stated in two places: same subject, measure and scope, other source. */
    public static boolean sameQuantity(Figure a, Figure b) {
        return a.getSubject().equals(b.getSubject()) && a.getMeasure().equals(b.getMeasure())
                && a.getScope().equals(b.getScope()) && !a.getSource().equals(b.getSource());
    }

    /** The grade a score falls in, by the bands "等级.X=下限-上限" of the parameters; at a boundary both fit. */
    public static boolean gradeFits(String grade, Amount score, RuleParameters params) {
        String canonical = canonicalGrade(grade, params);
        String band = "等级." + canonical;
        if (!params.has(band)) return true;
        String[] bounds = params.text(band).split("-");
        BigDecimal lo = new BigDecimal(bounds[0].strip());
        BigDecimal hi = new BigDecimal(bounds[1].strip());
        BigDecimal s = score.getValue();
        return s.compareTo(lo) >= 0 && s.compareTo(hi) <= 0;
    }

    /**
     * Whether the score lies in one of the grade bands (等级.*). A score outside every band (100.5 of 100, or negative)
     * is wrong in itself and reported by the score rules; no grade can be judged from it.
     */
    public static boolean inSomeBand(Amount score, RuleParameters params) {
        if (score == null) return false;
        for (String key : params.keys("等级.")) {
            String[] bounds = params.text(key).split("-");
            BigDecimal lo = new BigDecimal(bounds[0].strip());
            BigDecimal hi = new BigDecimal(bounds[1].strip());
            if (score.getValue().compareTo(lo) >= 0 && score.getValue().compareTo(hi) <= 0) return true;
        }
        return false;
    }

    /** The band a score falls in, for the message. */
    public static String gradeFor(Amount score, RuleParameters params) {
        for (String key : params.keys("等级.")) {
            String[] bounds = params.text(key).split("-");
            BigDecimal lo = new BigDecimal(bounds[0].strip());
            BigDecimal hi = new BigDecimal(bounds[1].strip());
            if (score.getValue().compareTo(lo) > 0 && score.getValue().compareTo(hi) <= 0) return key.substring(3);
        }
        return "（无对应等级）";
    }

    public static String canonicalGrade(String grade, RuleParameters params) {
        String alias = "等级别名." + grade;
        return params.has(alias) ? params.text(alias) : grade;
    }

    /** Two names of the unit agree when equal, one contains the other, or one is a declared short name (以下简称). */
    public static boolean sameUnit(String a, String b, List<Mention> aliases) {
        String x = normUnit(a);
        String y = normUnit(b);
        if (x.equals(y) || x.contains(y) || y.contains(x)) return true;
        return aliases.stream().map(m -> normUnit(m.getText())).anyMatch(s -> s.equals(x) || s.equals(y));
    }

    private static String normUnit(String s) {
        String n = UNIT_NOISE.matcher(s).replaceAll("");
        return n.startsWith("中共") ? "中国共产党" + n.substring(2) : n;
    }

    public static BigDecimal percentChange(Amount from, Amount to) {
        if (from.getValue().signum() == 0) return null;
        return to.getValue().subtract(from.getValue()).divide(from.getValue(), 6, java.math.RoundingMode.HALF_UP);
    }
}
