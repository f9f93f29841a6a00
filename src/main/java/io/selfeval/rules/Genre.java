package io.selfeval.rules;

import io.selfeval.recognize.GenreEvidence;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Whether a document is a 部门整体支出绩效自评报告 at all, from what it shows of its genre ({@link GenreEvidence}) and the
 * word lists of the parameters table (识别.*, 必备部分.*):
 * <ul>
 *   <li>a notice or letter (a title ending in 通知, 函, …, or several of a notice's words: 会议时间, 参会人员, 报名 …)
 *   is not a report, unless a self-evaluation table with actual values is attached;</li>
 *   <li>a target declaration (申报表: targets, no actual values, no self-score) is not a report;</li>
 *   <li>a 决算公开 / 预算公开 text (识别.其他文种用语 in the title, no 自评 words there) is not a report unless a
 *   self-evaluation table with actual values is attached, even when it mentions a self-score;</li>
 *   <li>otherwise a document is a report when it shows a self-evaluation: a title with 自评 words, a self-evaluation
 *   table with actual values, a stated self-score, or enough of the genre's section headings (支出情况, 绩效情况,
 *   存在问题, 改进措施, 结果应用).</li>
 * </ul>
 */
public final class Genre {
    private Genre() {
    }

    public static boolean isReport(GenreEvidence e, RuleParameters p) {
        boolean table = e.indicatorsWithActuals() > 0;
        List<String> selfWords = p.list("识别.自评用语");
        List<String> noticeEndings = p.list("识别.通知标题用语");
        boolean noticeTitle = e.titleLines().stream().anyMatch(t -> noticeEndings.stream().anyMatch(t::endsWith));
        long noticeWords = p.list("识别.通知正文用语").stream().filter(e.text()::contains).count();
        boolean selfTitle = e.titleLines().stream().anyMatch(t -> selfWords.stream().anyMatch(t::contains));
        if (noticeTitle && !table) return false;
        if (noticeWords >= p.num("识别.通知正文最少词数").intValue() && !table && !selfTitle) return false;
        List<String> declaration = p.list("识别.申报用语");
        boolean declared = e.titleLines().stream().anyMatch(t -> declaration.stream().anyMatch(t::contains)
                && selfWords.stream().noneMatch(t::contains));
        if (declared && !table && !e.selfScore()) return false;
        // A 决算公开 or 预算公开 text may mention the unit's self-score in passing; without a self-evaluation title or
        // table it is still that other document.
        List<String> otherGenres = p.has("识别.其他文种用语") ? p.list("识别.其他文种用语") : List.of();
        boolean otherTitle = e.titleLines().stream().anyMatch(t -> otherGenres.stream().anyMatch(t::contains));
        if (otherTitle && !selfTitle && !table) return false;
        if (selfTitle || table || e.selfScore()) return true;
        return genreSections(e, p) >= p.num("识别.最少正文部分").intValue();
    }

    /** How many of the required body parts (必备部分.*) the headings name. */
    static int genreSections(GenreEvidence e, RuleParameters p) {
        int n = 0;
        for (String key : p.keys("必备部分.")) {
            Pattern words = Pattern.compile(p.text(key));
            if (e.headings().stream().anyMatch(h -> words.matcher(h).find())) n++;
        }
        return n;
    }
}
