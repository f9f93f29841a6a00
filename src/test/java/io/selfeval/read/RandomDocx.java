package io.selfeval.read;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.xmlbeans.XmlException;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.DocumentDocument;

import java.nio.file.Path;
import java.util.Random;

/**
 * Word files with a random body, for comparing readers: paragraphs with breaks, tabs, tracked changes, fields, text
 * boxes (DrawingML with a VML fallback, or VML alone), content controls (some a table of contents), styles named as
 * TOC levels; tables with vertical and horizontal merges, grid spans, gridBefore/gridAfter, empty cells, several
 * paragraphs per cell, nested tables, rows and cells inside content controls. The body XML is written here and set
 * into a document POI makes and saves; the same seed gives the same file.
 */
final class RandomDocx {
    private static final String[] WORDS = {"部门", "整体支出", "绩效", "自评", "预算执行率", "98%", "1253.78", "万元", "其中：",
            "基本支出", "项目支出", "90", "一、部门基本情况", "（一）", "得分", "10", "  ", " ", "A&B", "<x>", "\u00A0", "", "分值",
            "产出指标", "效益", "2024年", "满意度≥90%", "\u3000", "合计", "5.5"};
    /** Style ids, some of them table-of-contents styles by id or by the name given in {@link #styles}. */
    private static final String[] STYLES = {"Normal", "Heading1", "TOC1", "toc2", "a5", "a6", "a7", "Title", "", "TOC"};

    private final Random random;
    private int boxes;

    private RandomDocx(long seed) {
        this.random = new Random(seed);
    }

    static void write(long seed, Path out) {
        new RandomDocx(seed).save(out);
    }

    private void save(Path out) {
        XWPFDocument doc = new XWPFDocument();
        styles(doc);
        StringBuilder body = new StringBuilder();
        int blocks = 1 + random.nextInt(14);
        for (int i = 0; i < blocks; i++) block(body, 0);
        body.append("<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr>");
        String xml = "<w:document " + Word.NS + " xmlns:w14=\"http://schemas.microsoft.com/office/word/2010/wordml\">"
                + "<w:body>" + body + "</w:body></w:document>";
        try {
            doc.getDocument().set(DocumentDocument.Factory.parse(xml).getDocument());
        } catch (XmlException e) {
            throw new IllegalStateException(xml, e);
        }
        Word.save(doc, out);
    }

    /** a5 is named as TOC level 1, a6 as 目录 2, a7 an ordinary style; TOC has no entry (its id alone decides). */
    private void styles(XWPFDocument doc) {
        if (random.nextInt(4) == 0) return;
        XWPFStyles styles = doc.createStyles();
        String[][] named = {{"a5", "toc 1"}, {"a6", "目录 2"}, {"a7", "正文文本"}, {"Heading1", "heading 1"}, {"toc2", "Body"}};
        for (String[] s : named) {
            if (random.nextInt(5) == 0) continue;
            CTStyle ct = CTStyle.Factory.newInstance();
            ct.setStyleId(s[0]);
            ct.addNewName().setVal(s[1]);
            styles.addStyle(new XWPFStyle(ct, styles));
        }
    }

    private boolean chance(int inN) {
        return random.nextInt(inN) == 0;
    }

