package io.selfeval.report;

import io.selfeval.model.CheckReport;
import io.selfeval.model.SubmissionResult;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The streaming sinks write byte for byte what the whole-report writers write, the summary counted as results
 * arrive equals the one computed from the list, and the factory knows its formats.
 */
class StreamingWritersTest {

    @Test
    void jsonSinkWritesTheSameBytesAsTheWholeDocument() throws IOException {
        for (CheckReport report : List.of(ReportSamples.report(), empty())) {
            ByteArrayOutputStream whole = new ByteArrayOutputStream();
            new JsonReportWriter().write(report, whole);
            assertArrayEquals(whole.toByteArray(), streamed("json", report), () -> whole.toString());
        }
    }

    @Test
    void textSinkWritesTheSameBytesAsTheWholeReport() throws IOException {
        for (CheckReport report : List.of(ReportSamples.report(), empty())) {
            ByteArrayOutputStream whole = new ByteArrayOutputStream();
            new TextReportWriter().write(report, whole);
            assertArrayEquals(whole.toByteArray(), streamed("text", report), () -> whole.toString());
        }
    }

    @Test
    void eachSubmissionIsOnTheStreamWhenItIsHandedOver() throws IOException {
        CheckReport report = ReportSamples.report();
        for (String format : List.of("json", "text")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ReportSink sink = ReportSinks.create(format, out);
            sink.begin(report.tool(), report.rules());
            sink.submission(report.submissions().get(0));
            String sofar = out.toString(java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(sofar.contains("岳阳市君山区人民政府办公室"), format + ":\n" + sofar);
            assertFalse(sofar.contains("missing.txt"), format + ":\n" + sofar);
        }
    }

    @Test
    void sinksDoNotCloseTheStream() throws IOException {
        boolean[] closed = {false};
        OutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        CheckReport report = ReportSamples.report();
        for (String format : List.of("json", "text")) {
            ReportSink sink = ReportSinks.create(format, out);
            sink.begin(report.tool(), report.rules());
            sink.end(report.summary());
        }
        assertFalse(closed[0]);
    }

    @Test
    void tallyEqualsTheSummaryOfTheList() {
        CheckReport report = ReportSamples.report();
        CheckReport.Tally tally = new CheckReport.Tally();
        report.submissions().forEach(tally::add);
        assertEquals(CheckReport.Summary.of(report.submissions()), tally.summary());
        assertEquals(new CheckReport.Summary(0, 0, 0, 0, 0), new CheckReport.Tally().summary());
    }

    @Test
    void factoryFormats() {
        assertEquals("json", ReportSinks.normalize(" JSON "));
        assertEquals(null, ReportSinks.normalize("pdf"));
        assertTrue(ReportSinks.available("text") && ReportSinks.available("json"));
        assertFalse(ReportSinks.available("pdf"));
        assertThrows(IllegalArgumentException.class, () -> ReportSinks.create("pdf", new ByteArrayOutputStream()));
    }

    private static byte[] streamed(String format, CheckReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportSink sink = ReportSinks.create(format, out);
        sink.begin(report.tool(), report.rules());
        for (SubmissionResult s : report.submissions()) sink.submission(s);
        sink.end(report.summary());
        return out.toByteArray();
    }

    private static CheckReport empty() {
        List<SubmissionResult> none = List.of();
        return new CheckReport(new CheckReport.Tool("selfeval", "0.1.0"),
                new CheckReport.RulesInfo("rules", "ab".repeat(32), 0), none, CheckReport.Summary.of(none));
    }
}
