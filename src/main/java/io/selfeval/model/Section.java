package io.selfeval.model;

import java.util.List;

/**
 * A section of the report body, found by its heading; text is the body under the heading, points the items it makes
 * (numbered items, else sentences) and textLength its characters without white space.
 */
public final class Section {
    private final String title;
    private final int level;
    private final String text;
    private final int paragraphs;
    private final Location location;
    private final List<String> points;
    private final int textLength;

    public Section(String title, int level, String text, int paragraphs, Location location, List<String> points,
                   int textLength) {
        this.title = title;
        this.level = level;
        this.text = text;
        this.paragraphs = paragraphs;
        this.location = location;
        this.points = List.copyOf(points);
        this.textLength = textLength;
    }

    public String getTitle() { return title; }
    /** 1 for 一、-style headings, 2 for （一）-style ones. */
    public int getLevel() { return level; }
    public String getText() { return text; }
    public int getParagraphs() { return paragraphs; }
    public Location getLocation() { return location; }
    public List<String> getPoints() { return points; }
    public int getPointCount() { return points.size(); }
    public int getTextLength() { return textLength; }
}
