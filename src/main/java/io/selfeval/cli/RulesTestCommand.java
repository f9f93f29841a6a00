package io.selfeval.cli;

import io.selfeval.check.RuleTests;
import io.selfeval.rules.RuleBase;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code rules test}: runs the case tables of {@code <rules>/tests/} (see {@link RuleTests}) and prints, in Chinese,
 * each case as passed or failed with what was missing or unexpected, then one Chinese summary line {@code 通过N个，失败N个}.
 * Exit 0 when every case passes, 1 when one fails, 2 when the rules do not compile or a case table is wrong.
 */
final class RulesTestCommand {
    private RulesTestCommand() {
    }

    static int run(RulesOption rulesOption, PrintWriter out, boolean junit) {
        RuleBase rules = rulesOption.load();
        Path dir = rules.dir();
        List<Path> tables;
        List<RuleTests.Case> cases;
        try {
            tables = RuleTests.tables(dir);
            cases = RuleTests.load(tables);
        } catch (RuleTests.CaseFileException e) {
            List<String> lines = new ArrayList<>();
            lines.add("测试用例表有误：");
            e.problems().forEach(p -> lines.add("  " + p));
            throw new CliException(Main.EXIT_USAGE, lines);
        }
        if (cases.isEmpty()) {
            throw CliException.usage("测试用例表中没有用例：" + String.join("、", tables.stream().map(Path::toString).toList()));
        }
        if (junit) return junit(cases, rules, out);
        out.println("规则自测：" + String.join("、", tables.stream().map(Path::toString).toList()) + "，共" + cases.size() + "个用例");
        for (String warning : RuleTests.unknownCodes(cases, rules)) {
            out.println("  提示：" + warning);
        }
        int passed = 0;
        int failed = 0;
        for (RuleTests.Case c : cases) {
            RuleTests.Result r = RuleTests.run(c, rules);
            if (r.passed()) {
                passed++;
                out.println("  通过  " + c.name());
            } else {
                failed++;
                out.println("  失败  " + c.name() + "（" + c.source() + "，输入 " + c.inputName() + "）");
                for (String f : r.failures()) out.println("        " + f);
                out.println("        实际出现的代码：" + (r.found().isEmpty() ? "无" : String.join("、", r.found())));
            }
            out.flush();
        }
        out.println("通过" + passed + "个，失败" + failed + "个");
        out.flush();
        return failed == 0 ? Main.EXIT_OK : Main.EXIT_FINDINGS;
    }

    /** The cases as one JUnit test suite (a case per row, a failure per failed case with what went wrong). */
    private static int junit(List<RuleTests.Case> cases, RuleBase rules, PrintWriter out) {
        List<RuleTests.Result> results = cases.stream().map(c -> RuleTests.run(c, rules)).toList();
        long failed = results.stream().filter(r -> !r.passed()).count();
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "规则自测（" + rules.dir() + "，规则指纹 " + rules.fingerprint() + "）");
            xml.writeAttribute("tests", String.valueOf(results.size()));
            xml.writeAttribute("failures", String.valueOf(failed));
            xml.writeAttribute("errors", "0");
            xml.writeCharacters("\n");
            for (RuleTests.Result r : results) {
                xml.writeCharacters("  ");
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", r.testCase().source());
                xml.writeAttribute("name", r.testCase().name());
                if (!r.passed()) {
                    xml.writeStartElement("failure");
                    xml.writeAttribute("message", String.join("；", r.failures()));
                    xml.writeCharacters("输入 " + r.testCase().inputName() + "\n" + String.join("\n", r.failures())
                            + "\n实际出现的代码：" + (r.found().isEmpty() ? "无" : String.join("、", r.found())) + "\n");
                    xml.writeEndElement();
                }
                xml.writeEndElement();
                xml.writeCharacters("\n");
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        out.print(text);
        out.flush();
        return failed == 0 ? Main.EXIT_OK : Main.EXIT_FINDINGS;
    }
}
