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

import org.drools.base.base.ClassObjectType;
import org.drools.base.rule.EntryPointId;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;

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

    /**
     * The simple name of a class the rule waits for in working memory that no known fact is (see {@link FactTypes}),
     * or null. Patterns under {@code not}, and those fed by {@code from}, {@code collect} or {@code accumulate}, do
     * not count; under {@code or}, only when no branch can match.
     */
    static String unmatchable(RuleConditionElement e) {
        if (e instanceof GroupElement g) {
            if (g.isNot()) return null;
            if (g.isOr()) {
                String first = null;
                for (RuleConditionElement c : g.getChildren()) {
                    String u = unmatchable(c);
                    if (u == null) return null;
                    if (first == null) first = u;
                }
                return first;
            }
            for (RuleConditionElement c : g.getChildren()) {
                String u = unmatchable(c);
                if (u != null) return u;
            }
            return null;
        }
        if (e instanceof Pattern p) {
            if (p.getSource() != null && !(p.getSource() instanceof EntryPointId)) return null;
            if (p.getObjectType() instanceof ClassObjectType cot) {
                Class<?> c = cot.getClassType();
                if (c.getName().startsWith("org.drools.") || c.getName().startsWith("org.kie.")) return null;
                return matchable(c) ? null : c.getSimpleName();
            }
        }
        return null;
    }

}
