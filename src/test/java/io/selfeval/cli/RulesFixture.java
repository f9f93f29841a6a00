package io.selfeval.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Rule folders for the CLI tests, always copies in a temporary folder: the real rules/ is never touched. */
final class RulesFixture {
    static final Path REAL_RULES = Path.of("rules");

    private static final String HEADER = """
            package selfeval.test;
            import io.selfeval.model.*;
            import io.selfeval.rules.Message;
            global io.selfeval.rules.FindingCollector findings;
            global io.selfeval.rules.RuleParameters params;
            """;

    private RulesFixture() {
    }

    /**
     * A copy of the project's rules/ folder. While the real rule files are still being written it may hold no .drl
     * yet; then a rule that never fires is added so that the folder compiles.
     */
    static Path copyOfRealRules(Path tmp) {
        Path dir = tmp.resolve("rules");
        try {
            Files.createDirectories(dir);
            try (Stream<Path> s = Files.list(REAL_RULES)) {
                for (Path p : s.filter(Files::isRegularFile).toList()) {
                    Files.copy(p, dir.resolve(p.getFileName()));
                }
            }
            if (drlFiles(dir).isEmpty()) {
                Files.writeString(dir.resolve("placeholder.drl"), HEADER + """

                        rule "从不触发"
                            @code(TEST_NEVER) @severity(INFO)
                        when
                            eval(false)
                        then
                            findings.report(kcontext, null, Message.of("TEST_NEVER"));
                        end
                        """, StandardCharsets.UTF_8);
                Files.writeString(dir.resolve("messages.properties"), "TEST_NEVER = 不会出现\n", StandardCharsets.UTF_8);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Only one rule of our own, which fires once for every readable submission with the given severity, plus the
     * project's rule data files (the rule base needs them). Findings are therefore known exactly.
     */
    static Path alwaysFiring(Path tmp, String severity) {
        Path dir = tmp.resolve("rules-" + severity.toLowerCase(java.util.Locale.ROOT));
        try {
            Files.createDirectories(dir);
            // The rule data (parameters, relations, rubric, deductions) is needed; the project's .drl rules are not.
            try (Stream<Path> s = Files.list(REAL_RULES)) {
                for (Path p : s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".drl")).toList()) {
                    Files.copy(p, dir.resolve(p.getFileName()));
                }
            }
            Files.writeString(dir.resolve("always.drl"), HEADER + """

                    rule "每份报告都提示"
                        @code(TEST_ALWAYS) @severity(%s)
                    when
                    then
                        findings.report(kcontext, Location.narrative("一、测试", 3, "测试原文"), Message.of("TEST_ALWAYS"),
                                "amount", new java.math.BigDecimal("1.27305E+3"), "stated", "100%%");
                    end
                    """.formatted(severity), StandardCharsets.UTF_8);
            // The project's wordings belong to its rules, which are not here: only this rule's.
            Files.writeString(dir.resolve("messages.properties"), "TEST_ALWAYS = 测试规则触发\n", StandardCharsets.UTF_8);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> drlFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".drl")).sorted().toList();
        }
    }
}
