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
    private final Reading reading;

    /**
     * What the recognizer read in the row's words, once: the target and actual as values (null when they are not
     * one), and the texts without spaces and with full-width signs made plain, which word lists are matched against.
     *
     * @param actualRestatesTarget the actual is the target's own text ("≥98%" for "≥98%", "98%" for "=98%")
     * @param actualIsRange        the actual begins with a comparison (≥, ≤, >, <, 不低于, 不少于, 不超过, 不高于)
     * @param targetHasQuantity    the target has a number, in digits or in Chinese numerals with a measure (三次, 两个百分点)
     */
    public record Reading(Quantity target, Quantity actual, boolean actualRestatesTarget, boolean actualIsRange,
                          boolean targetHasQuantity, String name, String targetText, String actualText, String reasonText) {
    }

    public Indicator(String sheetId, String level1, String level2, String level3, String target, String actual,
                     Amount weight, Amount score, String reason, Location location, Reading reading) {
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
        this.reading = reading;
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

    /** The 年度指标值 as a value, or null when it is not one (words, a date, several numbers). */
    public Quantity getTargetValue() { return reading.target(); }

    /** The 实际完成值 as a value ("达到96%" reads 96%), or null when it is not one. */
    public Quantity getActualValue() { return reading.actual(); }

    public boolean isActualRestatesTarget() { return reading.actualRestatesTarget(); }
    public boolean isActualIsRange() { return reading.actualIsRange(); }
    public boolean isTargetHasQuantity() { return reading.targetHasQuantity(); }

    /** The actual repeats the target's words and has no digit ("效果明显" for "效果明显"). */
    public boolean isActualCopiesTargetWords() {
        String a = reading.actualText();
        return !a.isEmpty() && a.equals(reading.targetText()) && a.chars().noneMatch(c -> c >= '0' && c <= '9');
    }

    /** Whether the first- or second-level name contains one of the words (the indicator's kind: 成本, 时效…). */
    public boolean ofKind(java.util.List<String> words) {
        for (String w : words) {
            if (level1.contains(w) || level2.contains(w)) return true;
        }
        return false;
    }

    /** Whether the name, target or actual contains one of the words. */
    public boolean mentionsAny(java.util.List<String> words) {
        for (String w : words) {
            if (reading.name().contains(w) || reading.targetText().contains(w) || reading.actualText().contains(w)) return true;
        }
        return false;
    }

    /** Whether the target contains one of the words. */
    public boolean targetMentionsAny(java.util.List<String> words) {
        for (String w : words) {
            if (reading.targetText().contains(w)) return true;
        }
        return false;
    }

    /** Whether the 偏差原因 cell is empty or only one of the words (无偏差, 无, —). */
    public boolean reasonEmptyOr(java.util.List<String> words) {
        return reading.reasonText().isEmpty() || words.contains(reading.reasonText());
    }

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
