package io.selfeval.recognize;

import io.selfeval.document.Block;
import io.selfeval.document.Document;
import io.selfeval.document.Paragraph;
import io.selfeval.model.Amount;
import io.selfeval.model.Attachment;
import io.selfeval.model.Indicator;
import io.selfeval.model.Location;
import io.selfeval.model.Mention;
import io.selfeval.model.ScoreSheet;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a neutral document into domain facts; knows budgets, nothing about formats. */
public final class Recognizer {
    private static final Pattern YEAR = Pattern.compile("(20\\d{2})\\s*年度?");
    private static final Pattern REPORT_SUFFIX = Pattern.compile("(?:部门|单位)?(?:整体)?(?:支出)?(?:绩效)?(?:自评|评价)?报告$");
    private static final Pattern PAREN_UNIT = Pattern.compile("^[（(]([^（()）]{3,40})[)）]$");
    /** An organisation's name as the body writes it: place, then the body ("中共雁峰区委办公室"). */
    private static final Pattern ORG_NAME = Pattern.compile(
            "(?:中共)?\\p{IsHan}{2,8}?(?:省|市|区|县|州|旗)\\p{IsHan}{0,12}?(?:办公室|管理局|局|委员会|服务中心|中心|人民政府)");

    private Recognizer() {
    }

    /** The facts of a document, read with the rules folder's vocabulary (subject names, indicator levels …). */
    public static Recognition recognize(Document doc, Vocabulary vocabulary) {
        RecognitionDraft rec = new RecognitionDraft(vocabulary);
        // Tables as the forms they are: flattened ones rebuilt (or, when they cannot be, marked as there), grids split
        // into one table per form.
        List<Block> blocks = FlatForms.mark(TableSegmenter.segment(FlatTables.rebuild(doc.blocks())));
        List<TableTitles.Titled> tables = TableTitles.classify(blocks);
        int bodyEnd = tables.stream().filter(t -> t.kind() != null).mapToInt(TableTitles.Titled::titleStart).min().orElse(blocks.size());
        List<Paragraph> body = new ArrayList<>();
        for (int i = 0; i < bodyEnd; i++) {
            if (blocks.get(i) instanceof Paragraph p) body.add(p);
        }
        Outline outline = new Outline(body);
        outline.sections(body).forEach(rec::add);
        title(body, outline, rec);
        new NarrativeRecognizer(outline, rec).recognize(body);
        new NarrativeScores(outline, rec).recognize(body);
        for (TableTitles.Titled t : tables) {
            if (t.kind() == null) continue;
            Location loc = Sources.of(Location.table(null, t.name(), null, null, t.table().line(), t.title()), t.table());
            rec.add(new Attachment(t.kind(), t.title(), loc));
            Matcher y = YEAR.matcher(Numbers.normalize(t.title()));
            if (y.find() && !Attachment.RUBRIC.equals(t.kind())) {
                rec.add(new Mention(Mention.YEAR, t.name(), y.group(1), Amount.of(y.group(1)), loc));
            }
            if (t.table().rows().isEmpty()) continue; // a flattened form that could not be rebuilt: there, but not read
            switch (t.kind()) {
                case Attachment.BASIC_DATA -> new BasicDataTable(t, rec).recognize();
                case Attachment.OVERALL, Attachment.PROJECT -> new ScoreTable(t, rec).recognize();
                default -> {
                }
            }
        }
        NarrativeScores.yieldToTable(rec);
        return identity(rec, body, outline);
    }

