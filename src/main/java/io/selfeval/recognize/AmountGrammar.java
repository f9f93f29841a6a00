package io.selfeval.recognize;

import io.selfeval.document.Cancellation;
import io.selfeval.model.Amount;
import io.selfeval.model.Breakdown;
import io.selfeval.model.Figure;
import io.selfeval.model.Location;
import io.selfeval.model.RateClaim;
import io.selfeval.recognize.NarrativeLexer.Kind;
import io.selfeval.recognize.NarrativeLexer.Token;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The amounts of one paragraph, with the totals and parts they form and the execution rates they claim.
 *
 * <p>Every amount becomes an item: its subject (基本支出, 三公经费 …) and measure (年初预算, 全年预算, 执行) come from
 * the words of its clause. Items are <em>top-level</em> or <em>parts</em>:
 * <ul>
 *   <li>"其中" opens a list of parts of the nearest top-level amount before it; a part that names another measure
 *   ("其中基本支出预算…、…；全年执行数…") belongs to the nearest top-level amount of that measure. A list ends with the
 *   sentence, or at an amount that names no subject after "；" or a word of the whole ("全年执行数"), or that opens a
 *   list of its own.</li>
 *   <li>A bracket right after an amount holds that amount's parts ("公务用车10.20万元（其中公车购置0万元、…）") or
 *   another measure of the same subject ("全年预算数838.39万元（年初预算数838.39万元）").</li>
 *   <li>An earlier year's figure or a difference ("上年决算数…", "较上年增加12.30万元") is no figure of this year, and
 *   neither are the parts listed under it.</li>
 * </ul>
 * Whatever the grammar cannot place with confidence (a part with no name, a list inside a list without brackets, an
 * amount in a bracket that follows no amount) gives no breakdown, so no rule can report an error from it.
 */
final class AmountGrammar {
    /** What the grammar needs to know of the paragraph's place in the report. */
    interface Context {
        Location where(int start, int end);

        /** The subject the paragraph's heading names ("（一）基本支出情况"), or null. */
        String sectionSubject();

        /** Whether the paragraph is under a heading about budget and spend. */
        boolean spendSection();

        Integer reportYear();

        /** A new group name, one per sentence. */
        String newGroup();
    }

    private static final class Item {
        final Amount value;
        final int start;
        final int end;
        final int depth;
        final String label;
        String group;
        String subject;
        String measure;
        boolean prior;
        boolean placed = true;
        boolean top;
        Item total;
        /** The list or bracket the part was read in; its doubt is the breakdown's. */
        Scope scope;
        Figure figure;

        Item(Token t, String label) {
            this.value = t.amount();
            this.start = t.start();
            this.end = t.end();
            this.depth = t.depth();
            this.label = label;
        }
    }

    /** A list of parts ("其中…") or a bracket after an amount. */
    private static final class Scope {
        final Item owner;
        boolean includes;
        boolean uncertain;

        Scope(Item owner) {
            this.owner = owner;
        }
    }

    /** The relations table's name for a narrative list of named items that are not budget subjects. */
    static final String ENUMERATED = "正文列举";

    private final Context ctx;
    private final RecognitionDraft rec;
    private final List<Item> items = new ArrayList<>();

    private AmountGrammar(Context ctx, RecognitionDraft rec) {
        this.ctx = ctx;
        this.rec = rec;
    }

    /** Reads one normalised paragraph and adds its figures, breakdowns and rate claims to the recognition. */
    static void read(String text, Context ctx, RecognitionDraft rec) {
        new AmountGrammar(ctx, rec).parse(NarrativeLexer.tokenize(text));
    }

    private void parse(List<Token> tokens) {
        Reading r = new Reading(tokens);
        for (int i = 0; i < tokens.size(); i++) {
            Cancellation.checkpoint();
            r.take(i);
        }
        emit();
        for (RatePending rate : r.rates) rate(rate);
    }

