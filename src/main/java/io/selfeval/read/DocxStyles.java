package io.selfeval.read;

import org.apache.poi.openxml4j.opc.PackagePart;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Which paragraph styles of a Word file are table-of-contents styles (a TOC would repeat every heading). The styles
 * part is read only when the first paragraph naming a style is met: most generated reports name none. A style is
 * known by its name ("toc 1", "目录 1"), else by its id ("TOC1"); the first style with an id counts, as in XWPF.
 */
final class DocxStyles {
    private static final Pattern TOC_STYLE = Pattern.compile("^(?:toc\\s*\\d|目录\\s*\\d|table of contents|目录)$");
    private static final Pattern TOC_ID = Pattern.compile("toc\\d");

    private final Supplier<PackagePart> part;
    private final Map<String, Boolean> toc = new HashMap<>();
    private Map<String, String> names;

    DocxStyles(Supplier<PackagePart> part) {
        this.part = part;
    }

    boolean isTableOfContents(String styleId) {
        if (styleId == null || styleId.isEmpty()) return false;
        return toc.computeIfAbsent(styleId, this::judge);
    }

    private boolean judge(String id) {
        String name = names().get(id);
        if (name == null) name = id;
        String n = name.strip().toLowerCase(Locale.ROOT);
        return TOC_STYLE.matcher(n).matches() || TOC_ID.matcher(id.toLowerCase(Locale.ROOT)).matches();
    }

    private Map<String, String> names() {
        if (names == null) names = read(part.get());
        return names;
    }

    /**
     * Style id → name. A styles part that cannot be parsed gives no names (then ids alone decide): it holds no text,
     * and XWPF's refusing the whole report for it helped nobody.
     */
    private static Map<String, String> read(PackagePart styles) {
        Map<String, String> names = new HashMap<>();
        if (styles == null) return names;
        try (InputStream in = styles.getInputStream()) {
            XMLStreamReader x = DocxBody.xmlReader(in);
            try {
                int depth = 0;
                String id = null;
                String name = null;
                boolean named = false;
                while (x.hasNext()) {
                    int e = x.next();
                    if (e == XMLStreamConstants.DTD) throw new XMLStreamException("DOCTYPE is not allowed");
                    if (e == XMLStreamConstants.START_ELEMENT) {
                        depth++;
                        boolean w = DocxBody.W.equals(x.getNamespaceURI());
                        if (depth == 2 && w && x.getLocalName().equals("style")) {
                            id = x.getAttributeValue(DocxBody.W, "styleId");
                            name = null;
                            named = false;
                        } else if (depth == 3 && w && id != null && !named && x.getLocalName().equals("name")) {
                            named = true;
                            name = x.getAttributeValue(DocxBody.W, "val");
                        }
                    } else if (e == XMLStreamConstants.END_ELEMENT) {
                        if (depth == 2 && id != null && !names.containsKey(id)) names.put(id, name);
                        if (depth == 2) id = null;
                        depth--;
                    }
                }
            } finally {
                x.close();
            }
        } catch (IOException | XMLStreamException | RuntimeException e) {
            return new HashMap<>();
        }
        return names;
    }
}
