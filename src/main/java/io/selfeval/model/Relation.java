package io.selfeval.model;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A reconciliation relation, one row of the relations table (rules/relations.drl.xlsx, sheet 勾稽关系), like a
 * calculation link in XBRL: the total equals the sum of its parts (SUM), or is not below it (LE, for "其中" items).
 * "*" stands for any subject / whatever parts the document lists under the total.
 */
public final class Relation {
    public static final String SUM = "SUM";
    public static final String LE = "LE";
    public static final String ANY = "*";

    private final String kind;
    private final String total;
    private final List<String> parts;
    private final String source;

    public Relation(String kind, String total, List<String> parts, String source) {
        this.kind = kind;
        this.total = total;
        this.parts = List.copyOf(parts);
        this.source = source;
    }

    public String getKind() { return kind; }
    public String getTotal() { return total; }
    public List<String> getParts() { return parts; }
    /** File, sheet and row the relation was read from ("relations.drl.xlsx 勾稽关系 第15行"), for messages. */
    public String getSource() { return source; }

    public boolean isAnyParts() {
        return parts.size() == 1 && ANY.equals(parts.get(0));
    }

    /** Whether this relation governs the breakdown: same total subject (or *), and the same set of parts (or *). */
    public boolean appliesTo(Breakdown b) {
        if (!ANY.equals(total) && !total.equals(b.getTotalSubject())) return false;
        if (isAnyParts()) return true;
        Set<String> listed = new HashSet<>(b.getPartSubjects());
        return listed.size() == b.getParts().size() && listed.equals(new HashSet<>(parts));
    }

    /** More specific relations win: named total and named parts beat wildcards. */
    public int specificity() {
        return (ANY.equals(total) ? 0 : 2) + (isAnyParts() ? 0 : 1);
    }

    public String describe() {
        return total + (SUM.equals(kind) ? " = " : " ≥ ") + String.join(" + ", parts);
    }
}
