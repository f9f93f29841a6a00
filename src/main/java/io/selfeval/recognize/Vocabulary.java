package io.selfeval.recognize;

import io.selfeval.model.Indicator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The words of the genre that are policy, not grammar, as the rules folder's parameters table gives them (one source:
 * the relations table, the standard weights and the recognizer all use these names):
 * <ul>
 *   <li>{@code 科目.<标准名称>} — the written forms of each budget subject ({@link Subjects});</li>
 *   <li>{@code 收入来源.<名称>} — words that make a split row of the funds table an income source (非税 → 非税收入);</li>
 *   <li>{@code 一级指标.<标准名称>} — words that make a first-level indicator one of the standard ones (产出 → 产出指标),
 *       the names the {@code 标准权重.*} parameters use;</li>
 *   <li>{@code 词表.基础数据表一级行} — how the top-level rows of 附件1 基础数据表 begin.</li>
 * </ul>
 * Each kind is read in table order; the first entry whose word a text contains wins (for subjects: the longest form).
 * ASCII double quotes in a text are read as Chinese ones.
 */
public final class Vocabulary {
    public static final String SUBJECT = "科目.";
    public static final String INCOME = "收入来源.";
    public static final String LEVEL1 = "一级指标.";
    public static final String BASIC_TOP_ROWS = "词表.基础数据表一级行";

    /** A word a text contains, and the name it gives the text. */
    record Word(String word, String name) {
    }

    private final Subjects subjects;
    private final List<Word> incomeSources;
    private final List<Word> level1;
    private final Pattern basicTopRow;

    private Vocabulary(Subjects subjects, List<Word> incomeSources, List<Word> level1, Pattern basicTopRow) {
        this.subjects = subjects;
        this.incomeSources = List.copyOf(incomeSources);
        this.level1 = List.copyOf(level1);
        this.basicTopRow = basicTopRow;
    }

    /**
     * The vocabulary of the given entries (name with its prefix → its words, in table order).
     *
     * @throws IllegalArgumentException in Chinese, naming the entry, for a form that is no regular expression or a
     *                                  name the recognizer needs that the table lacks
     */
    public static Vocabulary of(Map<String, List<String>> entries) {
        Map<String, List<String>> forms = new java.util.LinkedHashMap<>();
        List<Word> income = new ArrayList<>();
        List<Word> level1 = new ArrayList<>();
        List<String> topRows = null;
        for (Map.Entry<String, List<String>> e : entries.entrySet()) {
            String key = e.getKey();
            if (key.startsWith(SUBJECT)) forms.put(name(key, SUBJECT), e.getValue());
            else if (key.startsWith(INCOME)) e.getValue().forEach(w -> income.add(new Word(w, name(key, INCOME))));
            else if (key.startsWith(LEVEL1)) e.getValue().forEach(w -> level1.add(new Word(w, name(key, LEVEL1))));
            else if (key.equals(BASIC_TOP_ROWS)) topRows = e.getValue();
        }
        for (String s : Subjects.REQUIRED) {
            if (!forms.containsKey(s)) throw new IllegalArgumentException("参数表缺少“" + SUBJECT + s + "”（" + s + "的写法，识别报告要用）");
        }
        if (level1.stream().noneMatch(w -> w.name().equals(Indicator.RATE_ITEM))) {
            throw new IllegalArgumentException("参数表缺少“" + LEVEL1 + Indicator.RATE_ITEM + "”（识别评分表的预算执行率一行要用）");
        }
        if (topRows == null || topRows.isEmpty()) throw new IllegalArgumentException("参数表缺少“" + BASIC_TOP_ROWS + "”");
        Subjects subjects;
        try {
            subjects = new Subjects(forms);
        } catch (java.util.regex.PatternSyntaxException ex) {
            throw new IllegalArgumentException("参数表“" + SUBJECT + "…”中的写法“" + ex.getPattern() + "”不是有效的正则表达式：" + ex.getDescription());
        }
        Pattern top;
        try {
            top = Pattern.compile("^(?:" + String.join("|", topRows) + ")");
        } catch (java.util.regex.PatternSyntaxException ex) {
            throw new IllegalArgumentException("参数表“" + BASIC_TOP_ROWS + "”不是有效的正则表达式：" + ex.getDescription());
        }
        return new Vocabulary(subjects, income, level1, top);
    }

    private static String name(String key, String prefix) {
        return key.substring(prefix.length()).strip();
    }

    public Subjects subjects() {
        return subjects;
    }

    /** The income source a split row's label names ("非税收入"), or the label itself. */
    String incomeSource(String label) {
        for (Word w : incomeSources) if (label.contains(w.word())) return w.name();
        return label;
    }

    /** The standard first-level indicator a text names (产出指标(50分) → 产出指标), or null for none. */
    String standardLevel1(String text) {
        for (Word w : level1) if (text.contains(w.word())) return w.name();
        return null;
    }

    /** The standard first-level indicator names, in table order (the names 标准权重.* may use). */
    public List<String> standardLevel1Names() {
        return level1.stream().map(Word::name).distinct().toList();
    }

    /** Whether a row label of 附件1 基础数据表 begins a top-level row (三公经费, 项目支出, 合计 …). */
    boolean isBasicTopRow(String label) {
        return basicTopRow.matcher(Subjects.foldQuotes(label)).find();
    }
}
