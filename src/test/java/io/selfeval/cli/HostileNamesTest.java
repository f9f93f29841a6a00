package io.selfeval.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A file named like markup, and a report whose unit is markup, are text in the HTML report and the JSON. */
class HostileNamesTest {
    static final String FILE_NAME = "<img src=x onerror=alert(1)>.txt";
    static final String UNIT = "<svg/onload=alert(1)>办公室";

    @TempDir
    Path tmp;

    /** Seed 000 under a file name of markup, with markup for its unit's name in the title. */
    static Path hostileReport(Path dir) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("fixtures/seeds/000_0c4b3fbed2722708.txt"), StandardCharsets.UTF_8);
        lines.set(3, "2024年度" + UNIT);
        return Files.write(dir.resolve(FILE_NAME), lines, StandardCharsets.UTF_8);
    }

    @Test
    void theHtmlReportShowsMarkupAsText() throws IOException {
        Path report = hostileReport(Files.createDirectories(tmp.resolve("in")));
        Path html = tmp.resolve("report.html");
        CliRun r = CliRun.of("check", report.toString(), "--format", "html", "--out", html.toString(),
                "--rules", "rules", "--fail-on", "never");
        assertEquals(0, r.exit(), r::toString);
        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertTrue(page.contains("&lt;img src=x onerror=alert(1)&gt;.txt"), "the file name is shown as text");
        assertTrue(page.contains("&lt;svg/onload=alert(1)&gt;办公室"), "the unit is shown as text");
        assertFalse(page.contains("<img"), "no markup of the name reaches the page");
        assertFalse(page.contains("<svg/onload"), "no markup of the unit reaches the page");
        assertTrue(page.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"),
                "opened from disk, the report runs and fetches nothing");
    }

    @Test
    void theJsonKeepsTheNamesAsStrings() throws IOException {
        Path report = hostileReport(Files.createDirectories(tmp.resolve("in")));
        CliRun r = CliRun.of("check", report.toString(), "--format", "json", "--rules", "rules", "--fail-on", "never");
        JsonNode s = new ObjectMapper().readTree(r.out()).get("submissions").get(0);
        assertEquals(report.toString(), s.get("file").asText());
        assertEquals(UNIT, s.get("unit").asText());
    }
}
