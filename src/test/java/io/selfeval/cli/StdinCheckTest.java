package io.selfeval.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.selfeval.read.TempFiles;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code check -} reads one submission from standard input; --name gives its file name and so its type. */
class StdinCheckTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEED = "fixtures/seeds/000_0c4b3fbed2722708.txt";
    private static final String DOC = "fixtures/office/000_0c4b3fbed2722708.doc";

    private static JsonNode json(CliRun run) throws Exception {
        return JSON.readTree(run.out());
    }

    @Test
    void aReportOnStdinGivesTheSameFindingsAsTheFile() throws Exception {
        JsonNode fromFile = json(CliRun.of("check", SEED, "--format", "json"));
        CliRun run = CliRun.withStdin(Files.readAllBytes(Path.of(SEED)), "check", "-", "--name", "君山区.txt", "--format", "json");
        assertEquals(1, run.exit(), run::toString);
        JsonNode sub = json(run).path("submissions").get(0);
        assertEquals("君山区.txt", sub.path("file").asText());
        assertEquals(fromFile.path("submissions").get(0).path("findings").size(), sub.path("findings").size());
        assertEquals(fromFile.path("submissions").get(0).path("review"), sub.path("review"));
        assertTrue(TempFiles.live().stream().noneMatch(p -> p.toString().contains("selfeval-stdin-")), "stdin copy removed");
    }

    @Test
    void theNameGivesTheType() throws Exception {
        byte[] doc = Files.readAllBytes(Path.of(DOC));
        CliRun asWord = CliRun.withStdin(doc, "check", "-", "--name", "自评报告.doc", "--format", "json");
        JsonNode sub = json(asWord).path("submissions").get(0);
        assertTrue(sub.path("error").isNull(), asWord::toString);
        assertTrue(sub.path("unit").asText().contains("君山区"), asWord::toString);
    }

    @Test
    void withoutANameIsAUsageErrorInChinese() {
        CliRun run = CliRun.withStdin("x".getBytes(), "check", "-");
        assertEquals(2, run.exit(), run::toString);
        assertTrue(run.err().contains("--name"), run::toString);
        assertEquals("", run.out());
        CliRun nameWithoutStdin = CliRun.of("check", SEED, "--name", "a.txt");
        assertEquals(2, nameWithoutStdin.exit(), nameWithoutStdin::toString);
    }

    @Test
    void stdinAndFilesTogether() throws Exception {
        CliRun run = CliRun.withStdin(Files.readAllBytes(Path.of(SEED)), "check", "fixtures/seeds/001_972b45f934876c4e.txt", "-",
                "--name", "标准输入.txt", "--format", "json");
        JsonNode doc = json(run);
        assertEquals(2, doc.path("submissions").size(), run::toString);
        assertEquals("标准输入.txt", doc.path("submissions").get(1).path("file").asText());
    }
}
