package io.selfeval.read;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The part of a portal page that is the report: starting from the body, go down into the child element that holds
 * most of the text that is not link text, as long as one child holds nearly all of it. Menus, breadcrumbs and
 * "related articles" are links and weigh nothing, so the walk ends at the article's own container; a page that is
 * only the report (as Word or LibreOffice save it) stays whole.
 */
final class ArticleBody {
    /** A child holding at least this share of its parent's text is where the article is. */
    private static final double MOST = 0.8;

    private ArticleBody() {
    }

    static Element of(Element body) {
        Element at = body;
        while (true) {
            long total = weight(at);
            if (total == 0) return at;
            Element next = null;
            for (Element child : at.children()) {
                if (weight(child) >= total * MOST) {
                    next = child;
                    break;
                }
            }
            // never into a table or a list: a page that is mostly one table keeps that table whole
            if (next == null || next.tagName().matches("p|li|h[1-6]|span|font|b|strong|table|thead|tbody|tr|td|th|ul|ol|dl")) {
                return at;
            }
            at = next;
        }
    }

    /** Characters of text outside links, white space not counted. */
    static long weight(Element e) {
        long[] n = {0};
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t && !inLink(t)) {
                    String s = t.getWholeText();
                    for (int i = 0; i < s.length(); i++) if (!Character.isWhitespace(s.charAt(i))) n[0]++;
                }
            }
        }, e);
        return n[0];
    }

    private static boolean inLink(Node n) {
        for (Node p = n.parentNode(); p != null; p = p.parentNode()) {
            if (p instanceof Element el && el.tagName().equals("a")) return true;
        }
        return false;
    }
}
