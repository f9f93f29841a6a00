package io.selfeval.recognize;

import io.selfeval.model.Amount;

import java.util.List;

/**
 * What the recognizer made of one document: the facts for the rules, plus the identity the reports show (unit, year,
 * self-score as stated and as the items add up). Immutable: built once by {@link Recognizer}.
 */
public final class Recognition {
    private final List<Object> facts;
    private final String unit;
    private final Integer year;
    private final Amount statedSelfScore;
    private final Amount recomputedSelfScore;
    private final GenreEvidence genre;

    Recognition(List<Object> facts, String unit, Integer year, Amount statedSelfScore, Amount recomputedSelfScore,
                GenreEvidence genre) {
        this.facts = List.copyOf(facts);
        this.unit = unit;
        this.year = year;
        this.statedSelfScore = statedSelfScore;
        this.recomputedSelfScore = recomputedSelfScore;
        this.genre = genre;
    }

    public List<Object> facts() { return facts; }

    public <T> List<T> factsOf(Class<T> type) {
        return facts.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public String unit() { return unit; }
    public Integer year() { return year; }
    public Amount statedSelfScore() { return statedSelfScore; }
    public Amount recomputedSelfScore() { return recomputedSelfScore; }

    /** What the document shows of its genre; whether it is a report is decided with the rule parameters. */
    public GenreEvidence genre() { return genre; }

    /** Whether the document looks like a self-evaluation report at all (word lists from the parameters table). */
    public boolean looksLikeReport(io.selfeval.rules.RuleParameters params) {
        return genre != null && io.selfeval.rules.Genre.isReport(genre, params);
    }
}
