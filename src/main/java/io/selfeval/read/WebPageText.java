package io.selfeval.read;

import org.apache.commons.codec.DecoderException;
import org.apache.commons.codec.net.QuotedPrintableCodec;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTML of a saved web page as text: the charset from a byte-order mark, else the page's own {@code <meta>},
 * else UTF-8 when the bytes are valid UTF-8, else GB18030 (which reads GB2312 and GBK pages); and for a single-file
 * save (.mht/.mhtml, a MIME message) the first text/html part, undone from quoted-printable or base64.
 */
final class WebPageText {
    private static final Pattern META_CHARSET = Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?([-\\w]+)");
    private static final Pattern MIME_CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([-\\w]+)");
    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary\\s*=\\s*\"?([^\";\\r\\n]+)\"?");
    private static final Charset GB = Charset.forName("GB18030");

    private WebPageText() {
    }

    static String html(byte[] bytes) throws UnreadableException {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        Charset declared = m.find() ? charset(m.group(1)) : null;
        return decode(bytes, declared);
    }

    /** The page inside a MIME single-file save. */
    static String mht(byte[] bytes) throws UnreadableException {
        String all = new String(bytes, StandardCharsets.ISO_8859_1);
        Matcher b = BOUNDARY.matcher(all.substring(0, Math.min(all.length(), 8192)));
        if (!b.find()) return partBody(all, 0, all.length());
        String boundary = "--" + b.group(1).strip();
        int at = all.indexOf(boundary);
        while (at >= 0) {
            int start = at + boundary.length();
            int end = all.indexOf(boundary, start);
            if (end < 0) end = all.length();
            int headersEnd = headersEnd(all, start);
            if (headersEnd > 0 && headersEnd <= end) {
                String headers = all.substring(start, headersEnd).toLowerCase(Locale.ROOT);
                if (headers.contains("text/html")) return partBody(all, start, end);
            }
            at = end < all.length() ? end : -1;
        }
        throw new UnreadableException("MHT 网页存档中没有网页（text/html）内容，无法检查");
    }

    private static String partBody(String all, int start, int end) throws UnreadableException {
        int headersEnd = headersEnd(all, start);
        if (headersEnd < 0 || headersEnd > end) throw new UnreadableException("MHT 网页存档格式无效，无法读取");
        String headers = all.substring(start, headersEnd);
        String lower = headers.toLowerCase(Locale.ROOT);
        byte[] body = all.substring(headersEnd, end).getBytes(StandardCharsets.ISO_8859_1);
        try {
            if (lower.contains("quoted-printable")) body = QuotedPrintableCodec.decodeQuotedPrintable(body);
            else if (lower.contains("base64")) body = Base64.getMimeDecoder().decode(body);
        } catch (DecoderException | IllegalArgumentException e) {
            throw new UnreadableException("MHT 网页存档内容编码损坏，无法读取", e);
        }
        Matcher m = MIME_CHARSET.matcher(headers);
        Charset declared = m.find() ? charset(m.group(1)) : null;
        return declared != null ? decode(body, declared) : html(body);
    }

    /** Where a MIME part's body starts (after the blank line ending its headers), or -1. */
    private static int headersEnd(String all, int from) {
        int crlf = all.indexOf("\r\n\r\n", from);
        int lf = all.indexOf("\n\n", from);
        if (crlf < 0 && lf < 0) return -1;
        if (crlf >= 0 && (lf < 0 || crlf < lf)) return crlf + 4;
        return lf + 2;
    }

    private static String decode(byte[] bytes, Charset declared) {
        if (declared != null && !declared.equals(StandardCharsets.UTF_8)) return new String(bytes, declared);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            // A page that says UTF-8 (or nothing) but is not: Chinese portals mostly serve GBK.
            return new String(bytes, GB);
        }
    }

    /** The charset a page names; GB2312 and GBK are read as GB18030, which contains both. */
    private static Charset charset(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("gb2312") || n.equals("gbk") || n.equals("gb18030") || n.equals("x-gbk")) return GB;
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
