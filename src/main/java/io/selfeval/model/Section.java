package io.selfeval.model;

/** A section of the report body, found by its heading; text is the body under the heading. */
public final class Section {
    private final String title;
    private final int level;
    private final String text;
    private final int paragraphs;
    private final Location location;

    public Section(String title, int level, String text, int paragraphs, Location location) {
        this.title = title;
        this.level = level;
        this.text = text;
        this.paragraphs = paragraphs;
        this.location = location;
    }

    public String getTitle() { return title; }
    /** 1 for 一、-style headings, 2 for （一）-style ones. */
    public int getLevel() { return level; }
    public String getText() { return text; }
    public int getParagraphs() { return paragraphs; }
    public Location getLocation() { return location; }
}
