package io.selfeval.server;

import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The headers every answer carries so a browser never runs or frames what it should not: no sniffing of types,
 * no referrer leaving the service, no framing, and a Content-Security-Policy — for the API nothing at all, for the
 * page only its own inline script and style (by hash) and calls to this service, for an HTML report only its
 * inline CSS and pictures.
 */
final class SecurityHeaders {
    /** For JSON, workbooks and text: nothing may load or run. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    /** For the HTML report: its inline CSS and SVG, nothing fetched, nothing run. */
    static final String REPORT_POLICY = io.selfeval.report.HtmlReportWriter.CONTENT_SECURITY_POLICY
            + "; frame-ancestors 'none'";

    private static final Pattern INLINE = Pattern.compile("<(script|style)>(.*?)</\\1>", Pattern.DOTALL);

    private SecurityHeaders() {
    }

    static void common(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Content-Security-Policy", API_POLICY);
    }

    /** The page's policy: its inline script and style are allowed by their SHA-256, nothing else inline. */
    static String pagePolicy(byte[] page) {
        List<String> scripts = new ArrayList<>();
        List<String> styles = new ArrayList<>();
        Matcher m = INLINE.matcher(new String(page, StandardCharsets.UTF_8));
        while (m.find()) (m.group(1).equals("script") ? scripts : styles).add("'sha256-" + sha256(m.group(2)) + "'");
        return "default-src 'none'; script-src " + orNone(scripts) + "; style-src " + orNone(styles)
                + "; connect-src 'self'; img-src 'self' data: blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }

    private static String orNone(List<String> sources) {
        return sources.isEmpty() ? "'none'" : String.join(" ", sources);
    }

    private static String sha256(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
