package io.selfeval.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfeval.api.SelfEval;
import io.selfeval.cli.HostileNamesAccess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.selfeval.server.SelfEvalServerTest.HTTP;
import static io.selfeval.server.SelfEvalServerTest.JSON;
import static io.selfeval.server.SelfEvalServerTest.Part;
import static io.selfeval.server.SelfEvalServerTest.assertChineseError;
import static io.selfeval.server.SelfEvalServerTest.assertHealthy;
import static io.selfeval.server.SelfEvalServerTest.base;
import static io.selfeval.server.SelfEvalServerTest.get;
import static io.selfeval.server.SelfEvalServerTest.post;
import static io.selfeval.server.SelfEvalServerTest.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service answers like a service: security headers on every answer (the page's policy allowing only its own
 * script and style by hash), names of markup shown as text, malformed uploads and over-long names refused with 400.
 */
@Tag("slow") // a server on a copy of rules/, compiled
class ServiceHardeningTest {
    private static Path tmp;
    private static SelfEvalServer server;

    @BeforeAll
    static void start() throws Exception {
        tmp = Files.createTempDirectory("selfeval-hardening-test-");
        server = SelfEvalServer.start(new SelfEvalServer.Options().port(0)
                .rules(SelfEvalServerTest.copyRules(tmp.resolve("rules"))).rulesLabel("rules").tempDir(tmp.resolve("work")));
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        io.selfeval.read.Submissions.deleteTree(tmp);
    }

    private static void assertCommonHeaders(HttpResponse<?> r) {
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), r.uri()::toString);
        assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(null), r.uri()::toString);
        assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(null), r.uri()::toString);
        assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").startsWith("default-src 'none'"),
                r.uri() + " " + r.headers());
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        assertCommonHeaders(get(server, "/api/health", null));
        assertCommonHeaders(get(server, "/api/rules", null));
        assertCommonHeaders(get(server, "/api/nothing", null));
        assertCommonHeaders(post(server, "/api/check", null));
        HttpResponse<byte[]> ok = post(server, "/api/check", null, Part.of(Path.of("fixtures/seeds/000_0c4b3fbed2722708.txt")));
        assertEquals(200, ok.statusCode());
        assertCommonHeaders(ok);
        assertEquals("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
                ok.headers().firstValue("Content-Security-Policy").orElseThrow(), "JSON may load and run nothing");
    }

    @Test
    void thePagesPolicyAllowsOnlyItsOwnScriptAndStyle() throws Exception {
        HttpResponse<String> page = get(server, "/", null);
        assertEquals(200, page.statusCode());
        assertCommonHeaders(page);
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval"), csp);
        assertTrue(csp.contains("connect-src 'self'"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        Matcher script = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(page.body());
        assertTrue(script.find(), "the page has its script inline");
        assertTrue(csp.contains("script-src 'sha256-" + sha256(script.group(1)) + "'"), "the script's hash: " + csp);
        assertFalse(script.find(), "one inline script only");
        Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(page.body());
        assertTrue(style.find());
        assertTrue(csp.contains("style-src 'sha256-" + sha256(style.group(1)) + "'"), csp);
        assertFalse(page.body().matches("(?s).*\\son[a-z]+=.*"), "no inline event handlers the policy would block");
    }

    @Test
    void theHtmlReportIsServedWithItsOwnPolicyAndMarkupAsText() throws Exception {
        Path report = HostileNamesAccess.hostileReport(Files.createDirectories(tmp.resolve("hostile")));
        HttpResponse<byte[]> html = post(server, "/api/check?format=html", null, Part.of(report));
        assertEquals(200, html.statusCode(), () -> text(html));
        String csp = html.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.startsWith("default-src 'none'; style-src 'unsafe-inline'; img-src data:"), csp);
        assertFalse(csp.contains("script-src"), csp);
        String body = text(html);
        assertTrue(body.contains("&lt;svg/onload=alert(1)&gt;办公室"), "the unit shows as text");
        assertFalse(body.contains("<svg/onload") || body.contains("<img src=x"), "no markup of the names");

        HttpResponse<byte[]> json = post(server, "/api/check", null, Part.of(report));
        JsonNode s = JSON.readTree(json.body()).get("submissions").get(0);
        assertEquals(HostileNamesAccess.UNIT, s.get("unit").asText());
        assertFalse(s.get("file").asText().contains("<"), "the upload is saved and named without markup: " + s.get("file"));
    }

    @Test
    void malformedMultipartIs400InChinese() throws Exception {
        String boundary = "----selfevalbroken";
        String[] bodies = {
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.txt\"\r\n\r\nno end",
                "garbage without any boundary",
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.txt\"\r\n"
                        + "Content-Type: text/plain\r\n" + "X".repeat(70_000) + "\r\n\r\nx\r\n--" + boundary + "--\r\n",
                "--" + boundary + "\r\nno headers at all\r\n--" + boundary + "--\r\n",
        };
        for (String body : bodies) {
            HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(base(server) + "/api/check"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertChineseError(r, 400);
        }
        HttpResponse<byte[]> noBoundary = HTTP.send(HttpRequest.newBuilder(URI.create(base(server) + "/api/check"))
                .header("Content-Type", "multipart/form-data")
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertChineseError(noBoundary, 400);
        assertHealthy(server);
    }

    @Test
    void overLongNamesAre400InChinese() throws Exception {
        byte[] seed = Files.readAllBytes(Path.of("fixtures/seeds/000_0c4b3fbed2722708.txt"));
        String longChinese = "很长的文件名".repeat(15) + ".txt"; // 274 bytes in UTF-8
        assertTrue(longChinese.getBytes(StandardCharsets.UTF_8).length > 255);
        for (String name : new String[]{longChinese, "a".repeat(300) + ".txt"}) {
            HttpResponse<byte[]> r = post(server, "/api/check", null, new Part("files", name, seed));
            assertChineseError(r, 400);
            assertTrue(SelfEvalServerTest.json(r).get("error").asText().contains("文件名过长"), () -> text(r));
        }
        // just under the limit is checked, whatever the bytes per character
        String fits = "较长的文件名".repeat(13) + ".txt"; // 238 bytes
        HttpResponse<byte[]> ok = post(server, "/api/check", null, new Part("files", fits, seed));
        assertEquals(200, ok.statusCode(), () -> text(ok));
        assertHealthy(server);
    }

    private static String sha256(String s) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
