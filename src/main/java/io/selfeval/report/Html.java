package io.selfeval.report;

import org.jsoup.nodes.Entities;

import java.util.regex.Pattern;

/**
 * The one HTML escaping of every page the tool writes (the HTML report, the rule catalog): jsoup's, which serves
 * element text and quoted attributes alike; control characters HTML does not allow become spaces first (a damaged
 * file's text can hold them, and a character reference to them is a parse error too).
 */
public final class Html {
    private static final Pattern NOT_IN_HTML = Pattern.compile("[\\x00-\\x08\\x0B-\\x1F\\x7F]");

    private Html() {
    }

    /** The text escaped for element content and quoted attribute values; "" for null. */
    public static String escape(String text) {
        if (text == null) return "";
        return Entities.escape(NOT_IN_HTML.matcher(text).replaceAll(" "));
    }
}
