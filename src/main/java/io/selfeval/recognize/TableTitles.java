package io.selfeval.recognize;

import io.selfeval.document.Block;
import io.selfeval.document.Paragraph;
import io.selfeval.document.Row;
import io.selfeval.document.Table;
import io.selfeval.model.Attachment;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which attachment a table is, judged by its title and header words rather than by its position or number. */
final class TableTitles {
    private static final Pattern LABEL = Pattern.compile("^附(?:件|表)\\s*([\\d一二三四五六七八九十]+(?:\\s*[-－—]\\s*\\d+)?)");
    private static final int TITLE_LOOKBACK = 4;
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern TITLE_WORDS = Pattern.compile("表$|表[（(]|数据表|自评表|评分表");

    private TableTitles() {
    }

    /** A table with its kind (one of the Attachment kinds, or null), its title text and "附件N" label. */
    record Titled(Table table, String kind, String title, String label, int titleStart) {
        String name() {
            String k = kind == null ? "表格" : kind;
            return (label == null ? "" : label + " ") + k;
        }
    }

    static List<Titled> classify(List<Block> blocks) {
        List<Titled> out = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            if (!(blocks.get(i) instanceof Table t)) continue;
            StringBuilder title = new StringBuilder();
            String label = null;
            int titleStart = i;
            for (int j = i - 1; j >= 0 && j >= i - TITLE_LOOKBACK && blocks.get(j) instanceof Paragraph p; j--) {
                String text = Numbers.normalize(p.text()).strip();
                Matcher m = LABEL.matcher(text);
                if (m.find()) {
                    label = "附件" + SPACES.matcher(m.group(1)).replaceAll("");
                    String rest = text.substring(m.end()).strip();
                    if (!rest.isEmpty()) title.insert(0, rest + " ");
                    titleStart = j;
                    break;
                }
                if (text.length() > 60) break;
                title.insert(0, text + " ");
                if (TITLE_WORDS.matcher(text).find()) titleStart = j;
            }
            String titleText = title.toString().strip();
            out.add(new Titled(t, kind(titleText, header(t)), titleText, label, titleStart));
        }
        return out;
    }

    /** The text of the first rows, where the header words are. */
    private static String header(Table t) {
        StringBuilder sb = new StringBuilder();
        for (Row r : t.rows().subList(0, Math.min(t.rows().size(), 12))) {
            r.cells().forEach(c -> sb.append(Numbers.flat(c.text())).append('|'));
        }
        return Numbers.normalize(sb.toString());
    }

    static String kind(String title, String header) {
        String t = SPACES.matcher(title).replaceAll("");
        if (t.contains("考核评分") || t.contains("考评表") || (header.contains("评分标准") && (header.contains("扣分") || header.contains("一级标准")))) {
            return Attachment.RUBRIC;
        }
        if (t.contains("项目支出绩效自评表") || t.contains("项目绩效自评表") || header.contains("项目支出名称") || header.contains("|项目名称|")) {
            return Attachment.PROJECT;
        }
        if (t.contains("基础数据表") || header.contains("财政供养人员") || header.contains("经费控制情况")) {
            return Attachment.BASIC_DATA;
        }
        if (t.contains("整体支出绩效自评表") || (header.contains("一级指标") && header.contains("年初预算"))) {
            return Attachment.OVERALL;
        }
        if (header.contains("一级指标") && header.contains("得分")) {
            return Attachment.OVERALL;
        }
        return null;
    }
}
