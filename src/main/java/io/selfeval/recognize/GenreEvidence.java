package io.selfeval.recognize;

import io.selfeval.document.Paragraph;
import io.selfeval.model.Amount;
import io.selfeval.model.Indicator;
import io.selfeval.model.Mention;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a document shows of its genre, for deciding whether it is a self-evaluation report at all
 * ({@code io.selfeval.rules.Genre}, with the word lists of the parameters table): its title lines, its headings, its
 * opening text, whether a self-evaluation table carries actual values, and whether a self-score is stated.
 *
 * @param titleLines            short lines before the first heading without sentence punctuation (cover, title)
 * @param headings              the body's headings as written
 * @param text                  the body text (for the words of a notice: 会议时间, 参会人员, …)
 * @param indicatorsWithActuals indicators (not the execution-rate row) with a filled 实际完成值
 * @param selfScore             whether a self-score is stated (narrative or table total)
 */
public record GenreEvidence(List<String> titleLines, List<String> headings, String text, int indicatorsWithActuals,
                            boolean selfScore) {
    private static final Pattern SENTENCE = Pattern.compile("[，,。；;：:！？]");
    private static final int MAX_TITLE = 80;
    private static final int MAX_TEXT = 20_000;

    public GenreEvidence {
        titleLines = List.copyOf(titleLines);
        headings = List.copyOf(headings);
    }

    static GenreEvidence of(List<Paragraph> body, Outline outline, RecognitionDraft rec, Amount selfScore) {
        int firstHeading = outline.headings().isEmpty() ? Integer.MAX_VALUE : outline.headings().get(0).line();
        List<String> titles = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Paragraph p : body) {
            String flat = Numbers.flat(Numbers.normalize(p.text()));
            if (p.line() < firstHeading && !flat.isEmpty() && flat.length() <= MAX_TITLE && !SENTENCE.matcher(flat).find()) {
                titles.add(flat);
            }
            if (text.length() < MAX_TEXT) text.append(flat).append('\n');
        }
        List<String> headings = outline.headings().stream().map(Outline.Heading::title).toList();
        int actuals = (int) rec.factsOf(Indicator.class).stream()
                .filter(i -> !i.isRateItem() && !Numbers.flat(i.getActual()).isEmpty()).count();
        boolean score = selfScore != null
                || rec.factsOf(Mention.class).stream().anyMatch(m -> m.getKind().equals(Mention.SELF_SCORE));
        return new GenreEvidence(titles, headings, text.toString(), actuals, score);
    }
}