    /** The state of reading one paragraph token by token: the open list and brackets, the clause and sentence so far. */
    private final class Reading {
        final List<Token> tokens;
        final boolean[] ownsList;
        final StringBuilder label = new StringBuilder();
        final Deque<Scope> brackets = new ArrayDeque<>();
        final List<RatePending> rates = new ArrayList<>();
        Scope list;
        Scope closedList;
        Kind lastSep;
        Item lastItem;
        Item prevInSentence;
        String headSubject;
        boolean ofWhich;
        boolean respectively;
        String group = ctx.newGroup();

        Reading(List<Token> tokens) {
            this.tokens = tokens;
            this.ownsList = ownsList(tokens);
        }

        void take(int i) {
            Token t = tokens.get(i);
            switch (t.kind()) {
                case TEXT -> {
                    label.append(t.text());
                    if (t.depth() == 0 && NarrativeVocabulary.OF_WHICH.matcher(t.text()).find()) ofWhich = true;
                    if (t.depth() > 0 && !brackets.isEmpty() && NarrativeVocabulary.INCLUDES.matcher(t.text()).find()) brackets.peek().includes = true;
                }
                case OPEN -> {
                    Token before = i > 0 ? tokens.get(i - 1) : null;
                    boolean rightAfter = before != null && lastItem != null && before.kind() == Kind.MONEY && before.start() == lastItem.start;
                    brackets.push(new Scope(rightAfter ? lastItem : null));
                    separator(Kind.OPEN);
                }
                case CLOSE -> {
                    if (!brackets.isEmpty()) brackets.pop();
                    separator(Kind.CLOSE);
                }
                case LIST, COMMA, COLON -> separator(t.kind());
                case SEMI -> {
                    separator(Kind.SEMI);
                    respectively = false;
                }
                case END -> endOfSentence();
                case PERCENT -> {
                    if (NarrativeVocabulary.isExecutionRate(label.toString())) rates.add(new RatePending(t, label.toString()));
                    label.setLength(0);
                }
                case MONEY -> amount(i, t);
            }
        }

        void separator(Kind kind) {
            label.setLength(0);
            lastSep = kind;
        }

        void endOfSentence() {
            separator(null);
            list = null;
            closedList = null;
            brackets.clear();
            prevInSentence = null;
            headSubject = null;
            ofWhich = false;
            respectively = false;
            group = ctx.newGroup();
        }

        void amount(int i, Token t) {
            Item item = new Item(t, label.toString());
            item.group = group;
            label.setLength(0);
            item.prior = NarrativeVocabulary.isDifference(item.label) || NarrativeVocabulary.isPriorYear(item.label, ctx.reportYear());
            if (NarrativeVocabulary.respectively(item.label)) respectively = true;
            boolean unsure = respectively || NarrativeVocabulary.notAFigure(item.label, followingText(tokens, i))
                    || rec.subjects().joined(item.label);
            if (t.depth() > 0) {
                inBracket(item, brackets.peek());
                if (unsure && !brackets.isEmpty()) brackets.peek().uncertain = true;
                if (unsure) item.placed = false;
            } else {
                atLevel(i, item, unsure);
            }
            items.add(item);
            if (item.placed) {
                lastItem = item;
                if (item.depth == 0) prevInSentence = item;
            }
        }

        /** An amount outside brackets: a part of the open list, or a top-level amount (which may close the list). */
        void atLevel(int i, Item item, boolean unsure) {
            if (ofWhich) {
                // The list belongs to the amount right before "其中", whatever became of it.
                list = new Scope(lastAtLevel());
                if (lastItem != null && !lastItem.top && lastItem.placed) list.uncertain = true; // a list inside a list
                closedList = null;
                ofWhich = false;
            }
            if (list != null && closesList(item, lastSep, ownsList[i])) {
                closedList = list;
                list = null;
            }
            if (list != null) {
                if (ownsList[i]) list.uncertain = true;
                inList(item, list, prevInSentence);
                // A difference beside a part is commentary; anything else not read makes the list no plain sum.
                if (!NarrativeVocabulary.isDifference(item.label) && (unsure || NarrativeVocabulary.isCarryOver(item.label))) list.uncertain = true;
                if (unsure) item.placed = false;
                return;
            }
            topLevel(item, lastSep, prevInSentence, closedList, headSubject);
            if (unsure) item.placed = false;
            if (item.top && item.placed && rec.subjects().last(item.label).isPresent()) headSubject = item.subject;
        }
    }

