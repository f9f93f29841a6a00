package io.selfeval.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.selfeval.api.SelfEval;
import io.selfeval.model.Finding;
import io.selfeval.model.SubmissionResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTTP service on a free loopback port: the contract's JSON for each seed (the same codes as the library on
 * the same file), the other formats, limits (413, 400 for a zip leaving its folder, the service still up after),
 * the token, and uploads deleted after the response. The rules are a copy, never the project's own folder.
 */
@Tag("slow") // servers on copies of rules/, each compiled
class SelfEvalServerTest {
    static final Path SEEDS = Path.of("fixtures/seeds");
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static Path tmp;
    private static Path work;
    private static SelfEvalServer server;
    private static SelfEval library;

    @BeforeAll
    static void start() throws Exception {
        tmp = Files.createTempDirectory("selfeval-server-test-");
        Path rules = copyRules(tmp.resolve("rules"));
        work = tmp.resolve("work");
        server = SelfEvalServer.start(new SelfEvalServer.Options().port(0).rules(rules).rulesLabel("rules")
                .tempDir(work).maxUploadBytes(512 * 1024));
        library = SelfEval.builder().rules(rules).build();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        io.selfeval.read.Submissions.deleteTree(tmp);
    }

    static Path copyRules(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> s = Files.list(Path.of("rules"))) {
            for (Path p : s.filter(Files::isRegularFile).toList()) Files.copy(p, dir.resolve(p.getFileName()));
        }
        return dir;
    }

    static List<Path> seeds() throws IOException {
        try (Stream<Path> s = Files.list(SEEDS)) {
            return s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
    }

    // ---- HTTP helpers ----

    /** One part of a multipart body: field name, file name, bytes. */
    record Part(String field, String fileName, byte[] bytes) {
        static Part of(Path file) {
            try {
                return new Part("files", file.getFileName().toString(), Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static HttpResponse<byte[]> post(SelfEvalServer s, String pathAndQuery, String token, Part... parts) throws Exception {
        String boundary = "----selfeval" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Part p : parts) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p.field() + "\"; filename=\""
                    + p.fileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(p.bytes());
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base(s) + pathAndQuery))
                .timeout(Duration.ofMinutes(3))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<String> get(SelfEvalServer s, String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base(s) + path)).timeout(Duration.ofMinutes(1)).GET();
        if (token != null) b.header("Authorization", "Bearer " + token);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static String base(SelfEvalServer s) {
        return "http://127.0.0.1:" + s.port();
    }

    static JsonNode json(HttpResponse<byte[]> r) throws IOException {
        return JSON.readTree(r.body());
    }

    static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    static List<String> codes(JsonNode submission) {
        List<String> out = new ArrayList<>();
        submission.get("findings").forEach(f -> out.add(f.get("code").asText() + "/" + f.get("severity").asText()));
        return out;
    }

    static List<String> codes(SubmissionResult r) {
        List<String> out = new ArrayList<>();
        for (Finding f : r.getFindings()) out.add(f.getCode() + "/" + f.getSeverity());
        return out;
    }

    static void assertChineseError(HttpResponse<byte[]> r, int status) throws IOException {
        assertEquals(status, r.statusCode(), () -> text(r));
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers()::toString);
        String error = json(r).path("error").asText();
        assertTrue(error.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), error);
    }

    static void assertHealthy(SelfEvalServer s) throws Exception {
        HttpResponse<String> h = get(s, "/api/health", null);
        assertEquals(200, h.statusCode(), h::body);
        assertEquals("ok", JSON.readTree(h.body()).get("status").asText());
    }

    /** Nothing of an upload is left once its response has arrived (the multipart cache folder is empty too). */
    static void assertNoUploadsLeft() throws IOException {
        try (Stream<Path> s = Files.walk(work)) {
            List<Path> left = s.filter(p -> !p.equals(work) && !p.equals(work.resolve("multipart"))).toList();
            assertEquals(List.of(), left, "uploaded files left after the response");
        }
    }

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    // ---- tests ----

    @Test
    void eachSeedGivesTheContractJsonWithTheLibrarysCodes() throws Exception {
        for (Path seed : seeds()) {
            HttpResponse<byte[]> r = post(server, "/api/check", null, Part.of(seed));
            assertEquals(200, r.statusCode(), () -> text(r));
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            JsonNode doc = json(r);
            List<String> keys = new ArrayList<>();
            doc.fieldNames().forEachRemaining(keys::add);
            assertEquals(List.of("tool", "rules", "submissions", "summary"), keys);
            assertEquals("selfeval", doc.get("tool").get("name").asText());
            assertEquals("rules", doc.get("rules").get("dir").asText());
            assertEquals(library.fingerprint(), doc.get("rules").get("fingerprint").asText());
            assertEquals(1, doc.get("submissions").size());
            JsonNode sub = doc.get("submissions").get(0);
            assertEquals(seed.getFileName().toString(), sub.get("file").asText());
            assertTrue(sub.get("error").isNull());
            assertTrue(sub.get("review").has("score"));
            List<String> expected = codes(library.check(seed));
            assertFalse(expected.isEmpty());
            assertEquals(expected, codes(sub), seed.toString());
            assertEquals(1, doc.get("summary").get("submissions").asInt());
            assertNoUploadsLeft();
        }
    }

    @Test
    void severalFilesAndAZipAreSeveralSubmissions() throws Exception {
        List<Path> seeds = seeds();
        HttpResponse<byte[]> two = post(server, "/api/check", null, Part.of(seeds.get(0)), Part.of(seeds.get(1)));
        assertEquals(200, two.statusCode(), () -> text(two));
        assertEquals(2, json(two).get("submissions").size());

        byte[] zip = zip(Map.of("a甲单位/" + seeds.get(2).getFileName(), Files.readAllBytes(seeds.get(2)),
                "b乙单位/" + seeds.get(3).getFileName(), Files.readAllBytes(seeds.get(3))));
        HttpResponse<byte[]> z = post(server, "/api/check", null, new Part("file", "报告.zip", zip));
        assertEquals(200, z.statusCode(), () -> text(z));
        JsonNode subs = json(z).get("submissions");
        assertEquals(2, subs.size());
        assertEquals("报告.zip!/a甲单位/" + seeds.get(2).getFileName(), subs.get(0).get("file").asText());
        assertEquals(codes(library.check(seeds.get(2))), codes(subs.get(0)));
        assertNoUploadsLeft();
    }

    /** Published forms: a text PDF and a web page are checked as the library checks them; a scan is refused. */
    @Test
    void pdfAndWebPageUploadsAreChecked() throws Exception {
        Path pdf = Path.of("fixtures/pdf/000_0c4b3fbed2722708.pdf");
        Path page = Path.of("fixtures/html/004_a3928fcbeeb643f4.html");
        Path scan = Path.of("fixtures/scanned/000_scan.pdf");
        HttpResponse<byte[]> r = post(server, "/api/check", null, Part.of(pdf), Part.of(page), Part.of(scan));
        assertEquals(200, r.statusCode(), () -> text(r));
        JsonNode subs = json(r).get("submissions");
        assertEquals(3, subs.size(), () -> text(r));
        assertEquals(codes(library.check(SEEDS.resolve("000_0c4b3fbed2722708.txt"))), codes(subs.get(0)), "pdf");
        assertEquals(codes(library.check(pdf)), codes(subs.get(0)), "pdf as the library reads it");
        // in name order: 000_…pdf, 000_scan.pdf, 004_…html
        assertTrue(subs.get(1).get("error").asText().contains("扫描件"), subs.get(1)::toString);
        assertEquals(codes(library.check(SEEDS.resolve("004_a3928fcbeeb643f4.txt"))), codes(subs.get(2)), "html");
        assertNoUploadsLeft();
        String form = get(server, "/", null).body();
        assertTrue(form.contains(".pdf,") && form.contains(".html,") && form.contains(".mht,"), "the page offers PDF and web pages");
    }

    @Test
    void xlsxAndHtmlFormats() throws Exception {
        Path seed = seeds().get(0);
        HttpResponse<byte[]> x = post(server, "/api/check?format=xlsx", null, Part.of(seed));
        assertEquals(200, x.statusCode(), () -> text(x));
        assertTrue(x.headers().firstValue("Content-Type").orElse("").contains("spreadsheetml"));
        assertEquals('P', x.body()[0]);
        assertEquals('K', x.body()[1]);
        HttpResponse<byte[]> h = post(server, "/api/check?format=html", null, Part.of(seed));
        assertEquals(200, h.statusCode(), () -> text(h));
        assertTrue(text(h).contains("<html"), () -> text(h).substring(0, 200));
        assertTrue(text(h).contains("EXE_RATE_MISMATCH"));
        assertChineseError(post(server, "/api/check?format=pdf", null, Part.of(seed)), 400);
    }

    @Test
    void oversizeUploadIs413AndTheServiceStaysUp() throws Exception {
        byte[] big = new byte[900 * 1024];
        java.util.Arrays.fill(big, (byte) 'x');
        assertChineseError(post(server, "/api/check", null, new Part("files", "大.txt", big)), 413);
        assertHealthy(server);
        assertNoUploadsLeft();
    }

    @Test
    void zipLeavingItsFolderIs400AndTheServiceStaysUp() throws Exception {
        byte[] evil = zip(Map.of("../../evil.txt", "x".getBytes(StandardCharsets.UTF_8)));
        HttpResponse<byte[]> r = post(server, "/api/check", null, new Part("files", "evil.zip", evil));
        assertChineseError(r, 400);
        assertTrue(json(r).get("error").asText().contains("不安全的路径"), () -> text(r));
        assertFalse(Files.exists(work.resolveSibling("evil.txt")));
        assertHealthy(server);
        assertNoUploadsLeft();
        // and it still checks
        HttpResponse<byte[]> ok = post(server, "/api/check", null, Part.of(seeds().get(1)));
        assertEquals(200, ok.statusCode());
    }

    @Test
    void badRequestsGetJsonErrors() throws Exception {
        assertChineseError(post(server, "/api/check", null), 400);
        HttpResponse<byte[]> notMultipart = HTTP.send(HttpRequest.newBuilder(URI.create(base(server) + "/api/check"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"path\":\"/etc/passwd\"}")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertChineseError(notMultipart, 400);
        HttpResponse<String> missing = get(server, "/api/nothing", null);
        assertEquals(404, missing.statusCode());
        assertTrue(JSON.readTree(missing.body()).has("error"));
        HttpResponse<byte[]> odd = post(server, "/api/check", null, new Part("files", "说明.pdf", "%PDF".getBytes()));
        assertEquals(200, odd.statusCode(), () -> text(odd));
        assertEquals("PARSE_UNREADABLE", json(odd).get("submissions").get(0).get("findings").get(0).get("code").asText());
    }

    @Test
    void rulesAndHealth() throws Exception {
        HttpResponse<String> r = get(server, "/api/rules", null);
        assertEquals(200, r.statusCode());
        JsonNode rules = JSON.readTree(r.body());
        assertEquals(library.fingerprint(), rules.get("fingerprint").asText());
        assertEquals(library.ruleBase().ruleCount(), rules.get("count").asInt());
        assertEquals(library.ruleBase().ruleCount(), rules.get("rules").size());
        assertTrue(rules.get("errors").isEmpty());
        assertTrue(rules.get("rules").get(0).has("code"));
        assertEquals("全年预算数", rules.path("evidenceLabels").path("budget").asText(), "the page labels evidence in Chinese");
        assertHealthy(server);
    }

    @Test
    void pageIsServed() throws Exception {
        HttpResponse<String> page = get(server, "/", null);
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains("/api/check"));
        Predicate<String> external = Predicate.not(s -> s.contains("src=\"http") || s.contains("href=\"http"));
        assertTrue(external.test(page.body()), "the page fetches nothing from elsewhere");
    }

    @Test
    void tokenIsRequiredWhenSetAndBeyondLoopback() throws Exception {
        assertTrue(SelfEvalServer.isLoopback("127.0.0.1"));
        assertFalse(SelfEvalServer.isLoopback("0.0.0.0"));
        IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SelfEvalServer.start(new SelfEvalServer.Options().bind("0.0.0.0").port(0).rules(Path.of("rules"))));
        assertTrue(refused.getMessage().contains("令牌"));

        Path own = Files.createTempDirectory(tmp, "token-");
        try (SelfEvalServer s = SelfEvalServer.start(new SelfEvalServer.Options().port(0)
                .rules(copyRules(own.resolve("rules"))).tempDir(own.resolve("work")).token("s3cret"))) {
            Path seed = seeds().get(0);
            assertChineseError(post(s, "/api/check", null, Part.of(seed)), 401);
            assertChineseError(post(s, "/api/check", "wrong", Part.of(seed)), 401);
            assertEquals(401, get(s, "/api/rules", null).statusCode());
            assertEquals(200, get(s, "/api/rules", "s3cret").statusCode());
            assertHealthy(s);
            assertEquals(200, post(s, "/api/check", "s3cret", Part.of(seed)).statusCode());
        }
    }

    @Test
    void requestsBeyondTheConcurrencyLimitGet503() throws Exception {
        Path own = Files.createTempDirectory(tmp, "busy-");
        try (SelfEvalServer s = SelfEvalServer.start(new SelfEvalServer.Options().port(0)
                .rules(copyRules(own.resolve("rules"))).tempDir(own.resolve("work")).maxConcurrent(1).maxQueued(0))) {
            s.permits().acquire(); // one request under way, no room to wait
            try {
                assertChineseError(post(s, "/api/check", null, Part.of(seeds().get(0))), 503);
                assertHealthy(s);
            } finally {
                s.permits().release();
            }
            assertEquals(200, post(s, "/api/check", null, Part.of(seeds().get(0))).statusCode());
        }
    }

    /** Beyond the workers a request waits for its turn (health counts it), and gets 503 only after the wait. */
    @Test
    void requestsBeyondTheWorkersWaitTheirTurn() throws Exception {
        Path own = Files.createTempDirectory(tmp, "queue-");
        try (SelfEvalServer s = SelfEvalServer.start(new SelfEvalServer.Options().port(0)
                .rules(copyRules(own.resolve("rules"))).tempDir(own.resolve("work")).maxConcurrent(1))) {
            s.running().acquire(); // the one worker is busy
            java.util.concurrent.CompletableFuture<HttpResponse<byte[]>> waiting = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> {
                        try {
                            return post(s, "/api/check", null, Part.of(seeds().get(0)));
                        } catch (Exception e) {
                            throw new RuntimeException(e);
                        }
                    });
            JsonNode health = null;
            for (int i = 0; i < 200 && (health == null || health.get("queued").asInt() == 0); i++) {
                Thread.sleep(50);
                health = JSON.readTree(get(s, "/api/health", null).body());
            }
            assertEquals(1, health.get("queued").asInt(), health::toString);
            assertEquals(1, health.get("busy").asInt(), health::toString);
            assertFalse(waiting.isDone(), "it waits rather than being refused");
            s.running().release();
            HttpResponse<byte[]> r = waiting.get(2, java.util.concurrent.TimeUnit.MINUTES);
            assertEquals(200, r.statusCode(), () -> text(r));
        }
        try (SelfEvalServer s = SelfEvalServer.start(new SelfEvalServer.Options().port(0)
                .rules(copyRules(own.resolve("rules2"))).tempDir(own.resolve("work2")).maxConcurrent(1)
                .queueWait(Duration.ofMillis(300)))) {
            s.running().acquire();
            try {
                HttpResponse<byte[]> r = post(s, "/api/check", null, Part.of(seeds().get(0)));
                assertChineseError(r, 503);
                assertTrue(json(r).get("error").asText().contains("排队"), () -> text(r));
            } finally {
                s.running().release();
            }
            assertEquals(200, post(s, "/api/check", null, Part.of(seeds().get(0))).statusCode());
        }
    }

    @Test
    void slowRequestsAreCutOff() throws Exception {
        Path own = Files.createTempDirectory(tmp, "slow-");
        try (SelfEvalServer s = SelfEvalServer.start(new SelfEvalServer.Options().port(0)
                .rules(copyRules(own.resolve("rules"))).tempDir(own.resolve("work")).requestTimeout(Duration.ofMillis(1)))) {
            List<Path> seeds = seeds();
            HttpResponse<byte[]> r = post(s, "/api/check", null, seeds.stream().map(Part::of).toArray(Part[]::new));
            assertChineseError(r, 503);
            assertTrue(json(r).get("error").asText().contains("超时"), () -> text(r));
            assertNotEquals(0, seeds.size());
        }
    }
}
