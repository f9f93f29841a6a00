package io.selfeval.recognize;

import io.selfeval.document.Paragraph;
import io.selfeval.model.Location;
import io.selfeval.model.Section;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The headings of the report body. Numbering is unreliable after conversion (一、 next to 1、 next to （3）), so a
 * heading's level comes from its numbering style and, for arabic numbering, from its title words.
 */
public final class Outline {
    /** Compiled once (String.matches compiles on every call): a clause mark anywhere in a line. */
    private static final Pattern PUNCTUATED = Pattern.compile("[，,。；;：:]");
    private static final Pattern CHINESE = Pattern.compile("^([一二三四五六七八九十]{1,3})\\s*[、.．]\\s*(.+)$");
    private static final Pattern ARABIC = Pattern.compile("^(\\d{1,2})\\s*[、.．]\\s*(.+)$");
    private static final Pattern PAREN = Pattern.compile("^[（(]\\s*([一二三四五六七八九十\\d]{1,3})\\s*[)）]\\s*(.+)$");
    private static final Pattern CHAPTER = Pattern.compile("^第[一二三四五六七八九十\\d]{1,3}[部分章节]+\\s*(.+)$");
    /** Words of the genre's top-level parts: an arabic-numbered heading with them is a top-level heading. */
    private static final Pattern TOP_LEVEL_WORDS = Pattern.compile(
            "基本情况|预算支出情况|支出情况|绩效情况|存在的?问题|改进措施|工作建议|改进建议|结果.{0,6}应用|应用.{0,4}公开|其他需要说明|绩效自评结果");
    private static final int MAX_TITLE = 32;

    /** A heading: its line, level (1 top), and title as written (numbering included). */
    public record Heading(int line, int level, String title) {
    }

    private final List<Heading> headings = new ArrayList<>();
    private final TreeMap<Integer, Heading> byLine = new TreeMap<>();

    public Outline(List<Paragraph> body) {
        for (Paragraph p : body) {
            Heading h = heading(p);
            if (h != null) {
                headings.add(h);
                byLine.put(h.line(), h);
            }
        }
    }

    static Heading heading(Paragraph p) {
        String text = Numbers.normalize(p.text()).strip();
        String title;
        int level;
        Matcher m;
        if ((m = CHINESE.matcher(text)).matches()) {
            title = m.group(2);
            level = 1;
        } else if ((m = CHAPTER.matcher(text)).matches()) {
            title = m.group(1);
            level = 1;
        } else if ((m = PAREN.matcher(text)).matches()) {
            title = m.group(2);
            level = 2;
        } else if ((m = ARABIC.matcher(text)).matches()) {
            title = m.group(2);
            level = TOP_LEVEL_WORDS.matcher(title).find() ? 1 : 3;
        } else if (text.length() <= 24 && !PUNCTUATED.matcher(text).find() && TOP_LEVEL_WORDS.matcher(text).find()) {
            // An unnumbered heading line: "存在的问题及原因分析".
            title = text;
            level = 1;
        } else {
            return null;
        }
        String t = title.strip();
        // A numbered sentence is a list item, not a heading: long, or with a full stop.
        if (t.length() > MAX_TITLE || t.contains("。")) return null;
        return new Heading(p.line(), level, p.text().strip());
    }

    public List<Heading> headings() {
        return headings;
    }

    /** The top-level heading a line falls under, e.g. "二、一般公共预算支出情况"; null before the first. */
    public String topSectionAt(int line) {
        for (Map.Entry<Integer, Heading> e = byLine.floorEntry(line); e != null; e = byLine.lowerEntry(e.getKey())) {
            if (e.getValue().level() == 1) return e.getValue().title();
        }
        return null;
    }

    /** The nearest heading of any level a line falls under. */
    public String nearestHeadingAt(int line) {
        Map.Entry<Integer, Heading> e = byLine.floorEntry(line);
        return e == null ? null : e.getValue().title();
    }

    /** Section facts: every heading with the body text up to the next heading of the same or a higher level. */
    public List<Section> sections(List<Paragraph> body) {
        List<Section> out = new ArrayList<>();
        for (int i = 0; i < headings.size(); i++) {
            Heading h = headings.get(i);
            int end = Integer.MAX_VALUE;
            for (int j = i + 1; j < headings.size(); j++) {
                if (headings.get(j).level() <= h.level()) {
                    end = headings.get(j).line();
                    break;
                }
            }
            StringBuilder text = new StringBuilder();
            int paragraphs = 0;
            for (Paragraph p : body) {
                if (p.line() > h.line() && p.line() < end) {
                    if (text.length() > 0) text.append('\n');
                    text.append(p.text());
                    paragraphs++;
                }
            }
            Location loc = Location.narrative(h.title(), h.line(), h.title());
            for (Paragraph p : body) {
                if (p.line() == h.line()) loc = Sources.of(loc, p);
            }
            String under = text.toString();
            out.add(new Section(h.title(), h.level(), under, paragraphs, loc, SectionPoints.points(under), SectionPoints.length(under)));
        }
        return out;
    }
}
