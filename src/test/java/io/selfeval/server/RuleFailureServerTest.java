package io.selfeval.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfeval.api.SelfEval;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.selfeval.server.SelfEvalServerTest.Part;
import static io.selfeval.server.SelfEvalServerTest.assertChineseError;
import static io.selfeval.server.SelfEvalServerTest.assertHealthy;
import static io.selfeval.server.SelfEvalServerTest.json;
import static io.selfeval.server.SelfEvalServerTest.post;
import static io.selfeval.server.SelfEvalServerTest.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service on rules with one rule broken at run time: an upload the rule fails on answers 500 naming the rule,
 * file and line; the service stays up, and an upload it fails on only in part is answered with the failure listed.
 */
@Tag("slow") // a server on a broken copy of rules/, compiled
class RuleFailureServerTest {
    private static final String RULE = "预算调整幅度大";

    @TempDir
    Path tmp;

    @Test
    void aRuleFailingOnEveryUploadedReportIs500NamingItAndTheServiceKeepsServing() throws Exception {
        Path rules = SelfEvalServerTest.copyRules(tmp.resolve("rules"));
        Path drl = rules.resolve("execution.drl");
        String from = ".abs() > params.num(\"预算调整阈值\"))";
        String drlText = Files.readString(drl, StandardCharsets.UTF_8);
        assertTrue(drlText.contains(from));
        Files.writeString(drl, drlText.replace(from,
                ".abs() > params.num(\"预算调整阈值\").divide(java.math.BigDecimal.ZERO))"), StandardCharsets.UTF_8);

        // Which seeds the broken rule fails on, by the library on the same rules.
        List<Path> failing = new ArrayList<>();
        List<Path> passing = new ArrayList<>();
        SelfEval library = SelfEval.builder().rules(rules).build();
        for (Path seed : SelfEvalServerTest.seeds()) {
            (library.check(seed).getRuleFailures().isEmpty() ? passing : failing).add(seed);
        }
        assertFalse(failing.isEmpty(), "the broken condition must be reached on some seed");
        assertFalse(passing.isEmpty(), "some seed must not reach the broken condition");

        try (SelfEvalServer server = SelfEvalServer.start(new SelfEvalServer.Options().port(0).rules(rules)
                .rulesLabel("rules").tempDir(tmp.resolve("work")))) {
            HttpResponse<byte[]> broken = post(server, "/api/check", null, Part.of(failing.get(0)));
            assertChineseError(broken, 500);
            String error = json(broken).get("error").asText();
            assertTrue(error.contains("规则“" + RULE + "”（rules/execution.drl 第"), error);
            assertTrue(error.contains("ArithmeticException"), error);
            assertFalse(error.contains("无法读取"), error);
            assertHealthy(server);

            // Failing on one report of two: answered, with the failure on that report and the other untouched.
            HttpResponse<byte[]> mixed = post(server, "/api/check", null, Part.of(failing.get(0)), Part.of(passing.get(0)));
            assertEquals(200, mixed.statusCode(), () -> text(mixed));
            JsonNode submissions = json(mixed).get("submissions");
            assertEquals(2, submissions.size());
            for (JsonNode s : submissions) {
                boolean shouldFail = s.get("file").asText().equals(failing.get(0).getFileName().toString());
                assertEquals(shouldFail ? 1 : 0, s.path("ruleFailures").size(), s::toString);
                assertTrue(s.get("error").isNull(), s::toString);
                if (shouldFail) assertEquals(RULE, s.get("ruleFailures").get(0).get("rule").asText());
            }
        }
    }
}
