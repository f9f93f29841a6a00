package io.selfeval.cli;

import java.util.List;

/**
 * An expected failure of a command: the lines are printed to stderr as they are (Chinese, no stack trace) and the
 * run ends with the exit status.
 */
final class CliException extends RuntimeException {
    private final int exitCode;
    private final List<String> lines;

    CliException(int exitCode, String message) {
        this(exitCode, List.of(message));
    }

    CliException(int exitCode, List<String> lines) {
        super(String.join("\n", lines));
        this.exitCode = exitCode;
        this.lines = List.copyOf(lines);
    }

    int exitCode() { return exitCode; }

    List<String> lines() { return lines; }

    static CliException usage(String message) {
        return new CliException(Main.EXIT_USAGE, message);
    }
}
