package io.selfeval.rules.data;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

/**
 * One filled cell of a rule-data table (*.drl.xlsx). Every row of such a table is compiled by Drools into a rule
 * whose actions insert one TableCell per filled cell: {@code insert(new TableCell(kcontext, "参数值", "$param"));}.
 * The rule names the row ("参数_15" is row 15 of table 参数), its resource names the file, so every value can be traced
 * back to its cell.
 */
public final class TableCell {
    private final String rule;
    private final String resource;
    private final String column;
    private final String value;

    public TableCell(RuleContext kcontext, String column, String value) {
        Rule r = kcontext.getRule();
        this.rule = r.getName();
        this.resource = r instanceof RuleImpl impl && impl.getResource() != null ? impl.getResource().getSourcePath() : null;
        this.column = column;
        this.value = value;
    }

    public TableCell(String rule, String resource, String column, String value) {
        this.rule = rule;
        this.resource = resource;
        this.column = column;
        this.value = value;
    }

    /** The name of the rule the row became, e.g. "参数_15". */
    public String getRule() { return rule; }
    /** The generated rule resource the row came from (see {@link DecisionTables}). */
    public String getResource() { return resource; }
    /** The column name given in the table's action, e.g. "参数值". */
    public String getColumn() { return column; }
    public String getValue() { return value; }

    @Override
    public String toString() {
        return rule + "[" + column + "]=" + value;
    }
}
