package io.selfeval.annotate;

import io.selfeval.model.Finding;
import io.selfeval.model.Review;
import io.selfeval.model.Severity;
import io.selfeval.model.SubmissionResult;
import io.selfeval.report.ReportTexts;

import java.util.ArrayList;
import java.util.List;

/** The Chinese text of the comments (批注) a unit receives: one per finding, and the review summary on the title. */
final class CommentTexts {
    private CommentTexts() {
    }

    /**
     * "【预算执行率计算错误】（错误）正文称…", then the evidence on one line and the suggested deduction, one paragraph each.
     */
    static List<String> finding(Finding f) {
        List<String> lines = new ArrayList<>();
        String severity = f.getSeverity() == null ? "" : "（" + f.getSeverity().chinese() + "）";
        lines.add("【" + (f.getName() == null ? f.getCode() : f.getName()) + "】" + severity + oneLine(f.getMessage()));
        String evidence = ReportTexts.evidence(f);
        if (!evidence.isEmpty()) lines.add("依据：" + evidence);
        if (f.getDeduction() != null && f.getDeduction().points() > 0) {
            lines.add("建议扣分：" + itemName(f.getDeduction().item()) + " 扣" + ReportTexts.number(f.getDeduction().points()) + "分");
        }
        return lines;
    }

    /** The first comment: review score, counts by severity and the filled rubric in short. */
    static List<String> summary(SubmissionResult r) {
        List<String> lines = new ArrayList<>();
        lines.add("【审核意见汇总】本报告经绩效自评审核，共发现问题" + r.getFindings().size() + "个："
                + "错误" + r.count(Severity.ERROR) + "个，警告" + r.count(Severity.WARNING) + "个，提示" + r.count(Severity.INFO)
                + "个；各问题的批注标在其所在位置。");
        Review review = r.getReview();
        if (review != null) {
            lines.add("考核得分：" + ReportTexts.number(review.score()) + "分（满分" + ReportTexts.number(review.fullMarks()) + "分）");
            List<String> items = new ArrayList<>();
            for (Review.Item i : review.items()) {
                String item = itemName(i.item()) + " " + ReportTexts.number(i.score()) + "/" + ReportTexts.number(i.weight());
                if (i.deducted().signum() > 0) item += "（扣" + ReportTexts.number(i.deducted()) + "分）";
                items.add(item);
            }
            lines.add("考核评分：" + String.join("；", items));
        }
        if (r.getSelfScore() != null && r.getSelfScore().stated() != null) {
            lines.add("单位自评得分：" + ReportTexts.number(r.getSelfScore().stated()) + "分");
        }
        return lines;
    }

    /** "完整性/绩效自评材料完整" → "绩效自评材料完整". */
    static String itemName(String item) {
        if (item == null) return "";
        int slash = item.lastIndexOf('/');
        return slash < 0 ? item : item.substring(slash + 1);
    }

    static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
