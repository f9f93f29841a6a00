package io.selfeval.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.selfeval.model.CheckReport;
import io.selfeval.model.SubmissionResult;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Writes the JSON document of output-contract.md: pretty printed, UTF-8, numbers as plain decimals (98.85, never
 * 9.885E+1), keys in contract order. Nothing but the document (and one final newline) is written.
 */
public final class JsonReportWriter {
    private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");

    private final JsonMapper mapper;
    private final DefaultPrettyPrinter printer;
    private final ObjectWriter writer;

    public JsonReportWriter() {
        this.mapper = JsonMapper.builder()
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                // The caller owns the stream (it may be stdout): never close it.
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                .addMixIn(SubmissionResult.class, SubmissionResultMixin.class)
                .build();
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        this.printer = new DefaultPrettyPrinter(separators)
                .withObjectIndenter(INDENT)
                .withArrayIndenter(INDENT);
        this.writer = mapper.writer(printer);
    }

    /** Writes the document as UTF-8 bytes; the stream is flushed, not closed. */
    public void write(CheckReport report, OutputStream out) throws IOException {
        out.write(toJson(report).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Writes the document to a character stream; the writer is flushed, not closed. */
    public void write(CheckReport report, Writer out) throws IOException {
        out.write(toJson(report));
        out.flush();
    }

    /** The document as a string, ending with a newline. */
    public String toJson(CheckReport report) throws IOException {
        return writer.writeValueAsString(report) + "\n";
    }

    /**
     * The same document written as the run goes: {@code begin} opens it and writes tool and rules, each
     * {@code submission} is written (and flushed) as it arrives, {@code end} writes the summary and closes the
     * document. Byte for byte what {@link #write(CheckReport, OutputStream)} writes for the whole report. The stream
     * is flushed, never closed.
     */
    public ReportSink sink(OutputStream out) {
        return new Sink(out);
    }

    private final class Sink implements ReportSink {
        private final OutputStream out;
        private JsonGenerator gen;

        Sink(OutputStream out) {
            this.out = out;
        }

        @Override
        public void begin(CheckReport.Tool tool, CheckReport.RulesInfo rules) throws IOException {
            gen = mapper.createGenerator(out, JsonEncoding.UTF8);
            gen.setPrettyPrinter(printer.createInstance());
            gen.writeStartObject();
            gen.writeFieldName("tool");
            mapper.writeValue(gen, tool);
            gen.writeFieldName("rules");
            mapper.writeValue(gen, rules);
            gen.writeFieldName("submissions");
            gen.writeStartArray();
            gen.flush();
        }

        @Override
        public void submission(SubmissionResult result) throws IOException {
            mapper.writeValue(gen, result);
            gen.flush();
        }

        @Override
        public void end(CheckReport.Summary summary) throws IOException {
            gen.writeEndArray();
            gen.writeFieldName("summary");
            mapper.writeValue(gen, summary);
            gen.writeEndObject();
            gen.writeRaw('\n');
            gen.close(); // AUTO_CLOSE_TARGET is off: flushes, leaves the stream open
            out.flush();
        }
    }

    /** {@code isUnreadable()} is a convenience for the CLI, not a key of the contract ({@code error} says it). */
    @JsonIgnoreProperties({"unreadable"})
    private abstract static class SubmissionResultMixin {
    }
}
