package io.selfeval.rules;

import io.selfeval.rules.data.DroolsText;
import org.kie.api.builder.Message;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Drools' compile errors as the rule editor should read them: Chinese, with file and line, one per slip. */
final class CompileProblems {
    private CompileProblems() {
    }

    /**
     * The compiler's errors in Chinese with file and line. When a rule file's slip is a bracket,
     * quote or {@code end} left out, {@link DrlShape} names it once at its line instead of Drools' after-effects; the
     * parser's follow-on errors at the end of a file (input '' / '<eof>') are dropped after the first.
     */
    static List<String> of(List<Message> errors, Map<String, Path> byResourcePath,
                                                Map<String, String> drlText) {
        List<String> problems = new ArrayList<>();
        Set<String> filesWithLines = new HashSet<>();
        for (Message m : errors) {
            if (m.getLine() > 0) filesWithLines.add(String.valueOf(m.getPath()));
        }
        Set<Path> explained = new HashSet<>();
        for (Message m : errors) {
            Path file = m.getPath() == null ? null : byResourcePath.get(m.getPath());
            if (file == null || explained.contains(file) || !isSyntaxSlip(m.getText())) continue;
            String text = drlText.get(RuleBase.displayPath(file));
            List<DrlShape.Slip> slips = text == null ? List.of() : DrlShape.slips(text);
            // A slip explains the parser's error only if it comes before it (the parser trips after the slip).
            int firstParserError = errors.stream().filter(e -> file.equals(byResourcePath.get(String.valueOf(e.getPath()))))
                    .filter(e -> e.getText() != null && e.getText().contains("[ERR 1") && e.getLine() > 0)
                    .mapToInt(Message::getLine).min().orElse(Integer.MAX_VALUE);
            // (A Java syntax error in a consequence is reported at the rule's head, before the slip: no such bound.)
            if (slips.isEmpty() || (long) slips.get(0).line() > (long) firstParserError + 1) continue;
            explained.add(file);
            for (DrlShape.Slip slip : slips) problems.add(RuleBase.displayPath(file) + " 第" + slip.line() + "行：" + slip.message());
        }
        Set<String> afterFirst = new HashSet<>();
        for (Message m : errors) {
            // "Parser returned a null Package" (line 0) only repeats a syntax error already reported with its line.
            if (m.getLine() <= 0 && filesWithLines.contains(String.valueOf(m.getPath()))) continue;
            Path drl = m.getPath() == null ? null : byResourcePath.get(m.getPath());
            if (drl != null && explained.contains(drl)) continue;
            boolean followOn = m.getText() != null && m.getText().matches("(?s).*input '(<eof>)?'.*");
            if (!afterFirst.add(String.valueOf(m.getPath())) && followOn) continue;
            String text = DroolsText.drl(m.getText());
            Path file = m.getPath() == null ? null : byResourcePath.get(m.getPath());
            String where = file == null ? String.valueOf(m.getPath()) : RuleBase.displayPath(file);
            problems.add(where + (m.getLine() > 0 ? " 第" + m.getLine() + "行：" : "：") + text);
        }
        return problems;
    }

    /** A parser error, or a Java syntax error in a consequence: the kinds a left-out bracket, quote or end causes. */
    private static boolean isSyntaxSlip(String text) {
        if (text == null) return false;
        return text.contains("[ERR 1") || text.contains("Syntax error, insert") || text.contains("Parser returned a null Package")
                || text.matches("(?s).*(mismatched input|no viable alternative|extraneous input|missing \\S+ at).*");
    }

}
