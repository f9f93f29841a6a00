package io.selfeval.report;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The escaping every page shares: markup in a name or message stays text, in element content and in attributes. */
class HtmlTest {
    private static final String HOSTILE = "合计 < 分项 & \"引号\" '单' </td><img src=x onerror=alert(1)>";

    @Test
    void markupIsEscapedAndChineseIsLeftAlone() {
        assertEquals("合计 &lt; 分项 &amp; &quot;引号&quot; &apos;单&apos; &lt;/td&gt;&lt;img src=x onerror=alert(1)&gt;",
                Html.escape(HOSTILE));
        assertEquals("", Html.escape(null));
    }

    @Test
    void aBrowserReadsBackTheOriginalTextInContentAndAttributes() {
        String text = HOSTILE + "\n第二行\t制表";
        Document page = Jsoup.parse("<p title=\"" + Html.escape(text) + "\">" + Html.escape(text) + "</p>");
        assertEquals(1, page.select("p").size());
        assertEquals(0, page.select("img, td").size(), "no element came out of the text");
        assertEquals(text, page.selectFirst("p").attr("title"));
        assertEquals(text, page.selectFirst("p").wholeText());
    }

    @Test
    void controlCharactersHtmlDoesNotAllowBecomeSpaces() {
        assertEquals("a b c d\ne\tf", Html.escape("a\u0001b\u007fc\rd\ne\tf"));
    }
}
