package io.selfeval.rules;

import java.util.List;

/** Rules on disk that cannot be used: each message names the file, the line and what is wrong, in Chinese. */
public final class RuleCompileException extends Exception {
    private final List<String> problems;

    public RuleCompileException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> getProblems() {
        return problems;
    }
}
