package io.selfeval.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One typing slip in a rule file gives one Chinese message at the line to fix, not Drools' after-effects; errors
 * Drools words in English are explained in Chinese. Each case edits a copy of the real rules/execution.drl.
 */
@Tag("slow") // copies and recompiles rules/
class RuleTyposTest {
    @TempDir
    Path tmp;

    private record Broken(CliRun run, List<String> problemLines) {
    }

    /** Replaces the first {@code from} in execution.drl and runs verify; the problem lines are those naming the file. */
    private Broken verifyWith(String from, String to) throws IOException {
        Path rules = RulesFixture.copyOfRealRules(tmp);
        Path drl = rules.resolve("execution.drl");
        String text = Files.readString(drl, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), from);
        Files.writeString(drl, text.replaceFirst(Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)),
                StandardCharsets.UTF_8);
        CliRun run = CliRun.of("rules", "verify", "--rules", rules.toString());
        List<String> lines = run.err().lines().filter(l -> l.contains("execution.drl")).toList();
        return new Broken(run, lines);
    }

    private static int lineOf(String from) throws IOException {
        String text = Files.readString(Path.of("rules/execution.drl"), StandardCharsets.UTF_8);
        return (int) text.substring(0, text.indexOf(from)).chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    void aBracketLeftOutOfAConditionIsOneMessageAtItsLine() throws IOException {
        String from = "$i : Figure(measure == Figure.INITIAL_BUDGET, value.isPositive())";
        Broken b = verifyWith(from, "$i : Figure(measure == Figure.INITIAL_BUDGET, value.isPositive()");
        assertEquals(2, b.run().exit(), b.run()::toString);
        assertEquals(1, b.problemLines().size(), b.run()::toString);
        assertTrue(b.problemLines().get(0).contains("execution.drl 第" + lineOf(from) + "行："), b.run()::toString);
        assertTrue(b.problemLines().get(0).contains("括号没有闭合"), b.run()::toString);
    }

    @Test
    void aBracketLeftOutOfAConsequenceIsOneMessageAtItsStatement() throws IOException {
        String from = "java.math.BigDecimal change = Checks.percentChange($i.getValue(), $b.getValue());";
        Broken b = verifyWith(from, "java.math.BigDecimal change = Checks.percentChange($i.getValue(), $b.getValue();");
        assertEquals(2, b.run().exit(), b.run()::toString);
        assertEquals(1, b.problemLines().size(), b.run()::toString);
        assertTrue(b.problemLines().get(0).contains("execution.drl 第" + lineOf(from) + "行："), b.run()::toString);
        assertTrue(b.problemLines().get(0).contains("“)”"), b.run()::toString);
    }

    @Test
    void aRuleWithoutEndIsOneMessageBeforeTheNextRule() throws IOException {
        // The first rule loses its "end": the line to add it is the blank line before the next rule's comment.
        String from = "        \"budget\", $c.getDenominator(), \"spent\", $c.getNumerator());\nend\n";
        Broken b = verifyWith(from, "        \"budget\", $c.getDenominator(), \"spent\", $c.getNumerator());\n");
        assertEquals(2, b.run().exit(), b.run()::toString);
        assertEquals(1, b.problemLines().size(), b.run()::toString);
        int endLine = lineOf(from) + 1;
        assertTrue(b.problemLines().get(0).contains("execution.drl 第" + endLine + "行："), b.run()::toString);
        assertTrue(b.problemLines().get(0).contains("缺少 end"), b.run()::toString);
        assertTrue(b.problemLines().get(0).contains("预算执行率计算错误"), b.run()::toString);
    }

    @Test
    void aStringWithoutItsClosingQuoteIsOneMessageAtItsLine() throws IOException {
        String from = "\"threshold\", Fmt.share(params.num(\"预算调整阈值\"))";
        Broken b = verifyWith(from, "\"threshold, Fmt.share(params.num(\"预算调整阈值\"))");
        assertEquals(2, b.run().exit(), b.run()::toString);
        assertEquals(1, b.problemLines().size(), b.run()::toString);
        assertTrue(b.problemLines().get(0).contains("execution.drl 第" + lineOf(from) + "行："), b.run()::toString);
    }

    @Test
    void aConditionThatIsNotABooleanIsExplainedInChinese() throws IOException {
        String from = "$i : Figure(measure == Figure.INITIAL_BUDGET, value.isPositive())";
        Broken b = verifyWith(from, "$i : Figure(measure == Figure.INITIAL_BUDGET, value)");
        assertEquals(2, b.run().exit(), b.run()::toString);
        assertFalse(b.problemLines().isEmpty(), b.run()::toString);
        assertTrue(b.problemLines().get(0).contains("不是真假判断"), b.run()::toString);
        assertTrue(b.problemLines().get(0).contains("execution.drl 第" + lineOf(from) + "行"), b.run()::toString);
    }

    @Test
    void aCorrectFileIsNotJudgedByTheShapeReader() {
        CliRun run = CliRun.of("rules", "verify", "--rules", "rules");
        assertEquals(0, run.exit(), run::toString);
    }
}
