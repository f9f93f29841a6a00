package io.selfeval.model;

/**
 * A scored self-evaluation: the 整体支出绩效自评表, one 项目支出绩效自评表, or scoring written in the narrative.
 * Holds the stated total and the execution-rate item's inputs; the indicator rows are {@link Indicator} facts.
 */
public final class ScoreSheet {
    public static final String OVERALL = "整体支出";
    public static final String PROJECT = "项目支出";
    public static final String NARRATIVE = "正文评分";

    private final String id;
    private final String kind;
    private final String name;
    private Amount totalWeight;
    private Amount totalScore;
    private Location totalLocation;
    private Amount budget;
    private Amount spent;
    private Amount statedRate;
    private Location rateLocation;
    private final Location location;

    public ScoreSheet(String id, String kind, String name, Location location) {
        this.id = id;
        this.kind = kind;
        this.name = name;
        this.location = location;
    }

    public String getId() { return id; }
    public String getKind() { return kind; }
    /** Table title, or the project name for a project sheet. */
    public String getName() { return name; }
    public Location getLocation() { return location; }
    /** 总分 row's 分值 (usually 100). */
    public Amount getTotalWeight() { return totalWeight; }
    /** 总分 row's 得分, or the narrative's "得分99分" for narrative scoring. */
    public Amount getTotalScore() { return totalScore; }
    public Location getTotalLocation() { return totalLocation; }
    public Amount getBudget() { return budget; }
    public Amount getSpent() { return spent; }
    public Amount getStatedRate() { return statedRate; }
    public Location getRateLocation() { return rateLocation; }

    public void setTotal(Amount weight, Amount score, Location where) {
        this.totalWeight = weight;
        this.totalScore = score;
        this.totalLocation = where;
    }

    public void setFunds(Amount budget, Amount spent, Amount statedRate, Location where) {
        this.budget = budget;
        this.spent = spent;
        this.statedRate = statedRate;
        this.rateLocation = where;
    }

    public boolean isOverall() {
        return !PROJECT.equals(kind);
    }
}
