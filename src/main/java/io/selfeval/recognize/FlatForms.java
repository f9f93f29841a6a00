package io.selfeval.recognize;

import io.selfeval.document.Block;
import io.selfeval.document.Paragraph;
import io.selfeval.document.Table;
import io.selfeval.model.Attachment;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Forms that arrive flattened (one cell per paragraph, as a web page, a copy-paste or a PDF's text gives them) and
 * that {@link FlatTables} could not rebuild: the 整体/项目支出绩效自评表 with their merged cells, or a block whose rows
 * do not line up. After an attachment's title with no table under it, a run of short paragraphs that carry the form's
 * header words and several numbers is that form: an empty table under the title says it is there, so it is not
 * reported missing, and nothing is read from what could not be placed.
 */
final class FlatForms {
    private static final Pattern UNIT_LINE = Pattern.compile("^[（(]?(?:单位|金额单位)[:：].{1,6}[)）]?$");
    private static final Pattern SENTENCE = Pattern.compile("[。；;]");
    private static final Pattern LABEL = Pattern.compile("^附(?:件|表)\\s*[\\d一二三四五六七八九十]+(?:\\s*[-－—]\\s*\\d+)?\\s*$");
    private static final int MAX_CELL = 40;
    private static final int MIN_CELLS = 4;

    private FlatForms() {
    }

    static List<Block> mark(List<Block> blocks) {
        List<Block> out = new ArrayList<>(blocks.size());
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            out.add(b);
            if (!(b instanceof Paragraph p)) continue;
            String kind = kindOf(blocks, i);
            if (kind == null) continue;
            int from = i + 1;
            // The title's second line (after a bare "附件1") stays a title line.
            while (from < blocks.size() && blocks.get(from) instanceof Paragraph q && (kindOf(blocks, from) != null || isUnitLine(q))) {
                out.add(blocks.get(from++));
            }
            if (from < blocks.size() && blocks.get(from) instanceof Table) {
                i = from - 1;
                continue; // a real table follows: nothing is flat
            }
            int to = from;
            while (to < blocks.size() && blocks.get(to) instanceof Paragraph q && isCell(q) && kindOf(blocks, to) == null) to++;
            if (to - from < MIN_CELLS) {
                i = from - 1;
                continue;
            }
            List<Paragraph> cells = new ArrayList<>();
            for (int k = from; k < to; k++) cells.add((Paragraph) blocks.get(k));
            if (!looksLikeForm(kind, cells)) {
                i = from - 1;
                continue; // a list of attachment names, not an attachment
            }
            out.add(new Table(0, List.of(), cells.get(0).line(), p.source()));
            i = to - 1;
        }
        return out;
    }

    /** The attachment kind a title paragraph names (with the label line before it), or null. */
    private static String kindOf(List<Block> blocks, int i) {
        if (!(blocks.get(i) instanceof Paragraph p)) return null;
        String text = Numbers.flat(p.text());
        if (text.isEmpty() || text.length() > 60 || SENTENCE.matcher(text).find()) return null;
        if (LABEL.matcher(text).matches()) return null;
        String label = i > 0 && blocks.get(i - 1) instanceof Paragraph prev && LABEL.matcher(Numbers.flat(prev.text())).matches() ? "" : null;
        boolean titled = label != null || text.startsWith("附件") || text.startsWith("附表") || text.endsWith("表");
        if (!titled) return null;
        String kind = TableTitles.kind(text, "");
        return Attachment.RUBRIC.equals(kind) ? null : kind;
    }

    private static final Pattern BASIC_HEADER = Pattern.compile("编制数|经费控制|决算数");
    private static final Pattern FORM_HEADER = Pattern.compile("一级指标|三级指标|年初预算|全年预算|指标值");

    /** The cells carry the form's own header words and several numbers. */
    private static boolean looksLikeForm(String kind, List<Paragraph> cells) {
        Pattern header = Attachment.BASIC_DATA.equals(kind) ? BASIC_HEADER : FORM_HEADER;
        boolean named = cells.stream().anyMatch(c -> header.matcher(Numbers.flat(c.text())).find());
        long numbers = cells.stream().filter(c -> Numbers.cellAmount(c.text()).isPresent()).count();
        return named && numbers >= 3;
    }

    private static boolean isUnitLine(Paragraph p) {
        String t = Numbers.flat(p.text());
        return UNIT_LINE.matcher(t).matches();
    }

    private static boolean isCell(Paragraph p) {
        String t = Numbers.flat(p.text());
        return !t.isEmpty() && t.length() <= MAX_CELL && !SENTENCE.matcher(t).find();
    }
}
