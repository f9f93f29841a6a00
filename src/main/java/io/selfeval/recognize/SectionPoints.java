package io.selfeval.recognize;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The points a section of the narrative makes, read once when the section is found (rules count them: 存在问题 and
 * 改进措施 must make enough points, and not only about money).
 * <p>
 * Points are the numbered items of the section: a paragraph starting with 1、 / 1. / （一） / 一、 / 一是 / 第一，
 * or inline markers 一是…二是… inside a paragraph; text before the first item (an introduction) is no point of its own.
 * A section without any numbering makes one point per sentence (ended by 。！？；).
 */
final class SectionPoints {
    private static final String CN = "[一二三四五六七八九十]{1,3}";
    /** A paragraph that starts a numbered item. */
    private static final Pattern ITEM_START = Pattern.compile("^\\s*(?:\\d{1,2}\\s*[、.．)）]|[（(]\\s*(?:" + CN + "|\\d{1,2})\\s*[)）]"
            + "|" + CN + "\\s*[、.．]|" + CN + "是|第" + CN + "[，,、：:是])");
    /** Inline ordinal markers inside a paragraph: 一是 … 二是 …, 第一，… 第二，…. */
    private static final Pattern INLINE = Pattern.compile("(?:^|[。；;，,：:\\s])(" + CN + "是|第" + CN + "[，,、：:])");
    private static final Pattern SENTENCE_END = Pattern.compile("[。！？；;!?]+");

    private SectionPoints() {
    }

    /** The points the text makes (see the class comment). */
    static List<String> points(String text) {
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
        if (inline) return split.stream().filter(SectionPoints::startsNumbered).toList();
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

    /** Characters of the text, white space not counted. */
    static int length(String text) {
        return text == null ? 0 : (int) text.codePoints().filter(c -> !Character.isWhitespace(c) && c != '\u3000').count();
    }

}
