package io.selfeval.model;

/** An attachment table found in the submission, by kind: 基础数据表, 整体支出绩效自评表, 项目支出绩效自评表, 考核评分表. */
public final class Attachment {
    public static final String BASIC_DATA = "基础数据表";
    public static final String OVERALL = "整体支出绩效自评表";
    public static final String PROJECT = "项目支出绩效自评表";
    public static final String RUBRIC = "考核评分表";

    private final String kind;
    private final String title;
    private final Location location;

    public Attachment(String kind, String title, Location location) {
        this.kind = kind;
        this.title = title;
        this.location = location;
    }

    public String getKind() { return kind; }
    public String getTitle() { return title; }
    public Location getLocation() { return location; }
}
