package io.selfeval.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.selfeval.fixtures.BrokenFiles;
import io.selfeval.fixtures.OfficeRenderings;
import io.selfeval.testing.Checks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `check` on a folder of published reports as an audit office collects them: the committed PDF and HTML renderings
 * of the seeds, one PDF inside a zip, the image-only scan and a PDF cut short. Every rendering gives its seed's
 * codes; the scan and the broken file are each one PARSE_UNREADABLE with a reason; the run goes to the end (exit 3)
 * and prints no stack trace.
 */
class PublishedBatchTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void pdfAndWebPagesGiveTheirSeedsCodes() throws IOException {
        Path batch = Files.createDirectories(tmp.resolve("公开报告"));
        Map<String, String> seedOf = new TreeMap<>();
        for (String dir : new String[]{"fixtures/pdf", "fixtures/html"}) {
            try (Stream<Path> files = Files.list(Path.of(dir))) {
                for (Path f : files.filter(f -> !f.getFileName().toString().endsWith(".md")).toList()) {
                    String name = f.getFileName().toString();
                    Files.copy(f, batch.resolve(name));
                    seedOf.put(name, name.substring(0, 3));
                }
            }
        }
        Path zipped = Files.createDirectories(tmp.resolve("zipped/003单位"));
        Files.copy(Path.of("fixtures/pdf").resolve(OfficeRenderings.seedName("003") + ".pdf"), zipped.resolve("自评报告.pdf"));
        BrokenBatchTest.zip(zipped, batch.resolve("003单位.zip"));
        seedOf.put("003单位.zip", "003");
        Files.copy(Path.of("fixtures/scanned/000_scan.pdf"), batch.resolve("扫描件.pdf"));
        BrokenFiles.truncated(Path.of("fixtures/pdf").resolve(OfficeRenderings.seedName("001") + ".pdf"), 0.3,
                batch.resolve("截断.pdf"));

        CliRun r = CliRun.of("check", batch.toString(), "--format", "json", "--rules", "rules", "--jobs", "2");
        assertEquals(3, r.exit(), r::toString);
        assertFalse(r.err().contains("\tat "), r::toString);
        JsonNode subs = JSON.readTree(r.out()).get("submissions");
        assertEquals(seedOf.size() + 2, subs.size(), r::toString);

        Map<String, Set<String>> textCodes = new TreeMap<>();
        for (JsonNode s : subs) {
            String file = s.get("file").asText();
            String name = Path.of(file.contains("!/") ? file.substring(0, file.indexOf("!/")) : file).getFileName().toString();
            Set<String> codes = new TreeSet<>();
            s.get("findings").forEach(f -> codes.add(f.get("code").asText()));
            if (name.equals("扫描件.pdf") || name.equals("截断.pdf")) {
                assertEquals(Set.of("PARSE_UNREADABLE"), codes, name);
                assertFalse(s.get("error").asText().isBlank(), name);
                continue;
            }
            String seed = seedOf.get(name);
            assertTrue(seed != null, () -> "unexpected submission " + name + " in\n" + r.out());
            Set<String> expected = textCodes.computeIfAbsent(seed, id -> Checks.codes(Checks.file(OfficeRenderings.seedFile(id))));
            assertEquals(expected, codes, name);
        }
    }
}
