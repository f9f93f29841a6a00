package io.selfeval.model;

/**
 * One scored item of a score sheet: an indicator row (一级/二级/三级, 年度指标值, 实际完成值, 分值, 得分, 偏差原因)
 * or the 预算执行率 item. Merged 一级/二级 cells are already repeated on every row they span.
 */
public final class Indicator {
    public static final String RATE_ITEM = "预算执行率";

    private final String sheetId;
    private final String level1;
    private final String level2;
    private final String level3;
    private final String target;
    private final String actual;
    private final Amount weight;
    private final Amount score;
    private final String reason;
    private final Location location;

    public Indicator(String sheetId, String level1, String level2, String level3, String target, String actual,
                     Amount weight, Amount score, String reason, Location location) {
        this.sheetId = sheetId;
        this.level1 = nz(level1);
        this.level2 = nz(level2);
        this.level3 = nz(level3);
        this.target = nz(target);
        this.actual = nz(actual);
        this.weight = weight;
        this.score = score;
        this.reason = nz(reason);
        this.location = location;
    }

    private static String nz(String s) {
        return s == null ? "" : s.strip();
    }

    public String getSheetId() { return sheetId; }
    public String getLevel1() { return level1; }
    public String getLevel2() { return level2; }
    public String getLevel3() { return level3; }
    public String getTarget() { return target; }
    public String getActual() { return actual; }
    public Amount getWeight() { return weight; }
    public Amount getScore() { return score; }
    public String getReason() { return reason; }
    public Location getLocation() { return location; }

    public boolean isRateItem() {
        return level1.contains(RATE_ITEM);
    }

    /** Name for messages: the third-level indicator, else the most specific level given. */
    public String getName() {
        if (!level3.isEmpty()) return level3;
        if (!level2.isEmpty()) return level2;
        return level1;
    }
}
