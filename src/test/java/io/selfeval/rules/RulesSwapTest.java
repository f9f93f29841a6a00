package io.selfeval.rules;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rules are swapped as a whole: the fingerprint a rule base carries is of the very bytes it compiled, read once,
 * so a file edited during a compile never gives a fingerprint of a state that did not compile.
 */
@Tag("slow") // copies and recompiles rules/
class RulesSwapTest {
    private static final String EXTRA = "\nrule \"swap-test extra\"\nwhen\nthen\nend\n";
    private static final String BROKEN = "\nrule \"swap-test broken\"\nwhen\n  this is not drl (\nthen\nend\n";

    @TempDir
    Path tmp;

    private Path copyRules() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("rules"));
        try (Stream<Path> s = Files.list(Path.of("rules"))) {
            for (Path p : s.filter(Files::isRegularFile).toList()) Files.copy(p, dir.resolve(p.getFileName()));
        }
        return dir;
    }

    /** Replaces the file in one step, as an editor saving through a temporary file does. */
    private static void replace(Path file, String text) throws IOException {
        Path part = file.resolveSibling("." + file.getFileName() + ".part");
        Files.writeString(part, text, StandardCharsets.UTF_8);
        Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aFileEditedAfterTheReadReachesNeitherTheRulesNorTheFingerprint() throws Exception {
        Path dir = copyRules();
        RulesSnapshot read = RulesSnapshot.read(dir);
        Path meta = dir.resolve("meta.drl");
        replace(meta, Files.readString(meta, StandardCharsets.UTF_8) + BROKEN); // the edit lands during the compile

        RuleBase compiled = RuleBase.load(read);
        assertEquals(read.fingerprint(), compiled.fingerprint(), "the fingerprint is of what compiled");
        assertNotEquals(RulesSnapshot.read(dir).fingerprint(), compiled.fingerprint(), "not of the folder as it is now");
        org.junit.jupiter.api.Assertions.assertThrows(RuleCompileException.class, () -> RuleBase.load(dir),
                "the edit is the next load's, and that one does not compile");
    }

    @Test
    void theFingerprintNeverNamesAnUncompiledStateWhileAFileIsEditedDuringReloads() throws Exception {
        Path dir = copyRules();
        Path meta = dir.resolve("meta.drl");
        String original = Files.readString(meta, StandardCharsets.UTF_8);
        // Two states that compile (with different rule counts) and one that does not.
        int countA = RuleBase.load(dir).ruleCount();
        String fpA = RulesSnapshot.read(dir).fingerprint();
        replace(meta, original + EXTRA);
        String fpB = RulesSnapshot.read(dir).fingerprint();
        Map<String, Integer> compiles = Map.of(fpA, countA, fpB, countA + 1);

        AtomicBoolean stop = new AtomicBoolean();
        Thread editor = new Thread(() -> {
            String[] states = {original, original + BROKEN, original + EXTRA, original + BROKEN};
            for (int i = 0; !stop.get(); i++) {
                try {
                    replace(meta, states[i % states.length]);
                    Thread.sleep(7);
                } catch (IOException | InterruptedException e) {
                    return;
                }
            }
        }, "rules-editor");
        editor.start();
        int compiled = 0;
        int refused = 0;
        try {
            for (int i = 0; i < 8; i++) {
                try {
                    RuleBase rb = RuleBase.load(dir);
                    Integer count = compiles.get(rb.fingerprint());
                    assertNotNull(count, "the fingerprint names a state that compiled: " + rb.fingerprint());
                    assertEquals(count, rb.ruleCount(), "and it is the state that compiled");
                    compiled++;
                } catch (RuleCompileException e) {
                    refused++;
                }
            }
        } finally {
            stop.set(true);
            editor.join();
        }
        assertEquals(8, compiled + refused);
        assertTrue(compiled > 0 || refused > 0);
    }
}
