package io.selfeval.rules;

import io.selfeval.document.Cancellation;
import io.selfeval.model.Finding;
import io.selfeval.model.Relation;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Running the compiled rules over submissions: a pooled session per submission, with the rule data as globals and
 * facts, and a rule that throws left out of a rerun. {@link RuleBase} compiles and describes the rules; this runs them.
 * Thread-safe.
 */
final class RuleSessions {
    private final KieBase kieBase;
    /** Sessions are reused: dispose() resets one and returns it here, which is cheaper than building a new one. */
    private final KieSessionsPool sessions;
    private final RuleParameters parameters;
    private final List<Relation> relations;
    /** package/name → the rule's file, and the line of its "rule" keyword there. */
    private final Map<String, String> ruleFiles;
    private final Map<String, Integer> ruleLines;
    /** The wordings the rules' messages are rendered with (messages.properties). */
    private final MessageTemplates messages;
    /** The rule base without rules that failed, by the set of rules left out (package/name); built when needed. */
    private final Map<Set<String>, KieBase> withoutRules = new ConcurrentHashMap<>();

    RuleSessions(KieBase kieBase, KieSessionsPool sessions, RuleParameters parameters, List<Relation> relations,
                 Map<String, String> ruleFiles, Map<String, Integer> ruleLines, MessageTemplates messages) {
        this.kieBase = kieBase;
        this.sessions = sessions;
        this.parameters = parameters;
        this.relations = relations;
        this.ruleFiles = ruleFiles;
        this.ruleLines = ruleLines;
        this.messages = messages;
    }

    /**
     * Runs the rules over one submission's facts in a session of its own and returns what they found.
     * Globals: {@code findings} (the collector) and {@code params} (rule data); relations are inserted as facts.
     * A rule that throws is left out and the submission run again without it, so the other rules' findings still
     * count; the failure is returned with the rule's name, file and line. An exception that names no rule ends the run
     * with that one failure and no findings.
     */
    RuleBase.Outcome run(Collection<?> facts) {
        Set<String> left = new java.util.LinkedHashSet<>();
        List<RuleFailure> failures = new ArrayList<>();
        while (true) {
            try {
                return new RuleBase.Outcome(runOnce(left.isEmpty() ? kieBase : without(left), facts), List.copyOf(failures));
            } catch (Cancellation.CancelledException e) {
                throw e; // the check was given up, not a rule failure
            } catch (RuntimeException e) {
                List<String> keys = ruleKeys(RuleFailures.ruleNames(e));
                keys.removeAll(left);
                String cause = RuleFailures.cause(e);
                if (keys.isEmpty()) {
                    failures.add(RuleFailure.of(null, null, null, cause));
                    return new RuleBase.Outcome(List.of(), List.copyOf(failures));
                }
                for (String key : keys) {
                    String name = key.substring(key.indexOf('/') + 1);
                    failures.add(RuleFailure.of(name, ruleFiles.get(key), ruleLines.get(key), cause));
                }
                left.addAll(keys);
                org.slf4j.LoggerFactory.getLogger(RuleBase.class).debug("规则 {} 运行出错", keys, e);
            }
        }
    }

    private List<Finding> runOnce(KieBase base, Collection<?> facts) {
        // the pooled sessions are of the whole rule base; one without a failed rule gets a session of its own
        KieSession session = base == kieBase ? sessions.newKieSession() : base.newKieSession();
        try {
            FindingCollector collector = new FindingCollector(ruleFiles, messages);
            session.setGlobal("findings", collector);
            session.setGlobal("params", parameters);
            relations.forEach(session::insert);
            facts.forEach(session::insert);
            // an abandoned check fires nothing more: the filter turns every remaining match down
            session.fireAllRules(match -> !Cancellation.requested());
            Cancellation.checkpoint();
            return collector.findings();
        } finally {
            session.dispose();
        }
    }

    /** The package/name keys of the rules with these names. */
    private List<String> ruleKeys(List<String> names) {
        List<String> keys = new ArrayList<>();
        for (String name : names) {
            ruleFiles.keySet().stream().filter(k -> k.substring(k.indexOf('/') + 1).equals(name)).sorted().forEach(keys::add);
        }
        return keys;
    }

    /**
     * A copy of the compiled rule base without some rules: the compiled packages are added to a new base (Drools
     * clones a package already in use) and the rules removed from it, so nothing is compiled again and the shared
     * base is untouched.
     */
    private KieBase without(Set<String> ruleKeys) {
        return withoutRules.computeIfAbsent(Set.copyOf(ruleKeys), keys -> {
            ClassLoader loader = ((org.drools.core.impl.InternalRuleBase) kieBase).getRootClassLoader();
            org.drools.kiesession.rulebase.InternalKnowledgeBase copy = org.drools.kiesession.rulebase.KnowledgeBaseFactory
                    .newKnowledgeBase(KieServices.Factory.get().newKieBaseConfiguration(null, loader));
            copy.addPackages(kieBase.getKiePackages());
            for (String key : keys) {
                int slash = key.indexOf('/');
                copy.removeRule(key.substring(0, slash), key.substring(slash + 1));
            }
            return copy;
        });
    }
}
