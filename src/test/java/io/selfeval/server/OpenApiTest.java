package io.selfeval.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.selfeval.api.SelfEval;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import static io.selfeval.server.SelfEvalServerTest.HTTP;
import static io.selfeval.server.SelfEvalServerTest.base;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI description served at /api/openapi.json is the one in the repository and matches the routes: every
 * path and method it names is answered (not 404/405), every other method on those paths is 405 with Allow and a
 * Chinese error, and a path it does not name is 404.
 */
class OpenApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");
    private static Path tmp;
    private static SelfEvalServer server;

    @BeforeAll
    static void start() throws Exception {
        tmp = Files.createTempDirectory("selfeval-openapi-test-");
        server = SelfEvalServer.start(new SelfEvalServer.Options().port(0)
                .rules(SelfEvalServerTest.copyRules(tmp.resolve("rules"))).rulesLabel("rules").tempDir(tmp.resolve("work")));
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        SelfEval.deleteTree(tmp);
    }

    private static HttpResponse<String> send(String method, String path) throws Exception {
        HttpRequest.BodyPublisher body = method.equals("GET") || method.equals("DELETE")
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("");
        return HTTP.send(HttpRequest.newBuilder(URI.create(base(server) + path)).method(method, body).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theDescriptionIsTheRepositoryFileAndMatchesTheRoutes() throws Exception {
        HttpResponse<String> served = send("GET", "/api/openapi.json");
        assertEquals(200, served.statusCode());
        JsonNode spec = JSON.readTree(served.body());
        assertEquals(JSON.readTree(Files.readString(Path.of("src/main/resources/api/openapi.json"))), spec);
        assertTrue(spec.path("openapi").asText().startsWith("3."), spec.path("openapi")::toString);

        List<String> described = new ArrayList<>();
        for (Iterator<String> paths = spec.path("paths").fieldNames(); paths.hasNext(); ) {
            String path = paths.next();
            JsonNode item = spec.path("paths").path(path);
            for (String method : METHODS) {
                HttpResponse<String> r = send(method, path);
                if (item.has(method.toLowerCase(Locale.ROOT))) {
                    described.add(method + " " + path);
                    assertNotEquals(404, r.statusCode(), method + " " + path);
                    assertNotEquals(405, r.statusCode(), method + " " + path);
                    assertTrue(item.path(method.toLowerCase(Locale.ROOT)).path("responses").has(String.valueOf(r.statusCode())),
                            method + " " + path + " answered " + r.statusCode() + ", which the description does not list");
                } else {
                    assertEquals(405, r.statusCode(), method + " " + path + ": " + r.body());
                    String allow = r.headers().firstValue("Allow").orElse("");
                    assertTrue(item.has(allow.toLowerCase(Locale.ROOT)), method + " " + path + " Allow: " + allow);
                    assertTrue(JSON.readTree(r.body()).path("error").asText().contains("不支持此请求方法"), r.body());
                }
            }
        }
        assertTrue(described.containsAll(List.of("POST /api/check", "GET /api/rules", "GET /api/health", "GET /api/openapi.json")),
                described::toString);
        assertEquals(404, send("GET", "/api/nothing").statusCode());
    }

    @Test
    void getOnCheckIs405NotFound() throws Exception {
        HttpResponse<String> r = send("GET", "/api/check");
        assertEquals(405, r.statusCode(), r::body);
        assertEquals("POST", r.headers().firstValue("Allow").orElse(""));
    }
}