    /**
     * The title lines before the first heading: "2024年度XX单位整体支出绩效自评报告", possibly split over two lines or
     * with the unit in brackets on the next line. With two titles (cover page and title) both are kept, so a
     * differing unit name between them can be reported.
     */
    private static void title(List<Paragraph> body, Outline outline, RecognitionDraft rec) {
        int firstHeading = outline.headings().isEmpty() ? Integer.MAX_VALUE : outline.headings().get(0).line();
        List<Mention> units = new ArrayList<>();
        for (int i = 0; i < body.size() && body.get(i).line() < firstHeading; i++) {
            String text = Numbers.flat(body.get(i).text());
            if (!text.endsWith("报告") || text.length() > 80) continue;
            String withYear = text;
            Matcher y = YEAR.matcher(withYear);
            if (!y.find() && i > 0) {
                String prev = Numbers.flat(body.get(i - 1).text());
                if (YEAR.matcher(prev).find() && prev.length() < 60) withYear = prev + text;
            }
            y = YEAR.matcher(withYear);
            Paragraph p = body.get(i);
            Location loc = Sources.of(Location.narrative(null, p.line(), p.text().strip()), p);
            String unit = withYear;
            String beforeYear = "";
            if (y.find()) {
                rec.add(new Mention(Mention.YEAR, "标题", y.group(1), Amount.of(y.group(1)), loc));
                unit = withYear.substring(y.end());
                beforeYear = withYear.substring(0, y.start()).replaceFirst("^关于", "");
            }
            unit = REPORT_SUFFIX.matcher(unit).replaceAll("");
            // The unit before the year: "丰岭县司法局2024年度部门整体支出绩效自评报告".
            if (unit.length() < 3 && beforeYear.length() >= 3) unit = beforeYear;
            if (unit.length() < 3 && i + 1 < body.size()) {
                Matcher pu = PAREN_UNIT.matcher(Numbers.normalize(body.get(i + 1).text()).strip());
                if (pu.matches()) unit = pu.group(1).replaceAll("\\s+", "");
            }
            // The unit alone on the line above: "丰岭县司法局" / "2024年度部门整体支出绩效自评报告". Only a line that is
            // wholly an organisation's name, so a cover line of other words is never taken for the unit.
            if (unit.length() < 3 && i > 0) {
                String above = Numbers.flat(Numbers.normalize(body.get(i - 1).text()));
                if (ORG_NAME.matcher(above).matches()) unit = above;
            }
            if (unit.length() >= 3) units.add(new Mention(Mention.UNIT, "标题", unit, null, loc));
        }
        for (int i = 0; i < units.size(); i++) {
            Mention m = units.get(i);
            String where = units.size() > 1 && i < units.size() - 1 ? "封面" : "标题";
            rec.add(new Mention(Mention.UNIT, where, m.getText(), null, m.getLocation()));
        }
    }

    /**
     * When neither the title nor a table names the unit, the organisation the body names most often is taken for
     * the report header only; it is not a fact the rules compare.
     */
    private static String mostNamedOrganisation(List<Paragraph> body) {
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        for (Paragraph p : body) {
            Matcher m = ORG_NAME.matcher(Numbers.normalize(p.text()));
            while (m.find()) counts.merge(m.group(), 1, Integer::sum);
        }
        return counts.entrySet().stream().filter(e -> e.getValue() >= 2)
                .max(java.util.Map.Entry.<String, Integer>comparingByValue().thenComparing(e -> e.getKey().length()))
                .map(java.util.Map.Entry::getKey).orElse(null);
    }

    /**
     * Unit, year and self-score for the report header, each by one order of precedence:
     * <ul>
     *   <li>unit: the title, the cover, a table's 单位名称, a unit the narrative names, and last the organisation the
     *   body names most often;</li>
     *   <li>year: the title, then a table's title;</li>
     *   <li>self-score: the one the narrative states, then the 总分 of the overall (or narrative) score sheet; the
     *   rules compare the two (SCR_NARRATIVE_MISMATCH).</li>
     * </ul>
     */
    private static Recognition identity(RecognitionDraft rec, List<Paragraph> body, Outline outline) {
        List<Mention> mentions = rec.factsOf(Mention.class);
        List<Mention> units = mentions.stream().filter(m -> m.getKind().equals(Mention.UNIT)).toList();
        String unit = first(units, m -> m.getWhere().equals("标题"))
                .or(() -> first(units, m -> m.getWhere().equals("封面")))
                .or(() -> first(units, m -> !m.getWhere().equals("正文")))
                .or(() -> first(units, m -> true))
                .map(Mention::getText)
                .orElseGet(() -> mostNamedOrganisation(body));
        List<Mention> years = mentions.stream().filter(m -> m.getKind().equals(Mention.YEAR)).toList();
        Integer year = first(years, m -> m.getWhere().equals("标题")).or(() -> first(years, m -> true))
                .map(m -> Integer.valueOf(m.getText())).orElse(null);
        List<ScoreSheet> sheets = rec.factsOf(ScoreSheet.class);
        ScoreSheet overall = sheets.stream().filter(s -> s.getKind().equals(ScoreSheet.OVERALL)).findFirst()
                .orElse(sheets.stream().filter(s -> s.getKind().equals(ScoreSheet.NARRATIVE)).findFirst().orElse(null));
        Amount stated = rec.narrativeSelfScore() != null ? rec.narrativeSelfScore() : overall == null ? null : overall.getTotalScore();
        Amount recomputed = null;
        if (overall != null) {
            java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
            boolean any = false;
            for (Indicator i : rec.factsOf(Indicator.class)) {
                if (i.getSheetId().equals(overall.getId()) && i.getScore() != null) {
                    sum = sum.add(i.getScore().getValue());
                    any = true;
                }
            }
            if (any) recomputed = new Amount(sum, sum.toPlainString(), "分");
        }
        return new Recognition(rec.facts(), unit, year, stated, recomputed, GenreEvidence.of(body, outline, rec, stated));
    }

    private static java.util.Optional<Mention> first(List<Mention> mentions, java.util.function.Predicate<Mention> where) {
        return mentions.stream().filter(where).findFirst();
    }
}