    /** The text right after an amount, up to the next separator: "以上", "左右" make it no exact figure. */
    private static String followingText(List<Token> tokens, int i) {
        return i + 1 < tokens.size() && tokens.get(i + 1).kind() == Kind.TEXT ? tokens.get(i + 1).text() : "";
    }

    /** Whether each amount is followed, before the next amount at its depth, by "其中" (it opens a list). */
    private static boolean[] ownsList(List<Token> tokens) {
        boolean[] owns = new boolean[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() != Kind.MONEY) continue;
            for (int j = i + 1; j < tokens.size(); j++) {
                Token u = tokens.get(j);
                if (u.kind() == Kind.END || (u.kind() == Kind.MONEY && u.depth() <= t.depth())) break;
                if (u.kind() == Kind.TEXT && u.depth() == t.depth() && NarrativeVocabulary.OF_WHICH.matcher(u.text()).find()) {
                    owns[i] = true;
                    break;
                }
            }
        }
        return owns;
    }

    /** The amount a "其中" list belongs to: the last one outside brackets, passing over differences (commentary). */
    private Item lastAtLevel() {
        for (int i = items.size() - 1; i >= 0; i--) {
            Item it = items.get(i);
            if (it.depth == 0 && !NarrativeVocabulary.isDifference(it.label)) return it;
        }
        return null;
    }

    /** An amount with no subject of its own after "；", at a sentence start, with a word of the whole, or opening a list. */
    private boolean closesList(Item item, Kind lastSep, boolean ownsList) {
        boolean named = rec.subjects().last(item.label).isPresent();
        boolean clauseStart = lastSep == null || lastSep == Kind.SEMI;
        if (!named) {
            return NarrativeVocabulary.measure(rec.subjects(), item.label) != null
                    && (ownsList || clauseStart || NarrativeVocabulary.namesWhole(item.label));
        }
        return ownsList && clauseStart;
    }

    private void inList(Item item, Scope list, Item previous) {
        Optional<Subjects.Found> named = rec.subjects().last(item.label);
        String measure = NarrativeVocabulary.measure(rec.subjects(), item.label);
        Item owner = list.owner;
        if (owner != null && (!owner.placed || owner.prior)) {
            // The parts of an earlier year's figure, of a difference or of an amount not read are not read either.
            item.prior = owner.prior;
            item.placed = owner.placed;
            if (!owner.placed) list.uncertain = true;
            return;
        }
        if (named.isPresent()) {
            item.subject = named.get().subject();
        } else {
            String name = partLabel(item.label);
            boolean onlyMeasure = name.isEmpty() || NarrativeVocabulary.onlyMeasure(item.label);
            if (onlyMeasure && measure != null && previous != null && !previous.top && previous.subject != null && !measure.equals(previous.measure)) {
                item.subject = previous.subject; // "基本支出预算228.46万元，实际支出228.46万元"
            } else if (!onlyMeasure) {
                item.subject = name; // a project or item the vocabulary does not know: a name, not a subject to compare
                item.placed = true;
            } else {
                list.uncertain = true;
                item.placed = false;
                return;
            }
        }
        if (measure == null) measure = owner != null ? owner.measure : null;
        if (measure == null) {
            item.placed = false;
            return;
        }
        item.measure = measure;
        item.total = owner != null && measure.equals(owner.measure) ? owner : nearestTop(measure);
        item.scope = list;
        if (item.total != null && item.total.prior) item.prior = true;
        if (item.total != null && item.subject.equals(item.total.subject)) list.uncertain = true;
    }

    private Item nearestTop(String measure) {
        for (int i = items.size() - 1; i >= 0; i--) {
            Item it = items.get(i);
            if (it.top && it.placed && measure.equals(it.measure)) return it;
        }
        return null;
    }

    private void inBracket(Item item, Scope bracket) {
        if (bracket == null || bracket.owner == null) {
            item.placed = false; // an amount in brackets that follow no amount: not placed with confidence
            return;
        }
        Item owner = bracket.owner;
        if (owner.prior) item.prior = true;
        Optional<Subjects.Found> named = rec.subjects().last(item.label);
        String measure = NarrativeVocabulary.measure(rec.subjects(), item.label);
        if (named.isPresent() && !named.get().subject().equals(owner.subject)) {
            if (measure != null && !measure.equals(owner.measure)) {
                item.placed = false;
                bracket.uncertain = true;
                return;
            }
            item.subject = named.get().subject();
            item.measure = owner.measure;
            item.total = owner;
            item.scope = bracket;
            return;
        }
        if (measure != null && !measure.equals(owner.measure)) {
            // "（年初预算数838.39万元）": the same subject under another measure.
            item.subject = owner.subject;
            item.measure = measure;
            item.top = true;
            return;
        }
        String name = partLabel(item.label);
        if (bracket.includes && !name.isEmpty() && NarrativeVocabulary.measure(rec.subjects(), name) == null) {
            item.subject = name;
            item.measure = owner.measure;
            item.total = owner;
            item.scope = bracket;
            return;
        }
        bracket.uncertain = true;
        item.placed = false;
    }

    private void topLevel(Item item, Kind lastSep, Item previous, Scope closedList, String headSubject) {
        Optional<Subjects.Found> named = rec.subjects().last(item.label);
        String measure = NarrativeVocabulary.measure(rec.subjects(), item.label);
        String subject = named.map(Subjects.Found::subject).orElse(null);
        if (subject == null) {
            if (measure == null) {
                item.placed = false; // neither subject nor measure: an amount of something else ("发放补助资金300万元")
                return;
            }
            boolean inClause = lastSep == Kind.COMMA || lastSep == Kind.LIST || lastSep == Kind.COLON || lastSep == Kind.CLOSE;
            if (closedList != null && closedList.owner != null) subject = closedList.owner.subject;
            else if (inClause && previous != null && previous.top) subject = previous.subject;
            else if (headSubject != null) subject = headSubject;
            else if (NarrativeVocabulary.namesUnit(item.label)) subject = Subjects.TOTAL;
            else if (ctx.sectionSubject() != null) subject = ctx.sectionSubject();
            else if (NarrativeVocabulary.namesWhole(item.label) || ctx.spendSection()) subject = Subjects.TOTAL;
        }
        if (subject == null) {
            item.placed = false;
            return;
        }
        item.subject = subject;
        item.measure = measure == null ? Figure.SPENT : measure;
        item.top = true;
    }

    /** The name of an unnamed part: "、业务工作经费支出" → 业务工作经费. */
    static String partLabel(String label) {
        String s = PART_MARKER.matcher(PART_HEAD.matcher(Numbers.flat(label)).replaceFirst("")).replaceFirst("");
        s = PART_TAIL.matcher(s.strip()).replaceAll("");
        return s.length() > 20 ? "" : s;
    }

    private static final java.util.regex.Pattern PART_HEAD = java.util.regex.Pattern.compile("^.*[，,、；;：:]");
    private static final java.util.regex.Pattern PART_MARKER = java.util.regex.Pattern.compile("^(?:其中|含|包括|包含|主要|分别为)+");
    private static final java.util.regex.Pattern PART_TAIL = java.util.regex.Pattern.compile("(?:支出|为|是|共|计)+$");

    private void emit() {
        Map<Item, List<Item>> parts = new LinkedHashMap<>();
        for (Item it : items) {
            if (!it.placed || it.prior || it.subject == null || it.measure == null) continue;
            it.figure = new Figure(it.subject, it.measure, Figure.DEPARTMENT, Figure.NARRATIVE, it.group, it.value, ctx.where(it.start, it.end));
            boolean known = it.top || isCanonical(it.subject);
            if (known) rec.add(it.figure);
            if (!it.top && it.total != null) parts.computeIfAbsent(it.total, k -> new ArrayList<>()).add(it);
        }
        for (Map.Entry<Item, List<Item>> e : parts.entrySet()) {
            Item total = e.getKey();
            if (total.prior || total.figure == null) continue;
            List<Item> list = e.getValue();
            if (list.stream().anyMatch(p -> p.scope != null && p.scope.uncertain)) continue;
            Set<String> names = new HashSet<>();
            boolean clean = true;
            for (Item p : list) clean &= names.add(p.subject) && !p.subject.equals(total.subject);
            if (!clean) continue;
            // A list of named projects or items may give only the main ones: it goes by its own relation (正文列举).
            boolean enumerated = list.stream().anyMatch(p -> !isCanonical(p.subject));
            rec.add(new Breakdown(enumerated ? ENUMERATED : total.subject, total.figure, list.stream().map(p -> p.figure).toList(),
                    total.figure.getLocation()));
        }
    }

    private boolean isCanonical(String subject) {
        return Subjects.TOTAL.equals(subject) || rec.subjects().canonical(subject).map(subject::equals).orElse(false);
    }

    private record RatePending(Token token, String label) {
    }

    /**
     * The rate is the quotient of the spend and budget it follows: the subject's own pair when the two amounts before
     * it are one subject's budget and spend; the list's total when it follows a list of parts ("全年执行数…，其中基本支出…、
     * 项目支出…，预算执行率为97.45%"); else the subject of the amount before it. No claim without both amounts.
     */
    private void rate(RatePending r) {
        int at = r.token().start();
        Optional<Subjects.Found> named = rec.subjects().last(r.label());
        List<Item> before = items.stream()
                .filter(it -> it.placed && !it.prior && it.figure != null && it.end <= at
                        && (Figure.SPENT.equals(it.measure) || Figure.BUDGET.equals(it.measure)) && isCanonical(it.subject))
                .toList();
        Item spent;
        Item budget;
        String subject;
        if (named.isPresent()) {
            subject = named.get().subject();
            spent = last(before, subject, Figure.SPENT, false);
            budget = last(before, subject, Figure.BUDGET, false);
        } else {
            List<Item> level = before.stream().filter(it -> it.depth == 0).toList();
            if (level.isEmpty()) return;
            Item l = level.get(level.size() - 1);
            Item p = level.size() > 1 ? level.get(level.size() - 2) : null;
            if (p != null && p.subject.equals(l.subject) && !p.measure.equals(l.measure) && p.group.equals(l.group)) {
                subject = l.subject;
                spent = Figure.SPENT.equals(l.measure) ? l : p;
                budget = Figure.SPENT.equals(l.measure) ? p : l;
            } else {
                Item root = l;
                while (!root.top && root.total != null) root = root.total;
                subject = root.subject;
                boolean topsOnly = !l.top;
                spent = last(before, subject, Figure.SPENT, topsOnly);
                budget = last(before, subject, Figure.BUDGET, topsOnly);
            }
        }
        if (spent == null || budget == null) return;
        rec.add(new RateClaim(RateClaim.EXECUTION, subject, r.token().amount(), spent.value, budget.value,
                ctx.where(r.token().start(), r.token().end())));
    }

    private static Item last(List<Item> items, String subject, String measure, boolean topsOnly) {
        Item found = null;
        for (Item it : items) {
            if (it.subject.equals(subject) && it.measure.equals(measure) && (!topsOnly || it.top)) found = it;
        }
        return found;
    }
}
