package io.selfeval.model;

/**
 * A stated identity or claim: the unit's name in the cover, title or a table; the fiscal year; the overall
 * self-score; the grade. Kind says which, where says in which part of the report.
 */
public final class Mention {
    public static final String UNIT = "单位名称";
    public static final String ALIAS = "简称";
    public static final String YEAR = "年度";
    public static final String SELF_SCORE = "自评得分";
    public static final String GRADE = "评价等级";

    private final String kind;
    private final String where;
    private final String text;
    private final Amount number;
    private final Location location;

    public Mention(String kind, String where, String text, Amount number, Location location) {
        this.kind = kind;
        this.where = where;
        this.text = text;
        this.number = number;
        this.location = location;
    }

    public String getKind() { return kind; }
    /** 封面, 标题, 正文, or a table's name. */
    public String getWhere() { return where; }
    public String getText() { return text; }
    public Amount getNumber() { return number; }
    public Location getLocation() { return location; }
}
