package io.selfeval.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
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

    private final ObjectWriter writer;

    public JsonReportWriter() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                // The caller owns the stream (it may be stdout): never close it.
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                .addMixIn(SubmissionResult.class, SubmissionResultMixin.class)
                .build();
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators)
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

    /** {@code isUnreadable()} is a convenience for the CLI, not a key of the contract ({@code error} says it). */
    @JsonIgnoreProperties({"unreadable"})
    private abstract static class SubmissionResultMixin {
    }
}
