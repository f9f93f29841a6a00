package io.selfeval.read;

import io.selfeval.model.SubmissionResult;
import io.selfeval.testing.Checks;
import io.selfeval.testing.Reports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** PARSE_UNRECOGNIZED: notices, target declarations and 决算公开 texts are not self-evaluation reports. */
class GenreTest {
    @TempDir
    Path dir;

    private static void onlyUnrecognized(SubmissionResult r) {
        assertEquals(List.of("PARSE_UNRECOGNIZED"), List.copyOf(Checks.codes(r)), () -> Checks.dump(r));
    }

    private static void recognized(SubmissionResult r) {
        assertFalse(Checks.codes(r).contains("PARSE_UNRECOGNIZED"), () -> Checks.dump(r));
    }

    static final String TRAINING_NOTICE = """
            关于召开2025年度预算绩效管理工作培训会的通知
            各预算单位：
            为做好2024年度部门整体支出绩效自评工作，经研究，决定召开培训会。现将有关事项通知如下：
            一、会议时间
            2025年3月14日上午9:00。
            二、会议地点
            县政务服务中心四楼会议室。
            三、参会人员
            各预算单位财务人员各1名。
            四、会议内容
            1.解读部门整体支出绩效自评报告、基础数据表和自评表的填报口径；2.布置自评报告报送和公开工作。
            五、其他事项
            请各单位于3月6日前报送参会回执。
            县财政局
            2025年3月3日
            """;

    @Test
    void meetingNoticeAboutSelfEvaluationIsNotAReport() throws Exception {
        Path docx = dir.resolve("培训通知.docx");
        Word.of(TextReader.parse("n", TRAINING_NOTICE), docx);
        onlyUnrecognized(Checks.file(docx));
        onlyUnrecognized(Checks.text(TRAINING_NOTICE));
    }

    @Test
    void targetDeclarationIsNotAReport() {
        String doc = "测试县人民政府办公室2024年度部门整体支出绩效目标申报表\n" + io.selfeval.bench.TextTable.table()
                .row("一级指标", "二级指标", "三级指标", "年度指标值")
                .row("产出指标", "数量指标", "办理文件", "≥1000件")
                .row("效益指标", "社会效益指标", "群众办事满意", "≥90%");
        onlyUnrecognized(Checks.text(doc));
    }

    @Test
    void finalAccountsDisclosureIsNotAReport() {
        String doc = """
                测试县人民政府办公室2023年度部门决算公开说明
                一、部门基本情况
                县政府办是县政府的办事机构。
                二、收入支出决算总体情况说明
                2023年度收入总计500万元，支出总计490万元。
                三、一般公共预算财政拨款支出决算情况说明
                一般公共预算财政拨款支出490万元。
                四、预算绩效情况说明
                本单位按要求开展了预算绩效管理工作。
                五、专业名词解释
                基本支出：指为保障机构正常运转的支出。
                """;
        onlyUnrecognized(Checks.text(doc));
    }

    @Test
    void reportsAreStillRecognized() {
        recognized(Checks.text(Reports.complete()));
        // A report quoting the finance bureau's notice in its opening sentence is still a report.
        recognized(Checks.text(Reports.complete().replace("一、部门基本情况",
                "根据县财政局《关于开展2024年度财政支出绩效自评工作的通知》要求，现将自评情况报告如下：\n一、部门基本情况")));
        // No 自评 in the title, no tables: the genre's section headings are enough.
        recognized(Checks.text("测试县人民政府办公室2024年度部门整体支出情况\n" + Reports.body()));
    }

    static final String DISCLOSURE_WITH_SCORE = """
            测试县水利局2023年度部门决算公开说明
            第一部分 部门概况
            一、部门职责
            负责全县水资源管理。
            第二部分 2023年度部门决算情况说明
            一、收入支出决算总体情况说明
            2023年度收入总计500万元，支出总计490万元。
            二、一般公共预算财政拨款支出决算情况说明
            一般公共预算财政拨款支出490万元，其中基本支出390万元，项目支出100万元。
            三、预算绩效情况说明
            本单位组织开展了2023年度部门整体支出绩效自评，自评得分95分，评价等级为优秀。
            四、存在的问题
            部分项目执行进度偏慢。
            五、改进措施
            加强预算执行管理。
            """;

    @Test
    void finalAccountsDisclosureMentioningTheSelfScoreIsNotAReport() throws Exception {
        onlyUnrecognized(Checks.text(DISCLOSURE_WITH_SCORE));
        Path docx = dir.resolve("决算公开.docx");
        Word.of(TextReader.parse("d", DISCLOSURE_WITH_SCORE), docx);
        onlyUnrecognized(Checks.file(docx));
    }

    @Test
    void targetDeclarationAsAWordTableIsNotAReport() throws Exception {
        String doc = "附件\n测试县人民政府办公室2025年度部门整体支出绩效目标申报表\n" + io.selfeval.bench.TextTable.table()
                .row("部门名称", "测试县人民政府办公室")
                .row("年度预算申请（万元）", "500")
                .row("一级指标", "二级指标", "三级指标", "指标值")
                .row("产出指标", "数量指标", "办理文件", "≥1000件")
                .row("", "成本指标", "支出不超过预算", "≤500万元")
                .row("效益指标", "社会效益指标", "群众办事满意", "≥90%");
        Path docx = dir.resolve("申报表.docx");
        Word.of(TextReader.parse("t", doc), docx);
        onlyUnrecognized(Checks.file(docx));
    }

    @Test
    void aReportPublishedWithTheFinalAccountsIsStillAReport() {
        String title = Reports.complete().lines().findFirst().orElseThrow();
        recognized(Checks.text(Reports.complete().replaceFirst(java.util.regex.Pattern.quote(title),
                "（2024年度部门决算公开附件）\n" + title)));
        // With its tables, a disclosure that carries the self-evaluation report is checked as a report.
        recognized(Checks.text(Reports.complete().replaceFirst(java.util.regex.Pattern.quote(title),
                "测试县人民政府办公室2024年度部门决算公开说明")));
    }
}
