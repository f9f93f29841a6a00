package io.selfeval.api;

import io.selfeval.model.CheckReport;
import io.selfeval.model.SubmissionResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The library entry point: one compiled rule base shared by many threads gives exactly the sequential results. */
class SelfEvalTest {
    private static final Path SEEDS = Path.of("fixtures/seeds");
    private static SelfEval selfEval;
    private static List<Path> seeds;

    @BeforeAll
    static void build() throws Exception {
        selfEval = SelfEval.builder().ruleBase(io.selfeval.testing.Checks.rules()).rulesLabel("rules").build();
        try (Stream<Path> s = Files.list(SEEDS)) {
            seeds = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertEquals(5, seeds.size());
    }

    /** The contract JSON of one result (as the report holds it). */
    private static String json(SubmissionResult r) {
        return selfEval.toJson(selfEval.report(List.of(r)));
    }

    private static String viaStream(Path seed) throws IOException {
        try (InputStream in = Files.newInputStream(seed)) {
            return json(selfEval.check(in, seed.getFileName().toString()));
        }
    }

    @Test
    void eightThreadsGiveTheSequentialResults() throws Exception {
        Map<String, String> byPath = new TreeMap<>();
        Map<String, String> byStream = new TreeMap<>();
        for (Path seed : seeds) {
            byPath.put(seed.toString(), json(selfEval.check(seed)));
            byStream.put(seed.toString(), viaStream(seed));
        }
        // The results are real: every seed has findings, and the stream result is named by the given file name.
        for (Path seed : seeds) {
            assertTrue(byPath.get(seed.toString()).contains("\"code\""), seed::toString);
            assertTrue(byStream.get(seed.toString()).contains("\"file\": \"" + seed.getFileName() + "\""), byStream::toString);
        }

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<List<String[]>>> tasks = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                tasks.add(() -> {
                    List<Path> order = new ArrayList<>(seeds);
                    Collections.shuffle(order, new Random(thread));
                    List<String[]> out = new ArrayList<>();
                    for (Path seed : order) {
                        boolean stream = (thread % 2) == 1;
                        out.add(new String[]{seed.toString(), stream ? "stream" : "path",
                                stream ? viaStream(seed) : json(selfEval.check(seed))});
                    }
                    return out;
                });
            }
            List<Future<List<String[]>>> futures = pool.invokeAll(tasks, 10, TimeUnit.MINUTES);
            int compared = 0;
            for (Future<List<String[]>> f : futures) {
                for (String[] r : f.get()) {
                    String expected = (r[1].equals("stream") ? byStream : byPath).get(r[0]);
                    assertEquals(expected, r[2], "parallel result differs for " + r[0] + " (" + r[1] + ")");
                    compared++;
                }
            }
            assertEquals(8 * seeds.size(), compared);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void reportCarriesToolRulesAndSummary() {
        List<SubmissionResult> results = selfEval.checkAll(SEEDS);
        assertEquals(5, results.size());
        CheckReport report = selfEval.report(results);
        assertEquals("selfeval", report.tool().name());
        assertEquals("rules", report.rules().dir());
        assertEquals(selfEval.fingerprint(), report.rules().fingerprint());
        assertTrue(report.rules().count() > 0);
        assertEquals(5, report.summary().submissions());
        assertTrue(report.summary().errors() > 0);
        String json = selfEval.toJson(report);
        assertTrue(json.startsWith("{\n  \"tool\""), json);
    }

    @Test
    void badStreamsGiveUnreadableResultsNotExceptions(@TempDir Path tmp) throws Exception {
        SelfEval own = SelfEval.builder().ruleBase(io.selfeval.testing.Checks.rules()).tempDir(tmp).build();
        SubmissionResult empty = own.check(new ByteArrayInputStream(new byte[0]), "../../etc/空.docx");
        assertEquals("空.docx", empty.getFile());
        assertTrue(empty.isUnreadable());
        assertEquals("PARSE_UNREADABLE", empty.getFindings().get(0).getCode());
        SubmissionResult zip = own.check(new ByteArrayInputStream("not a zip".getBytes()), "x.zip");
        assertTrue(zip.isUnreadable(), zip::getError);
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(0, left.count(), "temporary files left behind");
        }
        SubmissionResult ok = own.check(Files.newInputStream(seeds.get(0)), seeds.get(0).getFileName().toString());
        assertNull(ok.getError());
        assertFalse(ok.getFindings().isEmpty());
    }
}
