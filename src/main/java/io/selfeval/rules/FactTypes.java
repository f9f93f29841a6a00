package io.selfeval.rules;

import io.selfeval.model.Attachment;
import io.selfeval.model.BlankCell;
import io.selfeval.model.Breakdown;
import io.selfeval.model.Figure;
import io.selfeval.model.Indicator;
import io.selfeval.model.IndicatorGroup;
import io.selfeval.model.IndicatorOutcome;
import io.selfeval.model.Mention;
import io.selfeval.model.RateClaim;
import io.selfeval.model.Relation;
import io.selfeval.model.ScoreSheet;
import io.selfeval.model.Section;
import io.selfeval.model.TargetDirection;

import java.util.List;

/**
 * The kinds of fact a check session holds: what the recognizer inserts for a submission, plus the relations of the
 * relations table. {@code rules verify} warns about a rule that waits for a fact of another kind, because it can never
 * fire. When the recognizer learns to insert a new kind of fact, add it here (a test compares this list with what the
 * recognizer produces for the seeds).
 */
public final class FactTypes {
    private FactTypes() {
    }

    public static final List<Class<?>> KNOWN = List.of(Attachment.class, BlankCell.class, Breakdown.class, Figure.class,
            Indicator.class, IndicatorGroup.class, Mention.class, RateClaim.class, ScoreSheet.class, Section.class, Relation.class);

    /** The kinds of fact rules derive from those (outcomes.drl) for other rules to use. */
    public static final List<Class<?>> DERIVED = List.of(IndicatorOutcome.class, TargetDirection.class);

    /** Whether a pattern over this class can match one of the known or derived facts (the class or a supertype of one). */
    public static boolean matchable(Class<?> patternType) {
        for (Class<?> k : KNOWN) {
            if (patternType.isAssignableFrom(k)) return true;
        }
        for (Class<?> k : DERIVED) {
            if (patternType.isAssignableFrom(k)) return true;
        }
        return false;
    }
}
