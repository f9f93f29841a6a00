package io.selfeval.cli;

import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** picocli's usage errors reach the user in Chinese, with the suggestion, exit 2 and nothing on stdout. */
class UsageErrorsTest {
    private static final String SEEDS = "fixtures/seeds";
    /** picocli's own English words: none may reach the user. */
    private static final Pattern ENGLISH = Pattern.compile("Unknown option|Unmatched argument|Missing required|Invalid value"
            + "|Did you mean|should be specified|Expected parameter|Usage:");

    private static CliRun usageError(String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(2, run.exit(), run::toString);
        assertEquals("", run.out(), run::toString);
        assertTrue(run.err().startsWith("用法错误："), run::toString);
        assertFalse(ENGLISH.matcher(run.err()).find(), run::toString);
        return run;
    }

    @Test
    void unknownOptionIsNamedWithTheSuggestion() {
        CliRun run = usageError("check", SEEDS, "--fromat", "json");
        assertTrue(run.err().contains("没有选项 “--fromat”"), run::toString);
        assertTrue(run.err().contains("是否想写：--format"), run::toString);
        assertTrue(run.err().contains("selfeval check --help"), run::toString);
    }

    @Test
    void unknownCommandListsTheCommandsAndSuggestsTheNearest() {
        CliRun run = usageError("chek", SEEDS);
        assertTrue(run.err().contains("没有命令 “chek”"), run::toString);
        assertTrue(run.err().contains("是否想写：check"), run::toString);
        CliRun sub = usageError("rules", "verfy");
        assertTrue(sub.err().contains("verify"), sub::toString);
    }

    @Test
    void missingPathNamesTheParameter() {
        CliRun run = usageError("check", "--format", "json");
        assertTrue(run.err().contains("缺少 参数 PATH（要检查的文件或文件夹"), run::toString);
    }

    @Test
    void missingOptionValueAndWrongKindOfValue() {
        assertTrue(usageError("check", SEEDS, "--format").err().contains("选项 --format FORMAT 后面缺少它的值"));
        assertTrue(usageError("check", SEEDS, "--jobs", "many").err().contains("选项 --jobs 的值应为整数，实为“many”"));
    }

    @Test
    void ourOwnChineseUsageErrorsPassUnchanged() {
        CliRun run = usageError("rules");
        assertTrue(run.err().contains("缺少子命令：verify、list 或 test"), run::toString);
    }
}
