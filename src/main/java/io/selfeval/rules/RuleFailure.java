package io.selfeval.rules;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A rule that threw while checking a submission: a problem of the rule, not of the report. The other rules' findings
 * still count; this rule's conclusion is missing for that submission.
 *
 * @param rule    the rule's name, or null when Drools did not say which rule failed
 * @param file    its rule file ("rules/execution.drl"), or null
 * @param line    the line its {@code rule} keyword is on, or null
 * @param cause   what went wrong ("ArithmeticException：Division by zero")
 * @param message the whole explanation in Chinese, for reports
 */
@JsonPropertyOrder({"rule", "file", "line", "cause", "message"})
public record RuleFailure(String rule, String file, Integer line, String cause, String message) {
    static RuleFailure of(String rule, String file, Integer line, String cause) {
        String where = file == null ? "" : "（" + file + (line == null ? "" : " 第" + line + "行") + "）";
        String who = rule == null ? "一条规则（Drools 未指明是哪一条）" : "规则“" + rule + "”" + where;
        return new RuleFailure(rule, file, line, cause,
                who + "在检查时出错：" + cause + "。这是规则的问题，不是报告的问题；这条规则对本报告没有结论，其他规则的结果照常有效。");
    }
}
