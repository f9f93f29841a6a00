package io.selfeval.recognize;

import io.selfeval.model.Amount;

import java.util.ArrayList;
import java.util.List;

/** What the recognizer made of one document: the facts for the rules, plus the identity the reports show. */
public final class Recognition {
    private final List<Object> facts = new ArrayList<>();
    private String unit;
    private Integer year;
    private Amount statedSelfScore;
    private Amount recomputedSelfScore;
    private GenreEvidence genre;

    public List<Object> facts() { return facts; }
    public void add(Object fact) { facts.add(fact); }

    public <T> List<T> factsOf(Class<T> type) {
        return facts.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public String unit() { return unit; }
    public void unit(String u) { if (unit == null) unit = u; }
    public Integer year() { return year; }
    public void year(Integer y) { if (year == null) year = y; }
    public Amount statedSelfScore() { return statedSelfScore; }
    public void statedSelfScore(Amount a) { if (statedSelfScore == null) statedSelfScore = a; }
    public Amount recomputedSelfScore() { return recomputedSelfScore; }
    public void recomputedSelfScore(Amount a) { recomputedSelfScore = a; }

    /** What the document shows of its genre; whether it is a report is decided with the rule parameters. */
    public GenreEvidence genre() { return genre; }
    public void genre(GenreEvidence g) { genre = g; }

    /** Whether the document looks like a self-evaluation report at all (word lists from the parameters table). */
    public boolean looksLikeReport(io.selfeval.rules.RuleParameters params) {
        return genre != null && io.selfeval.rules.Genre.isReport(genre, params);
    }
}
