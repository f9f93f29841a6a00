package io.selfeval.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.selfeval.api.SelfEval;
import io.selfeval.cli.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static io.selfeval.server.SelfEvalServerTest.HTTP;
import static io.selfeval.server.SelfEvalServerTest.base;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI description served at /api/openapi.json is the one in the repository and matches the routes: every
 * path and method it names is answered (not 404/405), every other method on those paths is 405 with Allow and a
 * Chinese error, and a path it does not name is 404. It is a valid OpenAPI 3.0 document (the official 3.0 schema,
 * vendored in src/test/resources/schemas), and the answers of /api/rules and /api/health fit the schemas it gives them.
 */
@Tag("slow") // a server on a copy of rules/, compiled
class OpenApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");
    private static Path tmp;
    private static Path rulesDir;
    private static SelfEvalServer server;

    @BeforeAll
    static void start() throws Exception {
        tmp = Files.createTempDirectory("selfeval-openapi-test-");
        server = SelfEvalServer.start(new SelfEvalServer.Options().port(0)
                .rules(rulesDir = SelfEvalServerTest.copyRules(tmp.resolve("rules"))).rulesLabel("rules").tempDir(tmp.resolve("work")));
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        io.selfeval.read.Submissions.deleteTree(tmp);
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

    private static JsonNode spec() throws Exception {
        return JSON.readTree(Files.readString(Path.of("src/main/resources/api/openapi.json")));
    }

    @Test
    void theDescriptionIsAValidOpenApi30Document() throws Exception {
        try (InputStream in = OpenApiTest.class.getResourceAsStream("/schemas/openapi-3.0-schema-2024-10-18.json")) {
            assertNotNull(in, "vendored OpenAPI 3.0 schema");
            var metaSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
            JsonNode spec = spec();
            Set<ValidationMessage> problems = metaSchema.validate(spec);
            assertTrue(problems.isEmpty(), problems::toString);

            // the check has teeth: an operation without responses, or a path not starting with "/", is refused
            ObjectNode broken = spec.deepCopy();
            ((ObjectNode) broken.path("paths").path("/api/health").path("get")).remove("responses");
            ((ObjectNode) broken.path("paths")).set("api/nothing", JSON.createObjectNode());
            assertTrue(metaSchema.validate(broken).size() >= 2, () -> metaSchema.validate(broken).toString());
        }
    }

    @Test
    void rulesAnswersTheCatalogOfRulesListJson() throws Exception {
        HttpResponse<String> served = send("GET", "/api/rules");
        assertEquals(200, served.statusCode(), served::body);
        JsonNode api = JSON.readTree(served.body());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = Main.run(new String[]{"rules", "list", "--format", "json", "--rules", rulesDir.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(0, exit);
        JsonNode cli = JSON.readTree(out.toString(StandardCharsets.UTF_8));
        for (String key : List.of("fingerprint", "count", "rules", "codes")) assertEquals(cli.path(key), api.path(key), key);

        // the explanations and deductions are there, not just the names
        JsonNode missingAttachment = null;
        for (JsonNode c : api.path("codes")) if (c.path("code").asText().equals("CMP_MISSING_ATTACHMENT")) missingAttachment = c;
        assertNotNull(missingAttachment, api::toString);
        assertTrue(!missingAttachment.path("description").asText().isBlank(), missingAttachment::toString);
        assertTrue(missingAttachment.path("deductions").size() > 0 && missingAttachment.path("deductions").get(0).path("points").isNumber(),
                missingAttachment::toString);
        assertTrue(missingAttachment.path("rules").size() > 0, missingAttachment::toString);

        assertFitsItsDescription(api, "/api/rules");
        assertFitsItsDescription(JSON.readTree(send("GET", "/api/health").body()), "/api/health");
    }

    /** The 200 answer of GET path validates against the schema the description gives it. */
    private static void assertFitsItsDescription(JsonNode answer, String path) throws Exception {
        JsonNode spec = spec();
        JsonNode schema = asJsonSchema(spec.path("paths").path(path).path("get").path("responses").path("200")
                .path("content").path("application/json").path("schema"), spec);
        Set<ValidationMessage> problems = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema).validate(answer);
        assertTrue(problems.isEmpty(), () -> path + ": " + problems);
    }

    /**
     * An OpenAPI 3.0 schema object as a plain JSON Schema: references to components/schemas inlined, and
     * "nullable": true written as JSON Schema says it ("type": [T, "null"]).
     */
    private static JsonNode asJsonSchema(JsonNode node, JsonNode spec) {
        if (node.isArray()) {
            ArrayNode out = JSON.createArrayNode();
            node.forEach(n -> out.add(asJsonSchema(n, spec)));
            return out;
        }
        if (!node.isObject()) return node;
        String ref = node.path("$ref").asText("");
        if (ref.startsWith("#/components/schemas/")) {
            return asJsonSchema(spec.path("components").path("schemas").path(ref.substring("#/components/schemas/".length())), spec);
        }
        ObjectNode out = JSON.createObjectNode();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!e.getKey().equals("nullable")) out.set(e.getKey(), asJsonSchema(e.getValue(), spec));
        }
        if (node.path("nullable").asBoolean(false) && node.has("type")) {
            out.set("type", JSON.createArrayNode().add(node.path("type").asText()).add("null"));
        }
        return out;
    }
}