    private String word() {
        return esc(WORDS[random.nextInt(WORDS.length)]);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private void block(StringBuilder sb, int depth) {
        int k = random.nextInt(20);
        if (k < 10) paragraph(sb, depth);
        else if (k < 15) table(sb, depth);
        else if (k == 15) {
            boolean toc = chance(2);
            sb.append("<w:sdt><w:sdtPr>").append(toc
                    ? "<w:docPartObj><w:docPartGallery w:val=\"" + (chance(2) ? "Table of Contents" : "目录") + "\"/><w:docPartUnique/></w:docPartObj>"
                    : "<w:alias w:val=\"控件\"/>").append("</w:sdtPr><w:sdtContent>");
            int n = 1 + random.nextInt(3);
            for (int i = 0; i < n; i++) block(sb, depth + 1);
            sb.append("</w:sdtContent></w:sdt>");
        } else if (k == 16) {
            sb.append("<w:ins w:id=\"").append(random.nextInt(999)).append("\" w:author=\"a\">");
            paragraph(sb, depth);
            sb.append("</w:ins>");
        } else if (k == 17) {
            sb.append("<mc:AlternateContent><mc:Choice Requires=\"w14\">");
            paragraph(sb, depth);
            sb.append("</mc:Choice><mc:Fallback>");
            paragraph(sb, depth);
            sb.append("</mc:Fallback></mc:AlternateContent>");
        } else if (k == 18) {
            sb.append("<w:bookmarkStart w:id=\"1\" w:name=\"b\"/><w:customXml w:element=\"x\">");
            paragraph(sb, depth);
            sb.append("</w:customXml><w:bookmarkEnd w:id=\"1\"/>");
        } else {
            sb.append("<w:del w:id=\"2\" w:author=\"a\"><w:p><w:r><w:delText>删去的段落</w:delText></w:r></w:p></w:del>");
        }
    }

    private void paragraph(StringBuilder sb, int depth) {
        sb.append("<w:p>");
        if (chance(3)) {
            sb.append("<w:pPr>");
            if (!chance(5)) sb.append("<w:pStyle w:val=\"").append(STYLES[random.nextInt(STYLES.length)]).append("\"/>");
            sb.append("<w:jc w:val=\"center\"/></w:pPr>");
        }
        int runs = random.nextInt(6);
        for (int i = 0; i < runs; i++) inline(sb, depth);
        sb.append("</w:p>");
    }

    private void inline(StringBuilder sb, int depth) {
        int k = random.nextInt(24);
        switch (k) {
            case 0 -> sb.append("<w:r><w:tab/></w:r>");
            case 1 -> sb.append("<w:r><w:t>").append(word()).append("</w:t><w:br/><w:t>").append(word()).append("</w:t></w:r>");
            case 2 -> sb.append("<w:r><w:cr/><w:t xml:space=\"preserve\"> ").append(word()).append(" </w:t></w:r>");
            case 3 -> sb.append("<w:r><w:t>").append(word()).append("</w:t><w:noBreakHyphen/><w:ptab w:relativeTo=\"margin\" w:alignment=\"right\" w:leader=\"none\"/></w:r>");
            case 4 -> sb.append("<w:del w:id=\"3\" w:author=\"a\"><w:r><w:delText>旧文字</w:delText></w:r></w:del>");
            case 5 -> sb.append("<w:ins w:id=\"4\" w:author=\"a\"><w:r><w:t>").append(word()).append("</w:t></w:r></w:ins>");
            case 6 -> sb.append("<w:moveFrom w:id=\"5\" w:author=\"a\"><w:r><w:t>移走</w:t></w:r></w:moveFrom>"
                    + "<w:moveTo w:id=\"6\" w:author=\"a\"><w:r><w:t>移来</w:t></w:r></w:moveTo>");
            case 7 -> sb.append("<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
                    + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>");
            case 8 -> sb.append("<w:hyperlink w:anchor=\"x\"><w:r><w:t>").append(word()).append("</w:t></w:r></w:hyperlink>");
            case 9 -> sb.append("<w:smartTag w:uri=\"u\" w:element=\"e\"><w:r><w:t>").append(word()).append("</w:t></w:r></w:smartTag>");
            case 10 -> sb.append("<w:sdt><w:sdtPr><w:alias w:val=\"a\"/></w:sdtPr><w:sdtContent><w:r><w:t>").append(word())
                    .append("</w:t></w:r></w:sdtContent></w:sdt>");
            case 11 -> {
                if (depth < 2) textBox(sb, depth, true);
            }
            case 12 -> {
                if (depth < 2) textBox(sb, depth, false);
            }
            case 13 -> sb.append("<w:r><w:rPr><w:b/></w:rPr><w:t><![CDATA[").append(WORDS[random.nextInt(WORDS.length)].replace("]]>", ""))
                    .append("]]></w:t></w:r>");
            case 14 -> sb.append("<w:r><w:t></w:t></w:r>");
            case 15 -> sb.append("<w:fldSimple w:instr=\" NUMPAGES \"><w:r><w:t>12</w:t></w:r></w:fldSimple>");
            default -> sb.append("<w:r><w:t>").append(word()).append(word()).append("</w:t></w:r>");
        }
    }

    /** A text box: DrawingML with the VML copy as fallback (as Word 2010+ writes it), or VML alone (Word 2003/WPS). */
    private void textBox(StringBuilder sb, int depth, boolean drawing) {
        StringBuilder content = new StringBuilder("<w:txbxContent>");
        int n = random.nextInt(3);
        for (int i = 0; i < n; i++) {
            if (chance(4)) table(content, depth + 1);
            else paragraph(content, depth + 1);
        }
        content.append("</w:txbxContent>");
        int id = ++boxes;
        String vml = "<w:pict><v:shape id=\"t" + id + "\" style=\"width:100pt;height:20pt\"><v:textbox>" + content
                + "</v:textbox></v:shape></w:pict>";
        if (!drawing) {
            sb.append("<w:r>").append(vml).append("</w:r>");
            return;
        }
        sb.append("<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\""
                        + " simplePos=\"0\" relativeHeight=\"1\" behindDoc=\"0\" locked=\"0\" layoutInCell=\"1\" allowOverlap=\"1\">"
                        + "<wp:simplePos x=\"0\" y=\"0\"/><wp:positionH relativeFrom=\"column\"><wp:posOffset>0</wp:posOffset></wp:positionH>"
                        + "<wp:positionV relativeFrom=\"paragraph\"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx=\"1\" cy=\"1\"/>"
                        + "<wp:wrapNone/><wp:docPr id=\"").append(id).append("\" name=\"b\"/><a:graphic><a:graphicData uri=\"wps\"><wps:wsp><wps:txbx>")
                .append(content).append("</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback>")
                .append(vml).append("</mc:Fallback></mc:AlternateContent></w:r>");
    }

    private void table(StringBuilder sb, int depth) {
        int cols = 1 + random.nextInt(5);
        int rows = 1 + random.nextInt(6);
        sb.append("<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid>");
        for (int c = 0; c < cols; c++) sb.append("<w:gridCol w:w=\"1000\"/>");
        sb.append("</w:tblGrid>");
        for (int r = 0; r < rows; r++) {
            boolean inControl = chance(10);
            if (inControl) sb.append("<w:sdt><w:sdtPr/><w:sdtContent>");
            row(sb, depth, cols, r == 0);
            if (inControl) sb.append("</w:sdtContent></w:sdt>");
        }
        sb.append("</w:tbl>");
        if (depth == 0 && chance(3)) sb.append("<w:p/>");
    }

    private void row(StringBuilder sb, int depth, int cols, boolean first) {
        sb.append("<w:tr>");
        int before = chance(6) ? 1 + random.nextInt(2) : 0;
        int after = chance(6) ? 1 + random.nextInt(2) : 0;
        if (before + after > 0 || chance(4)) {
            sb.append("<w:trPr>");
            if (before > 0) sb.append("<w:gridBefore w:val=\"").append(chance(8) ? "x" : before).append("\"/>");
            if (after > 0) sb.append("<w:gridAfter w:val=\"").append(after).append("\"/>");
            sb.append("<w:cantSplit/></w:trPr>");
        }
        int col = before;
        while (col < cols || col == before) {
            int span = chance(5) ? 2 : 1;
            // A cell in a content control; not in custom XML, which XWPF cannot load (see the differential test).
            boolean inControl = chance(15);
            if (inControl) sb.append("<w:sdt><w:sdtPr/><w:sdtContent>");
            cell(sb, depth, span, first);
            if (inControl) sb.append("</w:sdtContent></w:sdt>");
            col += span;
        }
        sb.append("</w:tr>");
    }

    private void cell(StringBuilder sb, int depth, int span, boolean firstRow) {
        sb.append("<w:tc><w:tcPr><w:tcW w:w=\"1000\" w:type=\"dxa\"/>");
        if (span > 1) sb.append("<w:gridSpan w:val=\"").append(span).append("\"/>");
        int merge = random.nextInt(8);
        boolean continued = false;
        if (merge == 0) sb.append("<w:vMerge w:val=\"restart\"/>");
        else if (merge == 1 || merge == 2) {
            sb.append(chance(3) ? "<w:vMerge w:val=\"continue\"/>" : "<w:vMerge/>");
            continued = true;
        } else if (merge == 3 && !firstRow) sb.append(chance(2) ? "<w:hMerge/>" : "<w:hMerge w:val=\"restart\"/>");
        sb.append("</w:tcPr>");
        if (continued && chance(2)) {
            sb.append("<w:p/>");
        } else if (chance(6)) {
            sb.append("<w:p><w:r><w:t>").append(random.nextInt(100)).append(chance(2) ? "" : "分").append("</w:t></w:r></w:p>");
        } else {
            int paragraphs = 1 + random.nextInt(3);
            for (int i = 0; i < paragraphs; i++) paragraph(sb, depth + 1);
            if (depth < 2 && chance(8)) {
                table(sb, depth + 1);
                sb.append("<w:p/>");
            }
        }
        sb.append("</w:tc>");
    }
}
