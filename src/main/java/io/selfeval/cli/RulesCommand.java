package io.selfeval.cli;

import io.selfeval.rules.RuleBase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code rules verify|list|test}: the rule folder on its own. */
@Command(name = "rules", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "规则文件夹：verify 编译检查，list 列出规则，test 运行规则自测用例。",
        subcommands = {RulesCommand.Verify.class, RulesCommand.ListRules.class, RulesCommand.Test.class})
final class RulesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "缺少子命令：verify、list 或 test");
    }

    @Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = "编译规则文件夹（*.drl 规则文件和 *.drl.xlsx 数据表）：有错误时逐条列出文件和行号（数据表为工作表和单元格）及错误原因，"
                    + "退出状态 2；没有错误时再列出警告（永远不会触发的规则、不在问题代码表中的代码、扣分对照表中写错的代码或考核项），退出状态 0。")
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
            List<String> warnings = rb.warnings();
            if (!warnings.isEmpty()) {
                out.println("警告" + warnings.size() + "条（规则仍可运行，但请检查）：");
                for (String w : warnings) out.println("  警告：" + w);
            }
            out.flush();
            return Main.EXIT_OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = "规则目录：每条规则的问题代码、中文名称和说明、级别、所在文件，以及该代码的扣分；"
                    + "--format md 或 html 生成可打印的文档。")
    static final class ListRules implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        RulesOption rules;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
                description = "输出格式：text（默认，终端阅读）、md（Markdown 文档）、html（独立的网页文档，可直接打印）、json（供程序读取）")
        String format;

        @Option(names = "--out", paramLabel = "FILE", description = "写入文件而不是标准输出")
        String outFile;

        @Override
        public Integer call() throws java.io.IOException {
            String fmt = format.strip().toLowerCase(java.util.Locale.ROOT);
            if (!List.of("text", "md", "markdown", "html", "json").contains(fmt)) {
                throw CliException.usage("--format 的取值应为 text、md、html 或 json，实为：" + format);
            }
            java.nio.file.Path target = outFile == null ? null : AtomicOutput.validate(outFile);
            RuleBase rb = rules.load();
            RuleCatalog catalog = new RuleCatalog(rb, rules.given());
            String body = switch (fmt) {
                case "md", "markdown" -> catalog.markdown();
                case "html" -> catalog.html();
                case "json" -> new com.fasterxml.jackson.databind.ObjectMapper()
                        .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                        .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                        .writeValueAsString(catalog.data()) + "\n";
                default -> String.join("\n", catalog.text()) + "\n";
            };
            if (target != null) {
                byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                AtomicOutput.write(target, os -> os.write(bytes));
                spec.commandLine().getErr().println("规则目录已写入 " + outFile);
                spec.commandLine().getErr().flush();
            } else {
                PrintWriter out = spec.commandLine().getOut();
                out.print(body);
                out.flush();
            }
            return Main.EXIT_OK;
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = "运行规则目录 tests 文件夹中的测试用例（*.csv），逐条报告通过或失败。",
            footer = {"", "退出状态：0 全部通过；1 有用例失败；2 规则编译失败或用例表有误。"})
    static final class Test implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        RulesOption rules;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
                description = "text（默认）或 junit（JUnit XML，供持续集成系统）")
        String format;

        @Override
        public Integer call() {
            String fmt = format.strip().toLowerCase(java.util.Locale.ROOT);
            if (!fmt.equals("text") && !fmt.equals("junit")) {
                throw CliException.usage("--format 的取值应为 text 或 junit，实为：" + format);
            }
            return RulesTestCommand.run(rules, spec.commandLine().getOut(), fmt.equals("junit"));
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
