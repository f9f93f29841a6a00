package io.selfeval.read;

/**
 * Whether a PDF's text layer can be read at all, before anything is taken from it: a scan has no text (only
 * images); a text layer without Unicode maps gives nothing or garbage for its glyphs. Either is refused with the
 * reason, never read wrongly.
 */
final class PdfTextCheck {
    /** Fewer extracted characters than this in the whole file: there is no text to check. */
    private static final int MIN_CHARS = 20;
    /** Share of drawn glyphs that must come out as characters. */
    private static final double MIN_EXTRACTED = 0.5;
    /** Share of characters that may be replacement, private-use or control characters. */
    private static final double MAX_BAD = 0.1;

    private PdfTextCheck() {
    }

    static void check(CharSequence text, long drawnGlyphs, int images) throws UnreadableException {
        long chars = 0;
        long bad = 0;
        long han = 0;
        long latin1 = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) continue;
            chars++;
            if (c == '\uFFFD' || (c >= '\uE000' && c <= '\uF8FF') || Character.isISOControl(c)) bad++;
            else if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) han++;
            else if (c >= '\u00A0' && c <= '\u024F') latin1++;
        }
        if (chars < MIN_CHARS) {
            if (images > 0) throw new UnreadableException("扫描件，无可提取的文字，无法检查（PDF 只含图片）；请提交 Word 版本或可复制文字的 PDF");
            throw new UnreadableException("PDF 中没有可提取的文字，无法检查");
        }
        boolean lost = drawnGlyphs > 0 && chars < drawnGlyphs * MIN_EXTRACTED;
        boolean garbage = bad > chars * MAX_BAD || (han < chars * 0.05 && latin1 > chars * MAX_BAD);
        if (lost || garbage) {
            throw new UnreadableException("PDF 的文字无法正确提取（字体缺少 Unicode 映射，提取出的是乱码），无法检查；请提交 Word 版本");
        }
    }
}
