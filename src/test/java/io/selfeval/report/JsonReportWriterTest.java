package io.selfeval.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.selfeval.model.CheckReport;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonReportWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final CheckReport report = ReportSamples.report();

    private String json() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonReportWriter().write(report, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void keysAreThoseOfTheContractInOrder() throws IOException {
        JsonNode doc = JSON.readTree(json());
        assertEquals(List.of("tool", "rules", "submissions", "summary"), names(doc));
        assertEquals(List.of("dir", "fingerprint", "count"), names(doc.get("rules")));
        assertEquals(List.of("submissions", "errors", "warnings", "infos", "unreadable"), names(doc.get("summary")));
        JsonNode sub = doc.get("submissions").get(0);
        assertEquals(List.of("file", "files", "unit", "year", "selfScore", "review", "findings", "error", "ruleFailures"), names(sub),
                "no extra keys such as 'unreadable'");
        assertEquals(List.of("stated", "recomputed"), names(sub.get("selfScore")));
        assertTrue(sub.get("review").isNull());
        assertTrue(sub.get("error").isNull());
        assertEquals(List.of("code", "severity", "rule", "ruleFile", "message", "location", "evidence"),
                names(sub.get("findings").get(0)), "deduction absent when null");
        assertEquals(List.of("code", "severity", "rule", "ruleFile", "message", "location", "evidence", "deduction"),
                names(sub.get("findings").get(1)));
    }

    @Test
    void locationLeavesOutWhatItDoesNotKnow() throws IOException {
        JsonNode findings = JSON.readTree(json()).get("submissions").get(0).get("findings");
        assertEquals(List.of("part", "section", "line", "excerpt"), names(findings.get(0).get("location")));
        assertEquals(List.of("part", "table", "row", "column", "line"), names(findings.get(1).get("location")));
    }

    @Test
    void numbersArePlainAndChineseIsNotEscaped() throws IOException {
        String json = json();
        assertTrue(json.contains("\"budget\": 1273.05"), json);
        assertTrue(json.contains("\"spent\": 1253.78"), json);
        assertTrue(json.contains("\"stated\": 98.85"), json);
        assertTrue(json.contains("\"year\": 2024"), json);
        assertFalse(json.contains("E+"), json);
        assertTrue(json.contains("岳阳市君山区人民政府办公室"), json);
        assertFalse(json.contains("\\u"), json);
        JsonNode d = JSON.readTree(json).get("submissions").get(0).get("findings").get(1).get("deduction");
        assertEquals(1.0, d.get("points").asDouble());
    }

    @Test
    void unreadableSubmissionHasErrorAndFinding() throws IOException {
        JsonNode doc = JSON.readTree(json());
        JsonNode bad = doc.get("submissions").get(1);
        assertEquals("文件或文件夹不存在", bad.get("error").asText());
        assertEquals("PARSE_UNREADABLE", bad.get("findings").get(0).get("code").asText());
        assertEquals(1, doc.get("summary").get("unreadable").asInt());
        assertEquals(2, doc.get("summary").get("errors").asInt());
        assertEquals(1, doc.get("summary").get("warnings").asInt());
    }

    @Test
    void writerAndStreamGiveTheSameDocumentEndingWithNewline() throws IOException {
        StringWriter w = new StringWriter();
        new JsonReportWriter().write(report, w);
        assertEquals(json(), w.toString());
        assertTrue(w.toString().endsWith("}\n"));
        assertFalse(w.toString().contains("\r"));
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
