package io.selfeval.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The messages rule files name ({@code Message.of("KEY", "name", value, …)}), checked against the message file when
 * the rules are loaded, as {@link ParameterUses} checks parameter names: a key the file lacks, a wording that uses an
 * argument the rule never passes, a key or argument name that is not written out literally, and a report whose
 * message is literal text are problems with file and line, so {@code rules verify} and every start stop on them
 * instead of a report being checked with a broken message.
 */
final class MessageUses {
    private static final Pattern MESSAGE = Pattern.compile("\\bMessage\\s*\\.\\s*of\\s*\\(");
    private static final Pattern REPORT = Pattern.compile("\\bfindings\\s*\\.\\s*report\\s*\\(");

    private MessageUses() {
    }

    /**
     * One {@code Message.of(...)} of a rule file: the rule it is in, the keys it may name (one, or the branches of a
     * {@code ? :} choice), the argument names it passes, its 1-based line, and what is wrong with how it is written.
     */
    record Use(String rule, List<String> keys, Set<String> args, int line, String problem) {
    }

    static List<Use> uses(String drl) {
        String code = DrlSource.withoutComments(drl);
        List<Use> out = new ArrayList<>();
        Matcher m = MESSAGE.matcher(code);
        while (m.find()) {
            if (DrlSource.inString(code, m.start())) continue;
            List<String> args = DrlSource.arguments(code, m.end());
            if (args == null) continue; // not closed: the compiler reports that
            int line = DrlSource.lineOf(code, m.start());
            String rule = ruleAt(code, m.start());
            if (args.isEmpty()) {
                out.add(new Use(rule, List.of(), Set.of(), line, "Message.of(...) 没有写消息名"));
                continue;
            }
            List<String> keys = keys(args.get(0));
            String problem = keys == null
                    ? "消息名须直接写成带引号的文字（如 Message.of(\"EXE_RATE_MISMATCH\", …)，或用 条件 ? \"甲\" : \"乙\" 选一条），才能在载入时核对"
                    : null;
            Set<String> names = new LinkedHashSet<>();
            if ((args.size() - 1) % 2 != 0 && problem == null) {
                problem = "消息 " + String.join("/", keys) + " 的参数应为“名称, 值”成对写出";
            }
            for (int i = 1; i < args.size(); i += 2) {
                String name = DrlSource.literal(args.get(i));
                if (name == null || !MessageTemplate.NAME.matcher(name).matches()) {
                    if (problem == null) {
                        problem = "消息的参数名须写成带引号的英文名称（如 \"budget\"），实为 " + args.get(i).strip();
                    }
                } else {
                    names.add(name);
                }
            }
            out.add(new Use(rule, keys == null ? List.of() : keys, names, line, problem));
        }
        return out;
    }

    /** The keys a key expression can give: a literal, or a choice between them; null when it is anything else. */
    static List<String> keys(String expression) {
        String e = DrlSource.unparenthesized(expression.strip());
        String literal = DrlSource.literal(e);
        if (literal != null) return MessageTemplates.KEY.matcher(literal).matches() ? List.of(literal) : null;
        int question = DrlSource.topLevel(e, '?', 0);
        if (question < 0) return null;
        int colon = DrlSource.matchingColon(e, question + 1);
        if (colon < 0) return null;
        List<String> yes = keys(e.substring(question + 1, colon));
        List<String> no = keys(e.substring(colon + 1));
        if (yes == null || no == null) return null;
        List<String> both = new ArrayList<>(yes);
        no.stream().filter(k -> !both.contains(k)).forEach(both::add);
        return both;
    }

    /** Lines of {@code findings.report(kcontext, where, "…")}: a report whose message is text, not a message key. */
    static List<Integer> literalReports(String drl) {
        String code = DrlSource.withoutComments(drl);
        List<Integer> lines = new ArrayList<>();
        Matcher m = REPORT.matcher(code);
        while (m.find()) {
            if (DrlSource.inString(code, m.start())) continue;
            List<String> args = DrlSource.arguments(code, m.end());
            if (args == null || args.size() < 3) continue;
            String message = args.get(2).strip();
            if (message.startsWith("\"")) lines.add(DrlSource.lineOf(code, m.start()));
        }
        return lines;
    }

