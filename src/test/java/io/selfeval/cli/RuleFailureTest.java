package io.selfeval.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rule that throws at run time (here a condition of 预算调整幅度大 divides by zero) is a rule problem: named once,
 * in Chinese, with its file and line and the cause; the submissions are not called unreadable and the other rules'
 * findings are the same as with the intact rules.
 */
@Tag("slow") // copies and recompiles rules/
class RuleFailureTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RULE = "预算调整幅度大";
    private static final String SEEDS = "fixtures/seeds";

    @TempDir
    Path tmp;

    /** The copy of rules/ with the rule broken, and the line of its "rule" keyword. */
    private int breakRule(Path rules) throws IOException {
        Path drl = rules.resolve("execution.drl");
        String text = Files.readString(drl, StandardCharsets.UTF_8);
        String from = ".abs() > params.num(\"预算调整阈值\"))";
        assertTrue(text.contains(from));
        Files.writeString(drl, text.replace(from, ".abs() > params.num(\"预算调整阈值\").divide(java.math.BigDecimal.ZERO))"),
                StandardCharsets.UTF_8);
        String head = "rule \"" + RULE + "\"";
        return (int) text.substring(0, text.indexOf(head)).chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    void aRuleThatThrowsIsReportedOnceAsARuleProblemAndTheOtherFindingsStand() throws IOException {
        Path intactRules = RulesFixture.copyOfRealRules(tmp.resolve("intact"));
        Path rules = RulesFixture.copyOfRealRules(tmp.resolve("broken"));
        int line = breakRule(rules);
        JsonNode intact = JSON.readTree(CliRun.of("check", SEEDS, "--format", "json", "--rules", intactRules.toString()).out());
        CliRun run = CliRun.of("check", SEEDS, "--format", "json", "--rules", rules.toString());
        JsonNode broken = JSON.readTree(run.out());

        List<String> failedOn = new ArrayList<>();
        int checked = 0;
        for (int i = 0; i < broken.get("submissions").size(); i++) {
            JsonNode b = broken.get("submissions").get(i);
            JsonNode a = intact.get("submissions").get(i);
            assertTrue(b.get("error").isNull(), "not called unreadable: " + b);
            if (!b.get("review").isNull()) checked++;
            JsonNode failures = b.path("ruleFailures"); // absent when no rule failed, as the contract's keys stay
            if (failures.isEmpty()) {
                assertEquals(a.get("findings"), b.get("findings"), "a submission the rule did not fail on is unchanged");
                continue;
            }
            failedOn.add(b.get("file").asText());
            assertEquals(1, failures.size(), failures::toString);
            JsonNode f = failures.get(0);
            assertEquals(RULE, f.get("rule").asText());
            assertEquals("rules/execution.drl", f.get("file").asText());
            assertEquals(line, f.get("line").asInt());
            assertTrue(f.get("cause").asText().contains("ArithmeticException"), f::toString);
            assertTrue(f.get("message").asText().contains("规则的问题，不是报告的问题"), f::toString);
            // Every other rule's finding is still there.
            assertEquals(codesWithout(a, "EXE_BUDGET_ADJUSTED"), codesWithout(b, "EXE_BUDGET_ADJUSTED"));
        }
        assertFalse(failedOn.isEmpty(), "the broken condition must be reached on some seed");
        // Once per broken rule, not once per report; Chinese, with file, line and cause.
        String message = "规则“" + RULE + "”（rules/execution.drl 第" + line + "行）在检查时出错：ArithmeticException";
        assertEquals(1, run.err().split(Pattern.quote(message), -1).length - 1, run::toString);
        assertTrue(run.err().contains("规则出错（" + failedOn.size() + "/" + checked + "份报告）"), run::toString);
        assertFalse(run.err().contains("处理文件时出错") || run.err().contains("WARN") || run.err().contains("Exception:"), run::toString);
        assertEquals(failedOn.size() == checked ? 2 : CliRun.of("check", SEEDS, "--rules", intactRules.toString()).exit(), run.exit(), run::toString);

        // Only the submissions it fails on: a rule that fails on every submission is exit 2.
        List<String> args = new ArrayList<>(List.of("check"));
        failedOn.forEach(args::add);
        args.addAll(List.of("--rules", rules.toString()));
        CliRun everywhere = CliRun.of(args.toArray(String[]::new));
        assertEquals(2, everywhere.exit(), everywhere::toString);
        assertTrue(everywhere.out().contains("规则出错：规则“" + RULE + "”"), "the text report says so per submission: " + everywhere);
    }

    private static List<String> codesWithout(JsonNode submission, String code) {
        List<String> out = new ArrayList<>();
        submission.get("findings").forEach(f -> {
            if (!f.get("code").asText().equals(code)) out.add(f.get("code").asText() + " " + f.get("message").asText());
        });
        return out;
    }
}
