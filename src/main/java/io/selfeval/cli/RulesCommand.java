package io.selfeval.cli;

import io.selfeval.rules.RuleBase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code rules verify|list|test}: the rule folder on its own. */
@Command(name = "rules", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "规则文件夹：verify 编译检查，list 列出规则，test 运行规则自测（后续版本）。",
        subcommands = {RulesCommand.Verify.class, RulesCommand.ListRules.class, RulesCommand.Test.class})
final class RulesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "缺少子命令：verify、list 或 test");
    }

    @Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = "编译规则文件夹，报告每个错误所在的文件和行。")
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        RulesOption rules;

        @Override
        public Integer call() {
            RuleBase rb = rules.load();
            PrintWriter out = spec.commandLine().getOut();
            out.println("规则编译通过：" + rb.ruleCount() + "条规则，指纹 " + rb.fingerprint());
            out.flush();
            return Main.EXIT_OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = "列出全部规则：名称、代码、级别、文件。")
    static final class ListRules implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        RulesOption rules;

        @Override
        public Integer call() {
            RuleBase rb = rules.load();
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[]{"规则", "代码", "级别", "文件"});
            for (RuleBase.RuleInfo r : rb.catalog()) {
                rows.add(new String[]{r.name(), nz(r.code()), nz(r.severity()), nz(r.file())});
            }
            PrintWriter out = spec.commandLine().getOut();
            for (String line : table(rows)) out.println(line);
            out.println("共" + rb.ruleCount() + "条规则");
            out.flush();
            return Main.EXIT_OK;
        }

        private static String nz(String s) {
            return s == null || s.isBlank() ? "-" : s;
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = "运行规则自带的测试用例（尚未提供）。")
    static final class Test implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        RulesOption rules;

        @Override
        public Integer call() {
            throw CliException.usage("rules test（规则自测）尚未实现，将在后续版本提供；目前可用 rules verify 检查规则能否编译。");
        }
    }

    /** Columns padded by display width (a Chinese character takes two columns). */
    static List<String> table(List<String[]> rows) {
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] r : rows) {
            for (int c = 0; c < cols; c++) width[c] = Math.max(width[c], displayWidth(r[c]));
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < cols; c++) {
                sb.append(r[c]);
                if (c < cols - 1) sb.append(" ".repeat(width[c] - displayWidth(r[c]) + 2));
            }
            lines.add(sb.toString().stripTrailing());
            if (i == 0) {
                StringBuilder rule = new StringBuilder();
                for (int c = 0; c < cols; c++) {
                    rule.append("-".repeat(width[c]));
                    if (c < cols - 1) rule.append("  ");
                }
                lines.add(rule.toString());
            }
        }
        return lines;
    }

    static int displayWidth(String s) {
        return s.codePoints().map(RulesCommand::charWidth).sum();
    }

    private static int charWidth(int cp) {
        if (cp < 0x1100) return 1;
        boolean wide = cp <= 0x115F
                || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
                || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x20000 && cp <= 0x3FFFD);
        return wide ? 2 : 1;
    }
}
