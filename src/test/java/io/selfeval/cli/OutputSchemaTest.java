package io.selfeval.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.selfeval.fixtures.BrokenFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/output.schema.json, the JSON contract as a schema, holds for real output: text and Office inputs, a damaged file. */
class OutputSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static JsonSchema schema() throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("docs/output.schema.json"))) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
    }

    @Test
    void realOutputValidatesAndTheSchemaJudges() throws Exception {
        JsonSchema schema = schema();
        Path broken = BrokenFiles.truncated(Path.of("fixtures/office/000_0c4b3fbed2722708.doc"), 0.3, tmp.resolve("损坏.doc"));
        CliRun run = CliRun.of("check", "fixtures/seeds", "fixtures/office/000_0c4b3fbed2722708", broken.toString(),
                "--format", "json");
        assertEquals(3, run.exit(), run::toString);
        JsonNode doc = JSON.readTree(run.out());
        Set<ValidationMessage> problems = schema.validate(doc);
        assertTrue(problems.isEmpty(), () -> problems.toString());
        assertEquals(7, doc.path("submissions").size());
        assertTrue(doc.toString().contains("\"cell\""), "a workbook cell is among the locations checked");

        // A finding that loses its code, or a severity the contract does not have, is refused.
        JsonNode noCode = doc.deepCopy();
        ((ObjectNode) noCode.path("submissions").get(0).path("findings").get(0)).remove("code");
        assertFalse(schema.validate(noCode).isEmpty());
        JsonNode badSeverity = doc.deepCopy();
        ((ObjectNode) badSeverity.path("submissions").get(0).path("findings").get(0)).put("severity", "错误");
        assertFalse(schema.validate(badSeverity).isEmpty());
    }
}
