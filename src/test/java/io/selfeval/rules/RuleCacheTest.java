package io.selfeval.rules;

import io.selfeval.api.SelfEval;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rule cache: unchanged rules load from it and check exactly as compiled rules do; a damaged entry, one Drools
 * cannot load, or an edit to the rules is never used, and a compile puts a good entry back.
 */
@Tag("slow") // copies and recompiles rules/, writes rule caches
class RuleCacheTest {
    @TempDir
    Path tmp;

    private Path copyRules() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("rules"));
        try (Stream<Path> s = Files.list(Path.of("rules"))) {
            for (Path p : s.filter(Files::isRegularFile).toList()) Files.copy(p, dir.resolve(p.getFileName()));
        }
        return dir;
    }

    private static RuleBase load(Path rules, RuleCache cache) throws RuleCompileException {
        RuleBase rb = RuleBase.load(RulesSnapshot.read(rules), cache);
        RuleCache.awaitWrites(300);
        return rb;
    }

    /** The JSON report of the five seeds: findings, rule files, evidence, deductions — everything a user gets. */
    private static String seedsReport(RuleBase rb) throws RuleCompileException {
        SelfEval se = SelfEval.builder().ruleBase(rb).rulesLabel("rules").build();
        return se.toJson(se.report(se.checkAll(Path.of("fixtures/seeds"))));
    }

    private List<Path> entries(Path cacheDir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(cacheDir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
        }
    }

    @Test
    void unchangedRulesLoadFromTheCacheAndCheckExactlyAsCompiledOnes() throws Exception {
        Path rules = copyRules();
        RuleCache cache = RuleCache.in(tmp.resolve("cache"));
        RuleBase compiled = load(rules, cache);
        assertFalse(compiled.fromCache(), "the first load compiles");
        assertEquals(1, entries(cache.folder(), ".kjar").size(), "the compile leaves the compiled rules in the cache");

        RuleBase cached = load(rules, cache);
        assertTrue(cached.fromCache(), "the second load is from the cache");
        assertEquals(compiled.fingerprint(), cached.fingerprint());
        assertEquals(compiled.catalog(), cached.catalog(), "same rules, files, codes and descriptions");
        String expected = seedsReport(compiled);
        assertTrue(expected.contains("\"code\""), "the seeds have findings to compare");
        assertEquals(expected, seedsReport(cached), "same findings, rule files, evidence and deductions");
    }

    @Test
    void aDamagedEntryIsIgnoredAndRebuilt() throws Exception {
        Path rules = copyRules();
        RuleCache cache = RuleCache.in(tmp.resolve("cache"));
        load(rules, cache);
        Path jar = entries(cache.folder(), ".kjar").get(0);
        byte[] bytes = Files.readAllBytes(jar);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(jar, bytes);

        RuleBase again = load(rules, cache);
        assertFalse(again.fromCache(), "bytes that are not the ones written are not loaded");
        assertTrue(load(rules, cache).fromCache(), "the compile wrote a good entry back");
    }

    @Test
    void anEntryDroolsCannotLoadIsDroppedEvenWithAMatchingChecksum() throws Exception {
        Path rules = copyRules();
        RuleCache cache = RuleCache.in(tmp.resolve("cache"));
        String fingerprint = RulesSnapshot.read(rules).fingerprint();
        cache.put(fingerprint, ".kjar", "not a jar".getBytes(StandardCharsets.UTF_8));

        RuleBase rb = load(rules, cache);
        assertFalse(rb.fromCache(), "a jar Drools refuses is not used");
        assertTrue(seedsReport(rb).contains("\"code\""), "and the rules still check");
        assertTrue(load(rules, cache).fromCache(), "it was replaced by the compile's");
    }

    @Test
    void anEditToTheRulesIsCompiledNotTakenFromTheCache() throws Exception {
        Path rules = copyRules();
        RuleCache cache = RuleCache.in(tmp.resolve("cache"));
        RuleBase before = load(rules, cache);
        Path meta = rules.resolve("meta.drl");
        Files.writeString(meta, Files.readString(meta, StandardCharsets.UTF_8)
                + "\nrule \"cache-test extra\"\nwhen\nthen\nend\n", StandardCharsets.UTF_8);

        RuleBase after = load(rules, cache);
        assertFalse(after.fromCache(), "a new fingerprint compiles");
        assertEquals(before.catalog().size() + 1, after.catalog().size(), "with the new rule in it");
        assertTrue(load(rules, cache).fromCache(), "and is cached in turn");
        assertEquals(after.catalog().size(), load(rules, cache).catalog().size());
    }

    @Test
    void withoutACacheEveryLoadCompiles() throws Exception {
        Path rules = copyRules();
        load(rules, RuleCache.none());
        assertFalse(load(rules, RuleCache.none()).fromCache());
    }

    @Test
    void theBuilderProcessFillsTheCacheFromTheFolderAlone() throws Exception {
        Path rules = copyRules();
        RuleCache cache = RuleCache.in(tmp.resolve("cache"));
        RulesSnapshot snapshot = RulesSnapshot.read(rules);
        assertTrue(RuleCacheBuilder.fill(snapshot, cache), "the copy is built from the rule files, without a compile first");
        RuleBase rb = load(rules, cache);
        assertTrue(rb.fromCache(), "and the next start loads it");
        assertEquals(seedsReport(load(rules, RuleCache.none())), seedsReport(rb));
    }

    @Test
    void aBuildAlreadyUnderWayIsNotStartedTwice() throws Exception {
        Path rules = copyRules();
        RuleCache cache = RuleCache.in(tmp.resolve("cache"));
        RulesSnapshot snapshot = RulesSnapshot.read(rules);
        Files.createDirectories(cache.folder());
        Files.createFile(cache.folder().resolve(RuleCache.key(snapshot.fingerprint()) + ".building"));
        assertFalse(RuleCacheBuilder.fill(snapshot, cache), "another process holds the lock");
        assertTrue(entries(cache.folder(), ".kjar").isEmpty(), "so this one built nothing");
    }
}
