package io.selfeval.model;

/** A first-level indicator heading of a score sheet with what it states: "产出指标(50分)", "(二)产出指标(分值50分，得50分)". */
public final class IndicatorGroup {
    private final String sheetId;
    private final String name;
    private final Amount statedWeight;
    private final Amount statedScore;
    private final Location location;

    public IndicatorGroup(String sheetId, String name, Amount statedWeight, Amount statedScore, Location location) {
        this.sheetId = sheetId;
        this.name = name;
        this.statedWeight = statedWeight;
        this.statedScore = statedScore;
        this.location = location;
    }

    public String getSheetId() { return sheetId; }
    /** Normalised first-level name: 产出指标, 效益指标, 满意度指标, 预算执行率. */
    public String getName() { return name; }
    public Amount getStatedWeight() { return statedWeight; }
    public Amount getStatedScore() { return statedScore; }
    public Location getLocation() { return location; }
}
