package io.selfeval.rules;

import io.selfeval.recognize.Vocabulary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The recognizer's {@link Vocabulary} from the parameters table: its 科目.*, 收入来源.*, 一级指标.* and 词表.* rows. */
final class RuleVocabulary {
    private static final List<String> PREFIXES = List.of(Vocabulary.SUBJECT, Vocabulary.INCOME, Vocabulary.LEVEL1, Vocabulary.BASIC_TOP_ROWS);

    private RuleVocabulary() {
    }

    /** @throws IllegalArgumentException in Chinese, naming the row, for a vocabulary the recognizer cannot use */
    static Vocabulary of(RuleParameters params) {
        Map<String, List<String>> entries = new LinkedHashMap<>();
        for (String key : params.keys()) {
            if (PREFIXES.stream().anyMatch(key::startsWith)) entries.put(key, params.list(key));
        }
        try {
            return Vocabulary.of(entries);
        } catch (IllegalArgumentException e) {
            String where = entries.keySet().stream().map(params::source).filter(java.util.Objects::nonNull).findFirst().orElse(null);
            throw new IllegalArgumentException(e.getMessage() + (where == null ? "" : "（参数表：" + where.replaceFirst("!.*", "") + "）"), e);
        }
    }

    /**
     * Warnings for 标准权重.* rows naming a first-level indicator the vocabulary does not know: their weight would
     * never be compared with a table.
     */
    static List<String> unknownStandardWeights(RuleParameters params, Vocabulary vocabulary) {
        List<String> known = vocabulary.standardLevel1Names();
        return params.numberNames("标准权重.").stream().filter(n -> !known.contains(n))
                .map(n -> "参数“标准权重." + n + "”（" + params.source(RuleParameters.NUM + "标准权重." + n) + "）：“" + n
                        + "”不是参数表“一级指标.*”中的一级指标名称（" + String.join("、", known) + "），这一权重不会被核对")
                .toList();
    }
}
