package io.selfeval.rules;

import io.selfeval.model.Section;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What rules/objectivity.drl asks of the 存在问题 and 改进措施 parts: which section is the part, and which words of a
 * word list its points use (the points and the length come with the {@link Section}, read by the recognizer).
 */
public final class Objectivity {
    private Objectivity() {
    }

    /**
     * Whether section a is a better match for a part than section b (both titles hold the part's words): a title
     * without the other part's words beats one with them (a combined "存在问题及改进措施" heading loses to its own
     * subsections), then the higher level (一、 before （一）), then the earlier heading (then the title, so that
     * exactly one section is the part).
     */
    public static boolean preferred(Section a, Section b, String otherPartWords) {
        boolean aOnly = !Checks.find(a.getTitle(), otherPartWords);
        boolean bOnly = !Checks.find(b.getTitle(), otherPartWords);
        if (aOnly != bOnly) return aOnly;
        if (a.getLevel() != b.getLevel()) return a.getLevel() < b.getLevel();
        if (line(a) != line(b)) return line(a) < line(b);
        // Without lines (a format that gives none) still exactly one wins.
        return a.getTitle().compareTo(b.getTitle()) < 0;
    }

    private static int line(Section s) {
        // The reading position: the line of a text input, the paragraph's place in a Word file (which has no lines).
        return s.getLocation() == null || s.getLocation().getPosition() == null ? Integer.MAX_VALUE : s.getLocation().getPosition();
    }

    /** The words of the list that occur in the text, in list order, each once. */
    public static List<String> wordsIn(String text, List<String> words) {
        Set<String> found = new LinkedHashSet<>();
        if (text != null) {
            for (String w : words) {
                if (!w.isEmpty() && text.contains(w)) found.add(w);
            }
        }
        return List.copyOf(found);
    }

    /** Whether every point uses a word of the list (and there is at least one point). */
    public static boolean onlyAbout(List<String> points, List<String> words) {
        return !points.isEmpty() && points.stream().allMatch(p -> !wordsIn(p, words).isEmpty());
    }

    /** "“经费不足”“资金紧张”", for messages. */
    public static String quoted(List<String> words) {
        StringBuilder sb = new StringBuilder();
        for (String w : words) sb.append('“').append(w).append('”');
        return sb.toString();
    }
}
