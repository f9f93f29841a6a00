package io.selfeval.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfeval.api.SelfEval;
import io.selfeval.fixtures.OfficeRenderings;
import io.selfeval.server.SelfEvalServerTest.Part;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Load on loopback: 200 requests, 16 at a time, against the real service with a mix of inputs (the five text seeds,
 * seed 000 as .docx, the Word 97–2003 .doc, and a zip of the .doc + .xls folder). Every response must be 200 with the
 * contract's JSON and the same finding codes as a sequential request of the same input (no failures, no cross-talk
 * between concurrent requests). Bounded in count and time (5 minutes); latency is written to target/load/latency.txt
 * but not asserted: speed is measured, not tested (see BENCHMARKS.md, "HTTP service").
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
@Tag("slow") // a load test
class SelfEvalLoadTest {
    static final int REQUESTS = 200;
    static final int CONCURRENCY = 16;
    static final Path REPORT = Path.of("target/load/latency.txt");

    private static Path tmp;
    private static SelfEvalServer server;

    /** One kind of upload: a name for the report, the parts, and the codes a sequential request gave. */
    record Input(String kind, Part[] parts, List<String> expectedCodes) {
    }

    @BeforeAll
    static void start() throws Exception {
        tmp = Files.createTempDirectory("selfeval-load-");
        // the default settings: as many workers as processors, the other requests of the 16 wait their turn
        server = SelfEvalServer.start(new SelfEvalServer.Options().port(0)
                .rules(SelfEvalServerTest.copyRules(tmp.resolve("rules"))).rulesLabel("rules").tempDir(tmp.resolve("work")));
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (tmp != null) io.selfeval.read.Submissions.deleteTree(tmp);
    }

    static List<Input> inputs() throws Exception {
        List<Input> in = new ArrayList<>();
        for (Path seed : SelfEvalServerTest.seeds()) in.add(input("txt " + seed.getFileName(), Part.of(seed)));
        in.add(input("docx 000", Part.of(OfficeRenderings.docx("000", tmp.resolve("docx")))));
        Path office = Path.of("fixtures/office");
        in.add(input("doc 000", Part.of(office.resolve("000_0c4b3fbed2722708.doc"))));
        Map<String, byte[]> folder = new LinkedHashMap<>();
        try (Stream<Path> s = Files.list(office.resolve("000_0c4b3fbed2722708"))) {
            for (Path p : s.sorted().toList()) folder.put("000_0c4b3fbed2722708/" + p.getFileName(), Files.readAllBytes(p));
        }
        in.add(input("zip 000 (doc+xls)", new Part("files", "县级报告.zip", SelfEvalServerTest.zip(folder))));
        return in;
    }

    /** Sends the input once, alone, and keeps its codes as the expected ones. */
    static Input input(String kind, Part... parts) throws Exception {
        HttpResponse<byte[]> r = SelfEvalServerTest.post(server, "/api/check", null, parts);
        JsonNode doc = checkContract(kind, r);
        return new Input(kind, parts, codes(doc));
    }

    static JsonNode checkContract(String kind, HttpResponse<byte[]> r) throws IOException {
        assertEquals(200, r.statusCode(), () -> kind + ": " + new String(r.body(), StandardCharsets.UTF_8));
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), kind);
        JsonNode doc = SelfEvalServerTest.JSON.readTree(r.body());
        List<String> keys = new ArrayList<>();
        doc.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("tool", "rules", "submissions", "summary"), keys, kind);
        assertEquals(1, doc.get("submissions").size(), kind);
        JsonNode sub = doc.get("submissions").get(0);
        assertTrue(sub.get("error").isNull(), () -> kind + ": " + sub.get("error"));
        assertFalse(sub.get("findings").isEmpty(), kind);
        return doc;
    }

    static List<String> codes(JsonNode doc) {
        return SelfEvalServerTest.codes(doc.get("submissions").get(0));
    }

    @Test
    void twoHundredMixedRequestsSixteenAtATimeAllSucceed() throws Exception {
        List<Input> inputs = inputs();
        long[] nanos = new long[REQUESTS];
        String[] kinds = new String[REQUESTS];
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        long start = System.nanoTime();
        try {
            for (int i = 0; i < REQUESTS; i++) {
                int n = i;
                Input in = inputs.get(i % inputs.size());
                kinds[n] = in.kind();
                pool.execute(() -> {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<byte[]> r = SelfEvalServerTest.post(server, "/api/check", null, in.parts());
                        nanos[n] = System.nanoTime() - t0;
                        List<String> got = codes(checkContract(in.kind(), r));
                        if (!got.equals(in.expectedCodes())) {
                            failures.add("#" + n + " " + in.kind() + ": codes " + got + " instead of " + in.expectedCodes());
                        }
                    } catch (Throwable e) {
                        nanos[n] = System.nanoTime() - t0;
                        failures.add("#" + n + " " + in.kind() + ": " + e);
                    }
                });
            }
            pool.shutdown();
            assertTrue(pool.awaitTermination(5, TimeUnit.MINUTES), "200 requests did not finish within 5 minutes");
        } finally {
            pool.shutdownNow();
        }
        long wall = System.nanoTime() - start;

        writeReport(inputs, nanos, kinds, wall, failures.size());
        assertEquals(List.of(), List.copyOf(failures), failures.size() + " of " + REQUESTS + " requests failed");
        SelfEvalServerTest.assertHealthy(server);
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** Nearest-rank percentile of sorted values. */
    static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static void writeReport(List<Input> inputs, long[] nanos, String[] kinds, long wall, int failures) throws IOException {
        long[] all = nanos.clone();
        Arrays.sort(all);
        StringBuilder b = new StringBuilder();
        b.append(String.format("selfeval HTTP load test, %s%n", Instant.now()));
        b.append(String.format("requests %d, concurrency %d, failures %d, %d processors, load average %.2f%n", REQUESTS,
                CONCURRENCY, failures, Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        b.append("mix (round robin): ").append(String.join(", ", inputs.stream().map(Input::kind).toList())).append('\n');
        b.append(String.format("wall %.2f s, throughput %.1f requests/s%n", wall / 1e9, REQUESTS / (wall / 1e9)));
        b.append(String.format("latency ms: p50 %.1f, p95 %.1f, max %.1f, min %.1f%n", ms(percentile(all, 50)),
                ms(percentile(all, 95)), ms(all[all.length - 1]), ms(all[0])));
        Map<String, List<Long>> byKind = new TreeMap<>();
        for (int i = 0; i < nanos.length; i++) byKind.computeIfAbsent(kinds[i], k -> new ArrayList<>()).add(nanos[i]);
        for (Map.Entry<String, List<Long>> e : byKind.entrySet()) {
            long[] v = e.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
            b.append(String.format("  %-36s n=%3d  p50 %8.1f  p95 %8.1f  max %8.1f%n", e.getKey(), v.length,
                    ms(percentile(v, 50)), ms(percentile(v, 95)), ms(v[v.length - 1])));
        }
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, b.toString(), StandardCharsets.UTF_8);
        System.out.print(b);
    }
}
