package io.selfeval.report;

import io.selfeval.model.CheckReport;
import io.selfeval.model.Deduction;
import io.selfeval.model.Finding;
import io.selfeval.model.Location;
import io.selfeval.model.Review;
import io.selfeval.model.Severity;
import io.selfeval.model.SubmissionResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.selfeval.rules.CodeNames;
import io.selfeval.testing.Checks;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The mixed folder streamed into {@link HtmlReportWriter}: the page holds every submission and every finding
 * (escaped), the summary comes first with both charts, and it references nothing outside itself.
 */
class HtmlReportWriterTest {
    @TempDir
    static Path tmp;

    static MixedBatch batch;
    static String html;

    @BeforeAll
    static void write() throws IOException {
        batch = MixedBatch.build(tmp);
        html = render(batch.results, batch.tool, batch.rules);
    }

    @Test
    void everySubmissionAndEveryFindingIsOnThePage() {
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.strip().endsWith("</html>"));
        assertEquals(batch.results.size(), count(html, "<section class=\"sub\""), "one section per submission");
        for (int i = 0; i < batch.results.size(); i++) {
            SubmissionResult r = batch.results.get(i);
            int at = html.indexOf("<section class=\"sub\" id=\"s-" + (i + 1) + "\">");
            int next = html.indexOf("</section>", at);
            assertTrue(at > 0, r.getFile());
            String section = html.substring(at, next);
            ReportTexts.Status status = ReportTexts.status(r);
            assertTrue(section.contains("<span class=\"tag" + (status.needsAttention() ? " bad" : "") + "\">" + status.words()
                    + "</span></h2>"), () -> r.getFile() + " says " + status.words());
            assertTrue(section.contains(escape(r.getUnit() != null ? r.getUnit() : r.getFile())), r.getFile());
            assertTrue(section.contains(escape(r.getFile())), r.getFile());
            for (Finding f : r.getFindings()) {
                assertTrue(section.contains(escape(ReportTexts.oneLine(f.getMessage()))), () -> r.getFile() + ": " + f.getMessage());
                assertTrue(section.contains(escape(f.getCode())), f.getCode());
                assertNotNull(f.getName(), () -> f.getCode() + " is named by the code table");
                assertTrue(section.contains(escape(f.getName())), f.getCode());
            }
            if (r.getReview() != null) {
                for (Review.Item item : r.getReview().items()) assertTrue(section.contains(escape(item.item())), item.item());
            }
        }
        // The damaged file's name is escaped, never raw markup.
        assertTrue(html.contains("损坏&lt;附件&gt;&amp;&quot;副本&quot;.docx"));
        assertFalse(html.contains("<附件>"));
        assertFalse(html.contains(">正常<"), "no submission is called 正常");
        assertTrue(html.contains(">已检查，有错误</span>"), "a seed with errors says so");
    }

    @Test
    void summaryAtTheTopWithChartsAndUnitsByScore() {
        int overview = html.indexOf("一、总体情况");
        int firstSection = html.indexOf("<section class=\"sub\"");
        assertTrue(overview > 0 && overview < firstSection, "summary first");
        String top = html.substring(overview, firstSection);
        assertEquals(2, count(top, "<svg"), "two charts");
        CodeNames names = CodeNames.of(Checks.rules());
        assertEquals(9, names.families().size(), "the families of the code table");
        for (String family : names.families()) assertTrue(top.contains(">" + names.familyName(family) + " " + family + "<"), family);

        // Findings by family: the bar totals add up to all findings.
        long findings = batch.results.stream().mapToLong(r -> r.getFindings().size()).sum();
        String familyChart = top.substring(top.indexOf("按问题类别统计"), top.indexOf("审核得分分布"));
        assertEquals(findings, sum(familyChart, "class=\"val\">(\\d+)</text>"));
        // The score histogram counts every submission that has a review score.
        String scoreChart = top.substring(top.indexOf("审核得分分布"), top.indexOf("</svg>", top.indexOf("审核得分分布")));
        assertEquals(batch.results.stream().filter(r -> r.getReview() != null).count(),
                sum(scoreChart, "分 (\\d+)份</title>"));

        // Every submission in the list, lowest review score first, each a link to its section.
        Matcher m = Pattern.compile("<tr><td class=\"num\">(\\d+)</td><td><a href=\"#s-(\\d+)\">").matcher(top);
        List<Integer> order = new ArrayList<>();
        while (m.find()) order.add(Integer.parseInt(m.group(2)));
        assertEquals(batch.results.size(), order.size());
        List<Integer> expected = new ArrayList<>();
        for (int i = 1; i <= batch.results.size(); i++) expected.add(i);
        expected.sort(Comparator.comparing((Integer i) -> score(batch.results.get(i - 1)),
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(i -> i));
        assertEquals(expected, order);
        // Unreadable files listed in the summary.
        assertTrue(top.contains("无法读取的文件"));
        assertTrue(top.contains("空白.xlsx"));
        assertTrue(top.contains(escape(MixedBatch.DAMAGED)));
    }

    @Test
    void referencesNothingOutsideItself() {
        String lower = html.toLowerCase(java.util.Locale.ROOT);
        for (String bad : List.of("http:", "https:", "//cdn", "<script", "<link", "<img", "<iframe", "<object", "<embed",
                "@import", "src=", "srcset=", "xlink:href", "file:")) {
            assertFalse(lower.contains(bad), bad);
        }
        Matcher url = Pattern.compile("url\\(\\s*['\"]?([^)'\"]*)").matcher(lower);
        while (url.find()) assertTrue(url.group(1).startsWith("data:"), url.group());
        Set<String> ids = new HashSet<>();
        Matcher id = Pattern.compile(" id=\"([^\"]+)\"").matcher(html);
        while (id.find()) ids.add(id.group(1));
        Matcher href = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
        int links = 0;
        while (href.find()) {
            String h = href.group(1);
            assertTrue(h.startsWith("#") && ids.contains(h.substring(1)), "internal link to an existing id: " + h);
            links++;
        }
        assertTrue(links >= batch.results.size());
    }

    @Test
    void printsOnA4WithAPagePerSubmission() {
        assertTrue(html.contains("@page { size: A4"));
        assertTrue(html.contains("@media print"));
        assertTrue(html.contains("section.sub { break-before: page"));
        assertTrue(html.contains("break-inside: avoid"));
        assertTrue(html.contains("thead { display: table-header-group"));
        assertTrue(html.contains("<html lang=\"zh-CN\">") && html.contains("<meta charset=\"utf-8\">"));
    }

    @Test
    void textIsEscapedEverywhere() throws IOException {
        String evil = "<script>alert('x')</script>";
        Finding f = new Finding("AMT_SUM_MISMATCH", Severity.ERROR, "r", null,
                "合计 < 分项 & \"引号\" </td><img src=x onerror=alert(1)>",
                Location.table("<sec>", "<表>", "<行>", "<列>", 3, "<原文>"),
                Map.of("total", "<b>1</b>"), new Deduction("完整性/<项>", 1));
        Review review = new Review(new BigDecimal("99"), List.of(new Review.Item("完整性/<项>", BigDecimal.TEN,
                BigDecimal.ONE, List.of("<理由>&"), true)));
        SubmissionResult r = new SubmissionResult("<f>.txt", List.of("<f>.txt"), evil, 2024, null, review, List.of(f), null);
        String page = render(List.of(r), new CheckReport.Tool("<t>", "<v>"), new CheckReport.RulesInfo("<d>", "<fp>", 1));
        assertFalse(page.contains("<script"));
        assertFalse(page.contains("<img"));
        assertFalse(page.contains("<b>1"));
        for (String raw : List.of("<sec>", "<表>", "<行>", "<列>", "<原文>", "<项>", "<理由>", "<f>", "<t>", "<v>", "<d>", "<fp>")) {
            assertFalse(page.contains(raw), raw);
        }
        assertTrue(page.contains("&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;"));
        assertTrue(page.contains("合计 &lt; 分项 &amp; &quot;引号&quot; &lt;/td&gt;&lt;img src=x onerror=alert(1)&gt;"));
        assertTrue(page.contains("&lt;理由&gt;&amp;"));
    }

    static String render(List<SubmissionResult> results, CheckReport.Tool tool, CheckReport.RulesInfo rules)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HtmlReportWriter w = new HtmlReportWriter(out, CodeNames.of(Checks.rules()));
        w.begin(tool, rules);
        for (SubmissionResult r : results) w.submission(r);
        w.end(CheckReport.Summary.of(results));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static BigDecimal score(SubmissionResult r) {
        return r.getReview() == null ? null : r.getReview().score();
    }

    /** HTML escaping written out independently of the writer. */
    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) n++;
        return n;
    }

    private static long sum(String s, String regex) {
        Matcher m = Pattern.compile(regex).matcher(s);
        long n = 0;
        while (m.find()) n += Long.parseLong(m.group(1));
        return n;
    }
}
