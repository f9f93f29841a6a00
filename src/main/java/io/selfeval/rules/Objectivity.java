package io.selfeval.rules;

import io.selfeval.model.Section;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text measures rules/objectivity.drl calls on the 存在问题 and 改进措施 parts: which section is the part, how many
 * points it makes, how long it is, and which words of a word list it uses.
 * <p>
 * Points are the numbered items of the section: a paragraph starting with 1、 / 1. / （一） / 一、 / 一是 / 第一，
 * or inline markers 一是…二是… inside a paragraph; text before the first item (an introduction) is no point of its own.
 * A section without any numbering makes one point per sentence (ended by 。！？；).
 */
public final class Objectivity {
    private static final String CN = "[一二三四五六七八九十]{1,3}";
    /** A paragraph that starts a numbered item. */
    private static final Pattern ITEM_START = Pattern.compile("^\\s*(?:\\d{1,2}\\s*[、.．)）]|[（(]\\s*(?:" + CN + "|\\d{1,2})\\s*[)）]"
            + "|" + CN + "\\s*[、.．]|" + CN + "是|第" + CN + "[，,、：:是])");
    /** Inline ordinal markers inside a paragraph: 一是 … 二是 …, 第一，… 第二，…. */
    private static final Pattern INLINE = Pattern.compile("(?:^|[。；;，,：:\\s])(" + CN + "是|第" + CN + "[，,、：:])");
    private static final Pattern SENTENCE_END = Pattern.compile("[。！？；;!?]+");

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

    /** The points the text makes (see the class comment). */
    public static List<String> points(String text) {
        List<String> paragraphs = text == null ? List.of()
                : text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        List<String> items = new ArrayList<>();
        StringBuilder current = null;
        for (String p : paragraphs) {
            if (ITEM_START.matcher(p).find()) {
                if (current != null) items.add(current.toString());
                current = new StringBuilder(p);
            } else if (current != null) {
                current.append('\n').append(p);
            }
        }
        if (current != null) items.add(current.toString());
        // Inline markers (一是…二是… in one paragraph) split further.
        List<String> split = new ArrayList<>();
        List<String> source = items.isEmpty() ? paragraphs : items;
        boolean inline = false;
        for (String item : source) {
            List<String> parts = splitInline(item);
            if (parts.size() > 1) inline = true;
            split.addAll(parts);
        }
        if (!items.isEmpty()) return split;
        if (inline) return split.stream().filter(Objectivity::startsNumbered).toList();
        List<String> sentences = new ArrayList<>();
        for (String p : paragraphs) {
            for (String s : SENTENCE_END.split(p)) {
                if (!s.isBlank()) sentences.add(s.strip());
            }
        }
        return sentences;
    }

    private static boolean startsNumbered(String s) {
        return ITEM_START.matcher(s).find();
    }

    private static List<String> splitInline(String paragraph) {
        Matcher m = INLINE.matcher(paragraph);
        List<Integer> starts = new ArrayList<>();
        while (m.find()) starts.add(m.start(1));
        if (starts.size() < 2) return List.of(paragraph);
        List<String> parts = new ArrayList<>();
        if (starts.get(0) > 0) {
            String head = paragraph.substring(0, starts.get(0)).strip();
            if (!head.isEmpty() && startsNumbered(head)) parts.add(head);
        }
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1) : paragraph.length();
            parts.add(paragraph.substring(starts.get(i), end).strip());
        }
        return parts;
    }

    /** How many points the text makes. */
    public static int pointCount(String text) {
        return points(text).size();
    }

    /** Characters of the text, white space not counted. */
    public static int length(String text) {
        return text == null ? 0 : (int) text.codePoints().filter(c -> !Character.isWhitespace(c) && c != '\u3000').count();
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

    /** Whether every point of the text uses a word of the list (and there is at least one point). */
    public static boolean onlyAbout(String text, List<String> words) {
        List<String> points = points(text);
        return !points.isEmpty() && points.stream().allMatch(p -> !wordsIn(p, words).isEmpty());
    }

    /** "“经费不足”“资金紧张”", for messages. */
    public static String quoted(List<String> words) {
        StringBuilder sb = new StringBuilder();
        for (String w : words) sb.append('“').append(w).append('”');
        return sb.toString();
    }
}
