package io.selfeval.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.selfeval.fixtures.BrokenFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code check --format sarif} validates against the OASIS SARIF 2.1.0 schema (vendored under
 * src/test/resources/schemas) and says what the JSON report says; {@code --format junit} parses as JUnit XML with a
 * failure exactly where a family has an ERROR. Both on the seeds, the office fixture (sheet!cell) and a damaged file.
 */
class CiFormatsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonSchema sarifSchema;

    @TempDir
    static Path tmp;
    private static Path broken;

    @BeforeAll
    static void setUp() throws Exception {
        try (InputStream in = CiFormatsTest.class.getResourceAsStream("/schemas/sarif-schema-2.1.0.json")) {
            assertNotNull(in, "vendored SARIF schema");
            sarifSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
        broken = BrokenFiles.truncated(Path.of("fixtures/office/000_0c4b3fbed2722708.doc"), 0.3, tmp.resolve("损坏的报告.doc"));
    }

    private static CliRun check(String format, String... paths) {
        String[] args = new String[paths.length + 3];
        args[0] = "check";
        System.arraycopy(paths, 0, args, 1, paths.length);
        args[paths.length + 1] = "--format";
        args[paths.length + 2] = format;
        return CliRun.of(args);
    }

    @Test
    void sarifOfTheSeedsValidatesAndCarriesEveryFinding() throws Exception {
        CliRun sarif = check("sarif", "fixtures/seeds");
        assertEquals(1, sarif.exit(), sarif::toString);
        JsonNode doc = JSON.readTree(sarif.out());
        Set<ValidationMessage> problems = sarifSchema.validate(doc);
        assertTrue(problems.isEmpty(), () -> problems + "\n" + sarif.out());

        // The schema does judge: a level SARIF does not know is refused.
        JsonNode wrong = doc.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) wrong.path("runs").get(0).path("results").get(0)).put("level", "严重");
        assertFalse(sarifSchema.validate(wrong).isEmpty());

        JsonNode report = JSON.readTree(check("json", "fixtures/seeds").out());
        JsonNode run = doc.path("runs").get(0);
        JsonNode results = run.path("results");
        assertEquals(report.path("summary").path("errors").asLong() + report.path("summary").path("warnings").asLong()
                + report.path("summary").path("infos").asLong(), results.size());
        JsonNode rules = run.path("tool").path("driver").path("rules");
        // The catalog with Chinese names; each result points at its own code's entry.
        assertTrue(rules.size() >= 30, rules::toString);
        for (JsonNode r : results) {
            JsonNode rule = rules.get(r.path("ruleIndex").asInt());
            assertEquals(r.path("ruleId").asText(), rule.path("id").asText());
            assertTrue(rule.path("shortDescription").path("text").asText().matches(".*[\\u4e00-\\u9fff].*"), rule::toString);
            assertTrue(Set.of("error", "warning", "note").contains(r.path("level").asText()));
            JsonNode physical = r.path("locations").get(0).path("physicalLocation");
            assertTrue(physical.path("artifactLocation").path("uri").asText().startsWith("fixtures/seeds/"), r::toString);
            // A line where the finding has one (a missing attachment has none).
            assertTrue(physical.path("region").isMissingNode() || physical.path("region").path("startLine").asInt() > 0, r::toString);
        }
        // The first finding of the JSON report, as SARIF says it.
        JsonNode first = report.path("submissions").get(0).path("findings").get(0);
        JsonNode same = null;
        for (JsonNode r : results) {
            if (r.path("message").path("text").asText().equals(first.path("message").asText())) same = r;
        }
        assertNotNull(same, first::toString);
        assertEquals(first.path("code").asText(), same.path("ruleId").asText());
        assertEquals(first.path("evidence"), same.path("properties").path("evidence"));
        assertEquals(first.path("rule").asText(), same.path("properties").path("rule").asText());
        assertEquals(first.path("location").path("line").asInt(),
                same.path("locations").get(0).path("physicalLocation").path("region").path("startLine").asInt());
    }

    @Test
    void sarifOfWorkbookCellsAndADamagedFileValidates() throws Exception {
        CliRun sarif = check("sarif", "fixtures/office/000_0c4b3fbed2722708", broken.toString());
        assertEquals(3, sarif.exit(), sarif::toString);
        JsonNode doc = JSON.readTree(sarif.out());
        Set<ValidationMessage> problems = sarifSchema.validate(doc);
        assertTrue(problems.isEmpty(), () -> problems + "\n" + sarif.out());
        boolean cell = false;
        boolean unreadable = false;
        for (JsonNode r : doc.path("runs").get(0).path("results")) {
            JsonNode loc = r.path("locations").get(0);
            String uri = loc.path("physicalLocation").path("artifactLocation").path("uri").asText();
            // Chinese file names percent-encoded, as a URI reference must be.
            assertTrue(uri.chars().allMatch(c -> c < 128), uri);
            if (loc.path("logicalLocations").path(0).path("name").asText().matches(".+!\\$?[A-Z]+\\$?\\d+")) cell = true;
            if (r.path("ruleId").asText().equals("PARSE_UNREADABLE")) {
                unreadable = true;
                assertTrue(java.net.URLDecoder.decode(uri, StandardCharsets.UTF_8).endsWith("损坏的报告.doc"), uri);
            }
        }
        assertTrue(cell, "a workbook finding gives its sheet!cell");
        assertTrue(unreadable, sarif::toString);
    }

    @Test
    void junitParsesWithAFailureExactlyWhereAFamilyHasAnError() throws Exception {
        CliRun junit = check("junit", "fixtures/seeds", broken.toString());
        assertEquals(3, junit.exit(), junit::toString);
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(junit.out().getBytes(StandardCharsets.UTF_8)));
        Element root = xml.getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        NodeList suites = root.getElementsByTagName("testsuite");
        assertEquals(6, suites.getLength());

        // Submission → families with an ERROR, from the JSON report of the same files.
        JsonNode report = JSON.readTree(check("json", "fixtures/seeds", broken.toString()).out());
        Map<String, Set<String>> errorFamilies = new HashMap<>();
        for (JsonNode s : report.path("submissions")) {
            Set<String> families = new HashSet<>();
            for (JsonNode f : s.path("findings")) {
                if (f.path("severity").asText().equals("ERROR")) families.add(f.path("code").asText().split("_")[0]);
            }
            if (s.path("error").isNull()) errorFamilies.put(s.path("file").asText(), families);
        }
        int errorCases = 0;
        for (int i = 0; i < suites.getLength(); i++) {
            Element suite = (Element) suites.item(i);
            NodeList cases = suite.getElementsByTagName("testcase");
            assertEquals(Integer.parseInt(suite.getAttribute("tests")), cases.getLength());
            int failures = 0;
            for (int c = 0; c < cases.getLength(); c++) {
                Element tc = (Element) cases.item(c);
                String family = tc.getAttribute("name").split(" ")[0];
                boolean failed = tc.getElementsByTagName("failure").getLength() > 0;
                if (failed) failures++;
                errorCases += tc.getElementsByTagName("error").getLength();
                Set<String> expected = errorFamilies.get(tc.getAttribute("classname"));
                if (expected != null) assertEquals(expected.contains(family), failed, tc.getAttribute("classname") + " " + family);
            }
            assertEquals(Integer.parseInt(suite.getAttribute("failures")), failures);
        }
        assertEquals(1, errorCases, "the damaged file is one error case: " + junit.out());
        assertFalse(errorFamilies.values().stream().allMatch(Set::isEmpty), "the seeds have errors");
    }

    @Test
    void sarifAndJunitWrittenToAFile() throws Exception {
        Path out = tmp.resolve("结果.sarif");
        CliRun run = CliRun.of("check", "fixtures/seeds/000_0c4b3fbed2722708.txt", "--format", "sarif", "--out", out.toString());
        assertEquals(1, run.exit(), run::toString);
        assertTrue(sarifSchema.validate(JSON.readTree(Files.readString(out))).isEmpty());
    }
}
