package io.selfeval.rules;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Thresholds, tolerances, weights, grade bands and word lists from the parameters table (rules/parameters.drl.xlsx,
 * table 参数: 参数名, 类型, 参数值, 说明, 取值范围). Rules reach them through the global {@code params}; nothing here has a
 * default in Java, so what policy staff see in the table is what the rules use. A parameter of type 数字 is read
 * with {@link #num} (internally its key carries the prefix "num."), the others with {@link #text} or {@link #list}.
 */
public final class RuleParameters {
    /** The table name the parameters come from (the RuleTable of parameters.drl.xlsx). */
    public static final String TABLE = "参数";
    /** The prefix the keys of number parameters carry inside this class (rules use {@link #numberNames}). */
    static final String NUM = "num.";

    private static final Pattern LIST_SEPARATOR = Pattern.compile("[,，、]");
    private final Map<String, String> values;
    private final Map<String, List<String>> lists = new ConcurrentHashMap<>();
    private final Map<String, BigDecimal> numbers = new ConcurrentHashMap<>();
    private final Map<String, String> sources;
    private final String origin;

    private RuleParameters(Map<String, String> values, Map<String, String> sources, String origin) {
        this.values = values;
        this.sources = sources;
        this.origin = origin;
    }

    /**
     * @param values  key → value, number keys prefixed with "num."
     * @param sources key → the cell it was read from
     * @param origin  the file(s) of the table, for the message about a missing parameter
     */
    static RuleParameters of(Map<String, String> values, Map<String, String> sources, String origin) {
        return new RuleParameters(new LinkedHashMap<>(values), new LinkedHashMap<>(sources), origin);
    }

    private String raw(String key) {
        String v = values.get(key);
        if (v == null) {
            String name = key.startsWith(NUM) ? key.substring(NUM.length()) + "（类型：数字）" : key;
            throw new IllegalStateException("规则用到参数“" + name + "”，但参数表（" + origin + "）中没有这一行");
        }
        return v.strip();
    }

    /** A number parameter (type 数字 in the table). */
    public BigDecimal num(String key) {
        // Cached: rule conditions ask for the same tolerances for every fact of every submission.
        BigDecimal n = numbers.get(key);
        if (n == null) {
            n = new BigDecimal(raw(NUM + key));
            numbers.put(key, n);
        }
        return n;
    }

    /** A text parameter (a regular expression or a name). */
    public String text(String key) {
        return raw(key);
    }

    /** A list parameter: items separated by "," or "，" or "、". */
    public List<String> list(String key) {
        // Cached: rule conditions ask for the same lists for every fact of every submission.
        return lists.computeIfAbsent(key, k -> LIST_SEPARATOR.splitAsStream(raw(k)).map(String::strip).filter(s -> !s.isEmpty()).toList());
    }

    public boolean has(String key) {
        return values.get(key) != null;
    }

    /** The keys starting with the prefix, sorted; number keys start with "num.". */
    public List<String> keys(String prefix) {
        return values.keySet().stream().filter(k -> k.startsWith(prefix)).sorted().toList();
    }

    /**
     * The names of the number parameters that start with the prefix, without it, sorted:
     * {@code numberNames("标准权重.")} gives 产出指标, 效益指标, … for the rule to read each with {@code num("标准权重." + name)}.
     */
    public List<String> numberNames(String prefix) {
        String full = NUM + prefix;
        return values.keySet().stream().filter(k -> k.startsWith(full)).map(k -> k.substring(full.length())).sorted().toList();
    }

    /** Every key, in table order. */
    public List<String> keys() {
        return List.copyOf(values.keySet());
    }

    /** The cell a parameter was read from ("rules/parameters.drl.xlsx 参数!D18"), or null. */
    public String source(String key) {
        return sources.get(key);
    }
}
