package io.selfeval.rules;

import org.kie.api.runtime.rule.ConsequenceException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which rule an exception out of a Drools session came from. A consequence says so itself
 * ({@link ConsequenceException#getRule()}); a condition that throws says it only in its message
 * ("Error evaluating constraint '…' in [Rule "预算调整幅度大" in selfeval/execution/execution.drl]"), and one condition
 * shared by several rules names them all.
 */
final class RuleFailures {
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

    private RuleFailures() {
    }

    /** The names of the rules the exception names, in order; empty when it names none. */
    static List<String> ruleNames(Throwable e) {
        List<String> names = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConsequenceException ce && ce.getRule() != null) {
                names.add(ce.getRule().getName());
                return names;
            }
            String msg = t.getMessage();
            int at = msg == null ? -1 : msg.lastIndexOf("' in [Rule ");
            if (at >= 0) {
                Matcher m = QUOTED.matcher(msg.substring(at));
                while (m.find()) names.add(m.group(1));
                return names;
            }
            if (t.getCause() == t) break;
        }
        return names;
    }

    /** The innermost cause, which says what went wrong ("ArithmeticException：Division by zero"). */
    static String cause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String msg = root.getMessage();
        String name = root.getClass().getSimpleName();
        return msg == null || msg.isBlank() ? name : name + "：" + msg.strip().lines().findFirst().orElse("");
    }
}
