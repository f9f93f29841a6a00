package io.selfeval.model;

/**
 * One amount the report states: a subject (基本支出, 公用经费, 公务接待 …), a measure (年初预算, 全年预算, 执行 …),
 * a scope (部门 or one project), the place it was read from (正文 or a table) and a group that ties figures
 * read together (one sentence, one table column).
 */
public final class Figure {
    /** Measures. */
    public static final String INITIAL_BUDGET = "年初预算";
    public static final String BUDGET = "全年预算";
    public static final String SPENT = "执行";
    public static final String PRIOR_SPENT = "上年决算";
    /** A head count (编制数, 在职人数) at year end; its amounts are in 人. */
    public static final String HEADCOUNT = "人数";

    /** Scope of the whole unit. */
    public static final String DEPARTMENT = "部门";
    /** Source name for the narrative. */
    public static final String NARRATIVE = "正文";

    private final String subject;
    private final String measure;
    private final String scope;
    private final String source;
    private final String group;
    private final Amount value;
    private final Location location;

    public Figure(String subject, String measure, String scope, String source, String group, Amount value, Location location) {
        this.subject = subject;
        this.measure = measure;
        this.scope = scope;
        this.source = source;
        this.group = group;
        this.value = value;
        this.location = location;
    }

    public String getSubject() { return subject; }
    public String getMeasure() { return measure; }
    public String getScope() { return scope; }
    public String getSource() { return source; }
    public String getGroup() { return group; }
    public Amount getValue() { return value; }
    public Location getLocation() { return location; }

    public boolean isNarrative() {
        return NARRATIVE.equals(source);
    }

    @Override
    public String toString() {
        return source + ":" + scope + ":" + subject + "/" + measure + "=" + value;
    }
}
