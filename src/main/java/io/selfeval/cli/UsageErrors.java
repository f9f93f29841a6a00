package io.selfeval.cli;

import io.selfeval.rules.EditDistance;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * picocli's usage errors in Chinese: an unknown option or command with picocli's suggestion, a missing parameter, a
 * value of the wrong kind. Messages our own commands throw are Chinese already and pass as they are; one line says
 * where the help is (the whole usage text would bury the message).
 */
final class UsageErrors implements IParameterExceptionHandler {
    private record Known(Pattern pattern, String chinese) {
    }

    /** picocli's wording (4.7) of the errors that are not an exception type of their own. */
    private static final List<Known> KNOWN = List.of(
            new Known(Pattern.compile("Invalid value for option '([^']+)': '([^']*)' is not an? (int|long|integer)"),
                    "选项 $1 的值应为整数，实为“$2”"),
            new Known(Pattern.compile("Invalid value for option '([^']+)': '([^']*)' is not a[n]? ?(\\w+)"),
                    "选项 $1 的值“$2”不合要求"),
            new Known(Pattern.compile("Invalid value for option '([^']+)': (.*)"), "选项 $1 的值不合要求：$2"),
            new Known(Pattern.compile("Invalid value for positional parameter at index \\S+ \\(([^)]+)\\): (.*)"),
                    "参数 $1 的值不合要求：$2"),
            new Known(Pattern.compile("[Oo]ption '([^']+)' \\([^)]*\\) should be specified only once"), "选项 $1 只能写一次"),
            new Known(Pattern.compile("[Oo]ption '([^']+)' should be specified only once"), "选项 $1 只能写一次"),
            new Known(Pattern.compile("Expected parameter for option '([^']+)' but found '([^']*)'"),
                    "选项 $1 后面缺少它的值（接着的是“$2”）"),
            new Known(Pattern.compile("Unmatched arguments? from index \\d+: (.*)"), "多余的参数：$1"));

    private static final Pattern CJK = Pattern.compile("[\\u4e00-\\u9fff]");

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("用法错误：" + chinese(ex));
        if (ex instanceof UnmatchedArgumentException u) {
            List<String> suggestions = suggestions(u);
            if (!suggestions.isEmpty()) err.println("是否想写：" + String.join("、", suggestions) + "？");
        }
        err.println("运行“" + cmd.getCommandSpec().qualifiedName() + " --help”可查看用法。");
        err.flush();
        return Main.EXIT_USAGE;
    }

    /** picocli's suggestions, and for an option it does not know the nearest option name (picocli only matches prefixes). */
    private static List<String> suggestions(UnmatchedArgumentException u) {
        List<String> picocli = u.getSuggestions();
        if (!picocli.isEmpty() || !u.isUnknownOption() || u.getUnmatched().isEmpty()) return picocli;
        String typed = u.getUnmatched().get(0).replaceFirst("=.*", "");
        return u.getCommandLine().getCommandSpec().options().stream()
                .flatMap(o -> java.util.Arrays.stream(o.names()))
                .filter(name -> name.startsWith("--") && EditDistance.between(typed, name) <= 2)
                .sorted(java.util.Comparator.comparingInt(name -> EditDistance.between(typed, name)))
                .limit(1).toList();
    }

    static String chinese(ParameterException ex) {
        String message = ex.getMessage() == null ? "" : ex.getMessage().strip();
        if (CJK.matcher(message).find()) return message;
        if (ex instanceof UnmatchedArgumentException u) return unmatched(u);
        if (ex instanceof MissingParameterException m) return missing(m, message);
        for (Known k : KNOWN) {
            Matcher matcher = k.pattern().matcher(message);
            if (matcher.find()) return io.selfeval.rules.data.DroolsText.expand(matcher, k.chinese());
        }
        return message;
    }

    private static String unmatched(UnmatchedArgumentException u) {
        List<String> unmatched = u.getUnmatched();
        String what = unmatched.stream().map(s -> "“" + s + "”").collect(Collectors.joining("、"));
        if (u.isUnknownOption()) return "没有选项 " + what;
        boolean hasCommands = !u.getCommandLine().getSubcommands().isEmpty();
        return hasCommands ? "没有命令 " + what + "（可用的命令：" + String.join("、", u.getCommandLine().getSubcommands().keySet()) + "）"
                : "多余的参数 " + what;
    }

    private static String missing(MissingParameterException m, String message) {
        List<ArgSpec> missing = m.getMissing();
        if (missing == null || missing.isEmpty()) return "缺少参数（" + message + "）";
        if (message.startsWith("Missing required parameter for option") || message.startsWith("Expected parameter")) {
            return "选项 " + label(missing.get(0)) + " 后面缺少它的值";
        }
        return "缺少 " + missing.stream().map(UsageErrors::label).collect(Collectors.joining("、"));
    }

    private static String label(ArgSpec arg) {
        if (arg instanceof OptionSpec o) return "选项 " + o.longestName() + (o.paramLabel().isEmpty() ? "" : " " + o.paramLabel());
        if (arg instanceof PositionalParamSpec p) {
            String description = p.description().length > 0 ? "（" + p.description()[0] + "）" : "";
            return "参数 " + p.paramLabel() + description;
        }
        return arg.paramLabel();
    }
}
