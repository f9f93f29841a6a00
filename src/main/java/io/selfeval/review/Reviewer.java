package io.selfeval.review;

import io.selfeval.model.Deduction;
import io.selfeval.model.DeductionRule;
import io.selfeval.model.Finding;
import io.selfeval.model.Review;
import io.selfeval.model.RubricItem;
import io.selfeval.rules.RuleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns a submission's findings into the review score on the rubric (考核评分表), from the rule data alone:
 * <ul>
 *   <li>each finding whose code has a deduction row takes that row's points off the row's rubric item;</li>
 *   <li>a code with several rows: the row naming the rubric item the finding's evidence gives
 *       ({@value #ITEM_EVIDENCE}, e.g. OBJ_TOO_BRIEF for 存在问题 or 改进措施), otherwise the code's first row;</li>
 *   <li>a row's cap (累计上限) limits what all findings through that row take together; the item's weight limits
 *       what all rows take off the item;</li>
 *   <li>findings are taken in report order (errors first, then by line), so when a cap is reached the later ones
 *       take 0 points; each finding's {@code deduction} says what it actually took.</li>
 * </ul>
 * The score is the sum of the rubric's weights minus everything taken off.
 */
public final class Reviewer {
    private static final Logger LOG = LoggerFactory.getLogger(Reviewer.class);

    /** Evidence key by which a finding names its rubric item when its code has rows for several items. */
    public static final String ITEM_EVIDENCE = "rubricItem";

    private final List<RubricItem> rubric;
    private final List<DeductionRule> deductions;
    private final Set<String> emittedCodes;

    /** What the review gives a submission: the review and the findings, each with the deduction it took. */
    public record Outcome(Review review, List<Finding> findings) {
    }

    public Reviewer(RuleBase rules) {
        this(rules.rubric(), rules.deductions(), rules.catalog().stream().map(RuleBase.RuleInfo::code)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
    }

    /**
     * @param emittedCodes the codes the loaded rules can report; an item no row of these codes reaches is marked
     *                     not assessed (it keeps full marks for want of data)
     */
    public Reviewer(List<RubricItem> rubric, List<DeductionRule> deductions, Collection<String> emittedCodes) {
        this.rubric = List.copyOf(rubric);
        this.deductions = List.copyOf(deductions);
        this.emittedCodes = Set.copyOf(emittedCodes);
    }

    /**
     * Reviews one submission. No review (null) and no deduction when the rubric is empty, or when the file was not
     * read or not recognized as a report (PARSE_* findings): there is nothing to score.
     */
    public Outcome review(List<Finding> findings) {
        if (rubric.isEmpty() || findings.stream().anyMatch(f -> f.getCode() != null && f.getCode().startsWith("PARSE_"))) {
            return new Outcome(null, findings);
        }
        Map<String, RubricItem> items = new LinkedHashMap<>();
        for (RubricItem i : rubric) items.putIfAbsent(i.id(), i);
        Map<String, BigDecimal> deducted = new HashMap<>();
        Map<String, List<String>> reasons = new HashMap<>();
        Map<DeductionRule, BigDecimal> usedByRow = new IdentityHashMap<>();

        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            DeductionRule row = rowFor(f);
            RubricItem item = row == null ? null : items.get(row.item());
            if (row == null || item == null || row.points().signum() <= 0) {
                if (row != null && item == null) LOG.warn("扣分对照 {} 中的考核项“{}”不在考核评分表中", row.source(), row.item());
                out.add(f);
                continue;
            }
            BigDecimal take = nonNegative(row.points());
            if (row.cap() != null) {
                take = take.min(nonNegative(row.cap().subtract(usedByRow.getOrDefault(row, BigDecimal.ZERO))));
            }
            BigDecimal onItem = deducted.getOrDefault(item.id(), BigDecimal.ZERO);
            take = take.min(nonNegative(item.weight().subtract(onItem)));
            usedByRow.merge(row, take, BigDecimal::add);
            deducted.put(item.id(), onItem.add(take));
            reasons.computeIfAbsent(item.id(), k -> new ArrayList<>()).add(reason(f, take));
            out.add(f.withDeduction(new Deduction(item.id(), take.doubleValue())));
        }

        List<Review.Item> reviewItems = new ArrayList<>();
        BigDecimal full = BigDecimal.ZERO;
        BigDecimal off = BigDecimal.ZERO;
        for (RubricItem i : items.values()) {
            BigDecimal d = deducted.getOrDefault(i.id(), BigDecimal.ZERO);
            reviewItems.add(new Review.Item(i.id(), plain(i.weight()), plain(d), reasons.getOrDefault(i.id(), List.of()),
                    assessed(i)));
            full = full.add(i.weight());
            off = off.add(d);
        }
        return new Outcome(new Review(plain(full.subtract(off)), reviewItems), out);
    }

    /** The deduction row a finding falls under, or null when its code has none. */
    DeductionRule rowFor(Finding f) {
        List<DeductionRule> rows = deductions.stream().filter(r -> r.code().equals(f.getCode())).toList();
        if (rows.isEmpty()) return null;
        Object named = f.getEvidence() == null ? null : f.getEvidence().get(ITEM_EVIDENCE);
        if (named != null) {
            String id = named.toString().strip();
            for (DeductionRule r : rows) {
                if (r.item().equals(id)) return r;
            }
        }
        return rows.get(0);
    }

    /** Whether some row of a code the rules can report reaches the item. */
    private boolean assessed(RubricItem item) {
        return deductions.stream().anyMatch(r -> r.item().equals(item.id()) && emittedCodes.contains(r.code()));
    }

    /** A line break and the blanks around it: a reason is one line (compiled once: this runs for every finding). */
    private static final Pattern LINE_BREAK = Pattern.compile("\\s*\\R\\s*");

    private static String reason(Finding f, BigDecimal took) {
        String message = f.getMessage() == null ? f.getCode() : LINE_BREAK.matcher(f.getMessage().strip()).replaceAll(" ");
        if (took.signum() > 0) return message + "（扣" + plain(took).toPlainString() + "分）";
        return message + "（已达扣分上限，不再扣分）";
    }

    private static BigDecimal nonNegative(BigDecimal b) {
        return b.signum() < 0 ? BigDecimal.ZERO : b;
    }

    /** 10.0 → 10, 8.50 → 8.5: numbers as a reviewer writes them. */
    private static BigDecimal plain(BigDecimal b) {
        BigDecimal s = b.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
