package io.selfeval.rules;

import io.selfeval.model.Finding;
import io.selfeval.model.Location;
import io.selfeval.model.Severity;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The global {@code findings} of every session: rules call {@link #report} from their consequence. Code and
 * severity come from the rule's metadata ({@code @code(...)}, {@code @severity(...)}), so policy staff change them
 * in the rule file; the wording comes from the message file ({@link MessageTemplates}), filled with the rule's
 * arguments.
 */
public final class FindingCollector {
    private final Map<String, String> ruleFiles;
    private final MessageTemplates messages;
    private final List<Finding> findings = new ArrayList<>();

    FindingCollector(Map<String, String> ruleFiles, MessageTemplates messages) {
        this.ruleFiles = ruleFiles;
        this.messages = messages;
    }

    /**
     * Records a finding: its message rendered from the message file, its evidence given as alternating names and
     * values: {@code report(kcontext, loc, Message.of("EXE_RATE_MISMATCH.narrative", "stated", "100%", …),
     * "stated", "100%", "computed", "98.49%")}.
     */
    public void report(RuleContext kcontext, Location location, Message message, Object... evidence) {
        Rule rule = kcontext.getRule();
        String code = meta(rule, "code");
        if (code == null) {
            throw new IllegalStateException("规则“" + rule.getName() + "”缺少 @code(...) 元数据");
        }
        Severity severity = Severity.parse(meta(rule, "severity"), Severity.WARNING);
        Map<String, Object> ev = new LinkedHashMap<>();
        for (int i = 0; i + 1 < evidence.length; i += 2) {
            ev.put(String.valueOf(evidence[i]), jsonValue(evidence[i + 1]));
        }
        findings.add(new Finding(code, severity, rule.getName(), ruleFiles.get(rule.getPackageName() + "/" + rule.getName()),
                messages.render(message), location, ev, null, message.key(), message.args()));
    }

    private static Object jsonValue(Object v) {
        if (v instanceof io.selfeval.model.Amount a) return a.getValue();
        if (v instanceof Double d) return BigDecimal.valueOf(d);
        return v;
    }

    static String meta(Rule rule, String key) {
        Object v = rule.getMetaData().get(key);
        return v == null ? null : v.toString().replace("\"", "").strip();
    }

    public List<Finding> findings() {
        return findings;
    }
}
