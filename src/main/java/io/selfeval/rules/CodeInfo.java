package io.selfeval.rules;

import io.selfeval.model.Severity;

/**
 * One finding code of the catalog (问题代码表, rules/codes.drl.xlsx): the code, its Chinese name, default severity and
 * explanation, and the row it was read from.
 */
public record CodeInfo(String code, String name, Severity severity, String description, String source) {
}
