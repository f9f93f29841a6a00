package io.selfeval.report;

import io.selfeval.model.CheckReport;
import io.selfeval.model.Finding;
import io.selfeval.rules.CodeNames;
import io.selfeval.model.Severity;
import io.selfeval.model.SubmissionResult;
import io.selfeval.rules.RuleFailure;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * JUnit XML, what CI systems and portals show as test results: one test suite per submission, one test case per
 * code family (金额勾稽, 预算执行 …); a family with an ERROR fails (every finding of it listed), warnings and notes go
 * to the case's output; an unreadable file is an error of its PARSE case and its other families are skipped; a rule
 * that failed on the submission is an error case of its own. Written as submissions arrive.
 */
public final class JunitReportWriter implements ReportSink {
    private final OutputStream out;
    private final CodeNames names;
    private XMLStreamWriter xml;

    public JunitReportWriter(OutputStream out) {
        this(out, CodeNames.NONE);
    }

    /** @param names the code families to give a test case each, and their names */
    public JunitReportWriter(OutputStream out, CodeNames names) {
        this.out = out;
        this.names = names;
    }

    @Override
    public void begin(CheckReport.Tool tool, CheckReport.RulesInfo rules) throws IOException {
        try {
            xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
            xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", tool.name() + " " + tool.version() + "（规则指纹 " + rules.fingerprint() + "）");
            xml.writeCharacters("\n");
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    @Override
    public void submission(SubmissionResult s) throws IOException {
        Map<String, List<Finding>> byFamily = new LinkedHashMap<>();
        for (String family : names.families()) byFamily.put(family, new ArrayList<>());
        for (Finding f : s.getFindings()) byFamily.computeIfAbsent(CodeNames.family(f.getCode()), k -> new ArrayList<>()).add(f);
        long failures = byFamily.entrySet().stream().filter(e -> !s.isUnreadable() && hasError(e.getValue())).count();
        int tests = byFamily.size() + s.getRuleFailures().size();
        int errors = (s.isUnreadable() ? 1 : 0) + s.getRuleFailures().size();
        int skipped = s.isUnreadable() ? byFamily.size() - 1 : 0;
        try {
            xml.writeCharacters("  ");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", suiteName(s));
            xml.writeAttribute("tests", String.valueOf(tests));
            xml.writeAttribute("failures", String.valueOf(failures));
            xml.writeAttribute("errors", String.valueOf(errors));
            xml.writeAttribute("skipped", String.valueOf(skipped));
            xml.writeCharacters("\n");
            for (Map.Entry<String, List<Finding>> e : byFamily.entrySet()) testCase(s, e.getKey(), e.getValue());
            for (RuleFailure failure : s.getRuleFailures()) {
                startCase(s, "规则运行出错：" + failure.rule());
                xml.writeStartElement("error");
                xml.writeAttribute("message", failure.message());
                xml.writeAttribute("type", "RULE_FAILURE");
                xml.writeCharacters(failure.message());
                xml.writeEndElement();
                endCase();
            }
            xml.writeCharacters("  ");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    private void testCase(SubmissionResult s, String family, List<Finding> findings) throws XMLStreamException {
        startCase(s, family + " " + names.familyName(family));
        if (s.isUnreadable()) {
            if (family.equals("PARSE")) {
                xml.writeStartElement("error");
                xml.writeAttribute("message", "无法读取：" + s.getError());
                xml.writeAttribute("type", "PARSE_UNREADABLE");
                xml.writeCharacters(lines(findings));
                xml.writeEndElement();
            } else {
                xml.writeEmptyElement("skipped");
                xml.writeAttribute("message", "文件无法读取，未检查");
            }
        } else if (hasError(findings)) {
            List<Finding> errs = findings.stream().filter(f -> f.getSeverity() == Severity.ERROR).toList();
            xml.writeStartElement("failure");
            xml.writeAttribute("message", errs.size() + "个错误：" + errs.get(0).getMessage() + (errs.size() > 1 ? " 等" : ""));
            xml.writeAttribute("type", errs.stream().map(Finding::getCode).distinct().collect(Collectors.joining(" ")));
            xml.writeCharacters(lines(errs));
            xml.writeEndElement();
        }
        List<Finding> others = findings.stream().filter(f -> f.getSeverity() != Severity.ERROR).toList();
        if (!s.isUnreadable() && !others.isEmpty()) {
            xml.writeStartElement("system-out");
            xml.writeCharacters(lines(others));
            xml.writeEndElement();
        }
        endCase();
    }

    private void startCase(SubmissionResult s, String name) throws XMLStreamException {
        xml.writeCharacters("    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", s.getFile());
        xml.writeAttribute("name", name);
    }

    private void endCase() throws XMLStreamException {
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static String suiteName(SubmissionResult s) {
        return s.getUnit() == null || s.getUnit().isBlank() ? s.getFile() : s.getFile() + "（" + s.getUnit() + "）";
    }

    private static boolean hasError(List<Finding> findings) {
        return findings.stream().anyMatch(f -> f.getSeverity() == Severity.ERROR);
    }

    /** "[错误] EXE_RATE_MISMATCH 第31行：正文称…" one finding a line. */
    private static String lines(List<Finding> findings) {
        StringBuilder sb = new StringBuilder("\n");
        for (Finding f : findings) {
            String where = f.getLocation() == null ? "" : f.getLocation().describe();
            sb.append('[').append(ReportTexts.severity(f.getSeverity())).append("] ").append(f.getCode())
                    .append(where.isEmpty() ? "" : " " + where).append("：").append(f.getMessage())
                    .append(" 规则：").append(f.getRule()).append('\n');
        }
        return sb.toString();
    }

    @Override
    public void end(CheckReport.Summary summary) throws IOException {
        try {
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
            xml.close(); // does not close the underlying stream
            out.flush();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }
}