    /**
     * Every problem of the rule files' messages (display path → text) against the message file, as
     * "rules/execution.drl 第20行：…" or "rules/messages.properties 第12行：…".
     */
    static List<String> problems(Map<String, String> drlByFile, MessageTemplates messages) {
        List<String> problems = new ArrayList<>();
        boolean anyUse = false;
        for (Map.Entry<String, String> e : drlByFile.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            String file = e.getKey();
            for (Use u : uses(e.getValue())) {
                anyUse = true;
                String at = file + " 第" + u.line() + "行：";
                if (u.problem() != null) {
                    problems.add(at + u.problem());
                    continue;
                }
                if (!messages.present()) continue;
                for (String key : u.keys()) {
                    MessageTemplate t = messages.get(key).orElse(null);
                    if (t == null) {
                        String hint = EditDistance.nearest(key, messages.keys());
                        problems.add(at + "规则“" + u.rule() + "”用到消息 " + key + "，但消息文件（" + messages.where() + "）中没有这一条"
                                + (hint == null ? "" : "（是否应为 " + hint + "？）"));
                        continue;
                    }
                    for (String name : t.placeholders()) {
                        if (u.args().contains(name)) continue;
                        String hint = EditDistance.nearest(name, u.args());
                        problems.add(messages.where() + " 第" + t.line() + "行：消息 " + key + " 用到参数 {" + name + "}，但规则“" + u.rule()
                                + "”（" + file + " 第" + u.line() + "行）没有传入这个参数（传入的有："
                                + (u.args().isEmpty() ? "无" : String.join("、", u.args())) + "）"
                                + (hint == null ? "" : "，是否应为 {" + hint + "}？"));
                    }
                }
            }
            for (int line : literalReports(e.getValue())) {
                problems.add(file + " 第" + line + "行：findings.report 的消息直接写了文字；措辞应写在消息文件（" + messages.where()
                        + "）中，规则写 Message.of(\"消息名\", \"参数名\", 值, …)");
            }
        }
        if (anyUse && !messages.present()) {
            problems.add(0, "规则目录中没有消息文件 " + MessageTemplates.FILE + "（规则报告问题时用到的措辞写在这里），应为 " + messages.where());
        }
        return problems;
    }

    /**
     * What {@code rules verify} warns about (the rules still run): a key of the message file no rule names (left over
     * from a removed rule, or misspelt), and a rule naming a message of another code (a rule copied from another whose
     * key was not changed) — keys are the rule's own code, or the code and a variant ("EXE_RATE_MISMATCH.table").
     */
    static List<String> warnings(Map<String, String> drlByFile, MessageTemplates messages, Map<String, String> codeOfRule) {
        Set<String> used = new HashSet<>();
        List<String> out = new ArrayList<>();
        drlByFile.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            for (Use u : uses(e.getValue())) {
                used.addAll(u.keys());
                String code = codeOfRule.get(u.rule());
                if (code == null || code.isBlank()) continue;
                for (String key : u.keys()) {
                    if (!key.equals(code) && !key.startsWith(code + ".")) {
                        out.add(e.getKey() + " 第" + u.line() + "行：规则“" + u.rule() + "”的问题代码是 " + code + "，却用了消息 " + key
                                + "（消息名应为问题代码，或问题代码加“.说法”，如 " + code + ".narrative）");
                    }
                }
            }
        });
        for (String key : messages.keys()) {
            if (!used.contains(key)) {
                out.add(messages.where() + " 第" + messages.get(key).orElseThrow().line() + "行：消息 " + key + " 没有规则使用");
            }
        }
        return out;
    }

    private static String ruleAt(String code, int offset) {
        Matcher m = DrlHeads.RULE_HEAD.matcher(code);
        String name = "";
        while (m.find() && m.start() < offset) {
            name = DrlHeads.name(m);
        }
        return name;
    }

}
