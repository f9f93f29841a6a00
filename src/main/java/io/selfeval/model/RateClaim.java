package io.selfeval.model;

/**
 * A stated rate with the two figures it should equal the quotient of: an execution rate (执行数 ÷ 全年预算数) or a
 * staffing control rate (实际在职人数 ÷ 编制数).
 */
public final class RateClaim {
    public static final String EXECUTION = "预算执行率";
    public static final String STAFF = "人员控制率";

    private final String kind;
    private final String subject;
    private final Amount stated;
    private final Amount numerator;
    private final Amount denominator;
    private final Location location;

    public RateClaim(String kind, String subject, Amount stated, Amount numerator, Amount denominator, Location location) {
        this.kind = kind;
        this.subject = subject;
        this.stated = stated;
        this.numerator = numerator;
        this.denominator = denominator;
        this.location = location;
    }

    public String getKind() { return kind; }
    /** What the rate is about, e.g. 资金总额, 项目支出, 财政供养人员. */
    public String getSubject() { return subject; }
    /** The stated rate in percent (100 for "100%"). */
    public Amount getStated() { return stated; }
    public Amount getNumerator() { return numerator; }
    public Amount getDenominator() { return denominator; }
    public Location getLocation() { return location; }
}
