package io.selfeval.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.selfeval.model.CheckReport;
import io.selfeval.model.Finding;
import io.selfeval.model.Location;
import io.selfeval.model.Severity;
import io.selfeval.model.SubmissionResult;
import io.selfeval.rules.CodeInfo;
import io.selfeval.rules.RuleFailure;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0, what code-scanning dashboards and CI systems ingest: one run; the tool's rules are the code catalog
 * (Chinese name, description as help, default level); each finding a result with level, message, the file and line
 * (a workbook's sheet!cell as a logical location) and the evidence, rule and deduction as properties. Results are
 * streamed; the driver (whose rule list may grow by codes not in the catalog) is written after them, which JSON allows.
 */
public final class SarifReportWriter implements ReportSink {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private final OutputStream out;
    private final JsonMapper mapper = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();
    /** code → its entry in tool.driver.rules, in index order. */
    private final Map<String, CodeInfo> rules = new LinkedHashMap<>();
    private final Map<String, Integer> ruleIndex = new LinkedHashMap<>();
    private final List<Map<String, Object>> ruleFailures = new ArrayList<>();
    private JsonGenerator gen;
    private CheckReport.Tool tool;
    private CheckReport.RulesInfo rulesInfo;

    public SarifReportWriter(OutputStream out, List<CodeInfo> catalog) {
        this.out = out;
        for (CodeInfo c : catalog) addRule(c.code(), c);
    }

    private int addRule(String code, CodeInfo info) {
        Integer index = ruleIndex.get(code);
        if (index != null) return index;
        rules.put(code, info);
        ruleIndex.put(code, ruleIndex.size());
        return ruleIndex.size() - 1;
    }

    @Override
    public void begin(CheckReport.Tool tool, CheckReport.RulesInfo rulesInfo) throws IOException {
        this.tool = tool;
        this.rulesInfo = rulesInfo;
        gen = mapper.createGenerator(out, JsonEncoding.UTF8);
        gen.useDefaultPrettyPrinter();
        gen.writeStartObject();
        gen.writeStringField("$schema", SCHEMA);
        gen.writeStringField("version", "2.1.0");
        gen.writeArrayFieldStart("runs");
        gen.writeStartObject();
        gen.writeArrayFieldStart("results");
        gen.flush();
    }

    @Override
    public void submission(SubmissionResult result) throws IOException {
        for (Finding f : result.getFindings()) mapper.writeValue(gen, result(result, f));
        for (RuleFailure failure : result.getRuleFailures()) {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("level", "error");
            n.put("message", Map.of("text", failure.message()));
            n.put("properties", properties("submission", result.getFile(), "rule", failure.rule(),
                    "ruleFile", failure.file(), "ruleLine", failure.line(), "cause", failure.cause()));
            ruleFailures.add(n);
        }
        gen.flush();
    }

    private Map<String, Object> result(SubmissionResult s, Finding f) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("ruleId", f.getCode());
        r.put("ruleIndex", addRule(f.getCode(), null));
        r.put("level", level(f.getSeverity()));
        r.put("message", Map.of("text", f.getMessage()));
        r.put("locations", List.of(location(s, f.getLocation())));
        Map<String, Object> props = properties("submission", s.getFile(), "unit", s.getUnit(), "year", s.getYear(),
                "severity", f.getSeverity().name(), "rule", f.getRule(), "ruleFile", f.getRuleFile());
        if (!f.getEvidence().isEmpty()) props.put("evidence", f.getEvidence());
        if (f.getDeduction() != null) props.put("deduction", f.getDeduction());
        r.put("properties", props);
        return r;
    }

    private static Map<String, Object> location(SubmissionResult s, Location loc) {
        Map<String, Object> location = new LinkedHashMap<>();
        String file = loc != null && loc.getFile() != null ? loc.getFile()
                : s.getFiles() != null && !s.getFiles().isEmpty() ? s.getFiles().get(0) : s.getFile();
        Map<String, Object> physical = new LinkedHashMap<>();
        physical.put("artifactLocation", Map.of("uri", uri(file)));
        if (loc != null && loc.getLine() != null) {
            Map<String, Object> region = new LinkedHashMap<>();
            region.put("startLine", loc.getLine());
            if (loc.getExcerpt() != null) region.put("snippet", Map.of("text", loc.getExcerpt()));
            physical.put("region", region);
        }
        location.put("physicalLocation", physical);
        if (loc != null && loc.getSheetCell() != null) {
            location.put("logicalLocations", List.of(properties("name", loc.getSheetCell(),
                    "fullyQualifiedName", loc.getSheetCell(), "kind", "element")));
        }
        if (loc != null) {
            Map<String, Object> where = properties("part", loc.getPart(), "section", loc.getSection(), "table", loc.getTable(),
                    "row", loc.getRow(), "column", loc.getColumn(), "description", loc.describe());
            if (loc.getLine() == null && loc.getExcerpt() != null) where.put("excerpt", loc.getExcerpt());
            location.put("properties", where);
        }
        return location;
    }

    /** A relative reference with every character outside ASCII percent-encoded, as the schema's uri-reference wants. */
    static String uri(String path) {
        String p = path == null ? "" : path.replace('\\', '/');
        try {
            return new URI(null, null, p, null).toASCIIString();
        } catch (URISyntaxException e) {
            return java.net.URLEncoder.encode(p, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        }
    }

    static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    @Override
    public void end(CheckReport.Summary summary) throws IOException {
        gen.writeEndArray(); // results
        gen.writeObjectFieldStart("tool");
        gen.writeObjectFieldStart("driver");
        gen.writeStringField("name", tool.name());
        gen.writeStringField("version", tool.version());
        gen.writeStringField("language", "zh-CN");
        gen.writeArrayFieldStart("rules");
        for (Map.Entry<String, CodeInfo> e : rules.entrySet()) mapper.writeValue(gen, descriptor(e.getKey(), e.getValue()));
        gen.writeEndArray();
        gen.writeEndObject();
        gen.writeEndObject();
        gen.writeArrayFieldStart("invocations");
        gen.writeStartObject();
        gen.writeBooleanField("executionSuccessful", ruleFailures.isEmpty());
        if (!ruleFailures.isEmpty()) {
            gen.writeFieldName("toolExecutionNotifications");
            mapper.writeValue(gen, ruleFailures);
        }
        gen.writeEndObject();
        gen.writeEndArray();
        gen.writeFieldName("properties");
        mapper.writeValue(gen, properties("rulesDir", rulesInfo.dir(), "rulesFingerprint", rulesInfo.fingerprint(),
                "rulesCount", rulesInfo.count(), "summary", summary));
        gen.writeEndObject(); // run
        gen.writeEndArray();
        gen.writeEndObject();
        gen.writeRaw('\n');
        gen.close();
        out.flush();
    }

    private static Map<String, Object> descriptor(String code, CodeInfo info) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", code);
        if (info == null) {
            d.put("shortDescription", Map.of("text", code + "（不在问题代码表中）"));
            return d;
        }
        d.put("name", info.name());
        d.put("shortDescription", Map.of("text", info.name()));
        String help = info.description() == null || info.description().isBlank() ? info.name() : info.description();
        d.put("fullDescription", Map.of("text", help));
        d.put("help", Map.of("text", help));
        d.put("defaultConfiguration", Map.of("level", level(info.severity())));
        return d;
    }

    /** An ordered map of the pairs whose value is not null. */
    private static Map<String, Object> properties(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
