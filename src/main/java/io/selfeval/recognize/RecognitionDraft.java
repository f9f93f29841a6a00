package io.selfeval.recognize;

import io.selfeval.model.Amount;

import java.util.ArrayList;
import java.util.List;

/**
 * The facts the recognizer's steps add while they read one document. {@link Recognizer} turns it into the
 * {@link Recognition} the rules get, resolving the unit, year and self-score once, by explicit precedence.
 */
final class RecognitionDraft {
    private final List<Object> facts = new ArrayList<>();
    private final Vocabulary vocabulary;
    private Amount narrativeSelfScore;

    RecognitionDraft(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** The rules folder's words for subjects, income sources and indicator levels. */
    Vocabulary vocabulary() { return vocabulary; }

    Subjects subjects() { return vocabulary.subjects(); }

    void add(Object fact) { facts.add(fact); }

    List<Object> facts() { return facts; }

    <T> List<T> factsOf(Class<T> type) {
        return facts.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The self-score the narrative states ("自评得分为95分"): the first sentence that states one. */
    Amount narrativeSelfScore() { return narrativeSelfScore; }

    void narrativeSelfScore(Amount a) { if (narrativeSelfScore == null) narrativeSelfScore = a; }
}
