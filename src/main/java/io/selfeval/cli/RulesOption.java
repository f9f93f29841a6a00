package io.selfeval.cli;

import io.selfeval.api.SelfEval;
import io.selfeval.rules.RuleBase;
import io.selfeval.rules.RuleCache;
import io.selfeval.rules.RuleCompileException;
import io.selfeval.rules.RulesSnapshot;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The {@code --rules DIR} option shared by the commands, and compiling the folder it names. */
final class RulesOption {
    static final String DEFAULT_DIR = "rules";

    /** Turns a rules folder read from disk into compiled rules; the command tests share one compiled copy through it. */
    @FunctionalInterface
    interface Loader {
        RuleBase load(RulesSnapshot snapshot, RuleCache cache) throws RuleCompileException;
    }

    /** The compiler, unless a test of the commands has put the rule base it shares in front of it. */
    static volatile Loader loader = RuleBase::load;

    @Option(names = "--rules", paramLabel = "DIR",
            description = "规则文件夹（*.drl 规则文件、*.drl.xlsx 数据表）；默认为当前目录下的 rules")
    String dir;

    @Option(names = "--no-cache",
            description = "不使用规则缓存：每次都重新编译规则（默认在规则未改动时载入上次编译的结果，缓存在 ~/.cache/selfeval/rules）")
    boolean noCache;

    /** The folder as the user gave it (or "rules"), for the report. */
    String given() {
        return dir == null ? DEFAULT_DIR : dir;
    }

    /** The folder, checked to exist; a missing folder is a usage error (exit 2). */
    Path resolve() {
        Path p;
        try {
            p = Path.of(given());
        } catch (InvalidPathException e) {
            throw CliException.usage("规则目录路径无效：" + given());
        }
        if (!Files.isDirectory(p)) {
            if (dir == null) {
                throw CliException.usage("未找到规则目录：当前目录下没有 rules 文件夹，请用 --rules DIR 指定规则目录");
            }
            throw CliException.usage("规则目录不存在或不是文件夹：" + dir);
        }
        return p;
    }

    /** Compiles the rules, or loads them from the rule cache; problems (each naming file and line) end the run with exit 2. */
    RuleBase load() {
        // A command answers and exits; the cached copy after an edit is built by a process of its own meanwhile.
        return load(noCache ? RuleCache.none() : RuleCache.standard().detachedBuilds());
    }

    /** The library the commands check through, over rules already loaded; reports name the folder as given. */
    SelfEval selfEval(RuleBase loaded) {
        try {
            return SelfEval.builder().ruleBase(loaded).rulesLabel(given()).build();
        } catch (RuleCompileException e) {
            throw new IllegalStateException("compiled rules need no compiling", e); // build() compiles only a folder
        }
    }

    RuleBase load(RuleCache cache) {
        Path p = resolve();
        try {
            return loader.load(RulesSnapshot.read(p), cache);
        } catch (RuleCompileException e) {
            List<String> lines = new ArrayList<>();
            lines.add("规则编译失败：");
            e.getProblems().forEach(problem -> lines.add("  " + problem));
            lines.add("共" + e.getProblems().size() + "处错误；按上面的位置改正后，可运行 selfeval rules verify 再检查。");
            throw new CliException(Main.EXIT_USAGE, lines);
        } catch (RuntimeException | LinkageError e) {
            LoggerFactory.getLogger(RulesOption.class).debug("规则编译时出错", e);
            throw new CliException(Main.EXIT_USAGE,
                    List.of("规则编译失败：", "  " + p + "：" + Main.describe(e)));
        }
    }
}
