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
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import static io.selfeval.server.SelfEvalServerTest.JSON;
import static io.selfeval.server.SelfEvalServerTest.Part;
import static io.selfeval.server.SelfEvalServerTest.get;
import static io.selfeval.server.SelfEvalServerTest.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rule edit reaches the running service: a changed @severity shows in the next response; a broken edit leaves
 * the responses as they were and /api/rules shows the problem with its file and line; a fixed edit is taken again.
 */
@Tag("slow") // copies, edits and recompiles rules/
class RulesReloadTest {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void editsReachTheRunningService(@TempDir Path tmp) throws Exception {
        Path rules = SelfEvalServerTest.copyRules(tmp.resolve("rules"));
        Path seed = SelfEvalServerTest.seeds().get(0);
        Path drl = rules.resolve("execution.drl");
        String original = Files.readString(drl, StandardCharsets.UTF_8);
        String head = "@code(EXE_RATE_MISMATCH) @severity(ERROR)";
        assertTrue(original.contains(head), "execution.drl no longer declares " + head);

        try (SelfEvalServer s = SelfEvalServer.start(new SelfEvalServer.Options().port(0).rules(rules)
                .tempDir(tmp.resolve("work")).reloadInterval(Duration.ofMillis(100)))) {
            assertEquals(List.of("ERROR"), severities(check(s, seed)));
            String before = rulesInfo(s).get("fingerprint").asText();

            // 1. a good edit: the next response after the reload has the new severity
            Files.writeString(drl, original.replace(head, "@code(EXE_RATE_MISMATCH) @severity(WARNING)"), StandardCharsets.UTF_8);
            JsonNode reloaded = waitFor(s, r -> !r.get("fingerprint").asText().equals(before));
            assertTrue(reloaded.get("errors").isEmpty(), reloaded::toString);
            JsonNode warned = check(s, seed);
            assertEquals(List.of("WARNING"), severities(warned));
            assertEquals(reloaded.get("fingerprint").asText(), warned.get("rules").get("fingerprint").asText());
            String good = reloaded.get("fingerprint").asText();

            // 2. a broken edit: the old rules keep running, /api/rules shows where the problem is
            Files.writeString(drl, original.replace(head, "@code(EXE_RATE_MISMATCH) @severity(INFO)")
                    + "\nrule \"坏规则\"\nwhen\n    这不是规则 (((\nthen\nend\n", StandardCharsets.UTF_8);
            JsonNode broken = waitFor(s, r -> !r.get("errors").isEmpty());
            assertEquals(good, broken.get("fingerprint").asText(), "a broken edit must not replace the running rules");
            String errors = broken.get("errors").toString();
            assertTrue(errors.contains("execution.drl"), errors);
            assertTrue(errors.contains("行"), errors);
            JsonNode still = check(s, seed);
            assertEquals(List.of("WARNING"), severities(still));
            assertEquals(good, still.get("rules").get("fingerprint").asText());
            HttpResponse<String> health = get(s, "/api/health", null);
            assertTrue(JSON.readTree(health.body()).get("rulesErrors").asInt() > 0, health::body);

            // 3. fixed: taken again, the errors are gone
            Files.writeString(drl, original, StandardCharsets.UTF_8);
            JsonNode fixed = waitFor(s, r -> r.get("errors").isEmpty() && !r.get("fingerprint").asText().equals(good));
            assertEquals(before, fixed.get("fingerprint").asText());
            assertEquals(List.of("ERROR"), severities(check(s, seed)));
        }
    }

    @Test
    void requestsInFlightFinishOnTheRulesTheyStartedWith(@TempDir Path tmp) throws Exception {
        Path rules = SelfEvalServerTest.copyRules(tmp.resolve("rules"));
        SelfEval first = SelfEval.builder().rules(rules).build();
        Path drl = rules.resolve("execution.drl");
        try (RulesReloader reloader = new RulesReloader(rules, first, dir -> {
            try {
                return SelfEval.builder().rules(dir).build();
            } catch (io.selfeval.rules.RuleCompileException e) {
                throw RulesReloader.CompileFailure.of(e);
            }
        }, Duration.ofHours(1))) {
            SelfEval taken = reloader.current(); // a request takes its rules once
            Files.writeString(drl, Files.readString(drl).replace("@severity(ERROR)", "@severity(INFO)"));
            reloader.poll(); // changed: seen, waits to settle
            assertEquals(first, reloader.current());
            reloader.poll(); // settled: compiled and swapped
            assertNotEquals(first, reloader.current());
            assertNotEquals(first.fingerprint(), reloader.current().fingerprint());
            // the request that started before still holds the old rules, whole
            assertEquals(first.fingerprint(), taken.fingerprint());
            assertEquals("ERROR", taken.check(SelfEvalServerTest.seeds().get(0)).getFindings().stream()
                    .filter(f -> f.getCode().equals("EXE_RATE_MISMATCH")).findFirst().orElseThrow().getSeverity().name());
            assertFalse(reloader.lastAttempt().problems().iterator().hasNext());
        }
    }

    private static JsonNode check(SelfEvalServer s, Path seed) throws Exception {
        HttpResponse<byte[]> r = post(s, "/api/check", null, Part.of(seed));
        assertEquals(200, r.statusCode(), () -> new String(r.body(), StandardCharsets.UTF_8));
        return JSON.readTree(r.body());
    }

    /** The severities the seed's EXE_RATE_MISMATCH findings have (one or more findings, one severity). */
    private static List<String> severities(JsonNode doc) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        doc.get("submissions").get(0).get("findings").forEach(f -> {
            if (f.get("code").asText().equals("EXE_RATE_MISMATCH")) out.add(f.get("severity").asText());
        });
        return List.copyOf(out);
    }

    private static JsonNode rulesInfo(SelfEvalServer s) throws Exception {
        HttpResponse<String> r = get(s, "/api/rules", null);
        assertEquals(200, r.statusCode(), r::body);
        return JSON.readTree(r.body());
    }

    /** Polls /api/rules until the condition holds; fails after {@link #WAIT}. */
    private static JsonNode waitFor(SelfEvalServer s, Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode last;
        do {
            last = rulesInfo(s);
            if (condition.test(last)) return last;
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no reload within " + WAIT.getSeconds() + " s; /api/rules: " + last);
    }
}
