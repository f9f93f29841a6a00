package io.selfeval.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a rule found: code (and its Chinese name from the code table, once the checker has named it), severity, the rule and
 * its file, a Chinese message, where, and the figures that prove it.
 */
@JsonPropertyOrder({"code", "name", "severity", "rule", "ruleFile", "message", "location", "evidence", "deduction"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class Finding {
    private final String code;
    private final String name;
    private final Severity severity;
    private final String rule;
    private final String ruleFile;
    private final String message;
    private final Location location;
    private final Map<String, Object> evidence;
    private final Deduction deduction;
    /** The message file's key and the arguments the rule filled it with; null for findings no rule made. */
    private final String messageKey;
    private final Map<String, Object> messageArgs;

    public Finding(String code, Severity severity, String rule, String ruleFile, String message, Location location,
                   Map<String, Object> evidence, Deduction deduction) {
        this(code, null, severity, rule, ruleFile, message, location, evidence, deduction, null, null);
    }

    /** A finding a rule reported: its message rendered from the message file's {@code messageKey} with {@code messageArgs}. */
    public Finding(String code, Severity severity, String rule, String ruleFile, String message, Location location,
                   Map<String, Object> evidence, Deduction deduction, String messageKey, Map<String, Object> messageArgs) {
        this(code, null, severity, rule, ruleFile, message, location, evidence, deduction, messageKey, messageArgs);
    }

    private Finding(String code, String name, Severity severity, String rule, String ruleFile, String message,
                    Location location, Map<String, Object> evidence, Deduction deduction, String messageKey,
                    Map<String, Object> messageArgs) {
        this.code = code;
        this.name = name;
        this.severity = severity;
        this.rule = rule;
        this.ruleFile = ruleFile;
        this.message = message;
        this.location = location;
        this.evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
        this.deduction = deduction;
        this.messageKey = messageKey;
        this.messageArgs = messageArgs == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(messageArgs));
    }

    public String getCode() { return code; }
    /** The code's Chinese name from the rules folder's code table; null until named, or for a code it lacks. */
    public String getName() { return name; }
    public Severity getSeverity() { return severity; }
    public String getRule() { return rule; }
    public String getRuleFile() { return ruleFile; }
    public String getMessage() { return message; }
    public Location getLocation() { return location; }
    public Map<String, Object> getEvidence() { return evidence; }
    public Deduction getDeduction() { return deduction; }
    /** The key of the message file the message was rendered from (not in the reports: they show the message). */
    @JsonIgnore public String getMessageKey() { return messageKey; }
    /** The named values the message was filled with, as the rule passed them (not in the reports). */
    @JsonIgnore public Map<String, Object> getMessageArgs() { return messageArgs; }

    public Finding withDeduction(Deduction d) {
        return new Finding(code, name, severity, rule, ruleFile, message, location, evidence, d, messageKey, messageArgs);
    }

    public Finding withName(String n) {
        return new Finding(code, n, severity, rule, ruleFile, message, location, evidence, deduction, messageKey, messageArgs);
    }
}
