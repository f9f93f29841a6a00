package io.selfeval.generated;

import io.selfeval.bench.TextTable;
import io.selfeval.generated.ReportModel.Indicator;
import io.selfeval.generated.ReportModel.Project;
import io.selfeval.generated.ReportModel.Sheet;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Writes a {@link ReportModel} as a report in the seeds' text rendering (paragraphs one per line, table cells one per
 * line after a tab), choosing at random among the layouts and wordings real reports use: title layouts, heading
 * numbering, the shapes of the budget sentences (lists per measure, spend before budget, "完成预算的…", last year's
 * comparisons, nested 其中 in brackets), 元 with thousands separators, full-width digits, ≧, 附件1-1 labels, line
 * breaks inside header cells. The parts come back separately ({@link Parts}) so that a format can put them in one
 * file or several. A {@link Fault} changes exactly one thing.
 */
final class ReportRenderer {
    /** One fault to inject, or none. */
    enum Fault {
        NONE, AMT_SUM_MISMATCH, AMT_PART_EXCEEDS_TOTAL, AMT_CROSS_MISMATCH, EXE_RATE_MISMATCH, EXE_OVER_BUDGET, PRJ_OVER_CAP,
        SCR_SUM_MISMATCH, SCR_WEIGHT_SUM, SCR_EXCEEDS_WEIGHT, SCR_RATE_SCORE, SCR_MISSED_FULL_SCORE, SCR_DEVIATION_UNEXPLAINED,
        SCR_NARRATIVE_MISMATCH, SCR_GRADE_MISMATCH, CMP_MISSING_ATTACHMENT, CMP_MISSING_SECTION, CMP_MISSING_SELF_SCORE,
        META_UNIT_MISMATCH, META_YEAR_MISMATCH, META_STAFF_RATE, OBJ_PROBLEMS_ONLY_FUNDING
    }

    /** The report's parts in text rendering: the narrative, then each attachment with its label and title lines. */
    record Parts(String narrative, String basicData, String overall, List<String> projects) {
        String whole() {
            StringBuilder sb = new StringBuilder(narrative);
            if (basicData != null) sb.append('\n').append(basicData);
            if (overall != null) sb.append('\n').append(overall);
            for (String p : projects) sb.append('\n').append(p);
            return sb.toString();
        }
    }

    private final ReportModel m;
    private final Random r;
    private final Fault fault;
    private final Set<Style> styles = EnumSet.noneOf(Style.class);

    private enum Style { UNIT_IN_BRACKETS, UNIT_BEFORE_YEAR, ARABIC_HEADINGS, CHAPTER_HEADINGS, YUAN, FULL_WIDTH, GE_VARIANT, SUB_LABELS,
        SPEND_FIRST, BUDGET_LISTS, COMPLETED_SHARE, PRIOR_YEAR, NESTED_OF_WHICH, GROUP_SUMMARY, INDENT,
        /** 附件1 in 元 under a （单位：元） line. */ YUAN_TABLES, /** the unit alone on the first title line. */ UNIT_FIRST_LINE,
        /** grades written 优/良/中 instead of 优秀/良好/较差. */ GRADE_ALIAS,
        /** top-level headings （一）, subsections 1. */ PAREN_HEADINGS, /** long indicator names broken over two lines in their cell. */ WRAPPED_NAMES,
        /** 三公 listed 接待, 出国, 车 with the car split in a 其中 bracket. */ THREE_PUBLIC_REVERSED }

    ReportRenderer(ReportModel model, Fault fault) {
        this.m = model;
        this.r = new Random(model.seed * 31 + 7);
        this.fault = fault;
        for (Style s : Style.values()) if (r.nextBoolean()) styles.add(s);
        if (styles.contains(Style.UNIT_IN_BRACKETS)) styles.remove(Style.UNIT_BEFORE_YEAR);
        if (styles.contains(Style.ARABIC_HEADINGS)) styles.remove(Style.CHAPTER_HEADINGS);
        if (styles.contains(Style.UNIT_IN_BRACKETS) || styles.contains(Style.UNIT_BEFORE_YEAR)) styles.remove(Style.UNIT_FIRST_LINE);
        if (styles.contains(Style.ARABIC_HEADINGS) || styles.contains(Style.CHAPTER_HEADINGS)) styles.remove(Style.PAREN_HEADINGS);
        scoreWording = r.nextInt(3);
        variant = (int) Math.floorMod(model.seed, 3L);
        applyFault();
    }

    /** Which of the self-score sentences the narrative uses. */
    private int scoreWording;
    /** Which of a fault's forms is injected (where a code has several, e.g. which attachment is missing). */
    private int variant;

    /** Leaves out the named styles whatever the seed drew (for tests that rewrite those parts themselves). */
    ReportRenderer without(String... styleNames) {
        for (String n : styleNames) styles.remove(Style.valueOf(n));
        return this;
    }

    String describe() {
        return "seed " + m.seed + " fault " + fault + (fault == Fault.NONE ? "" : " variant " + variant) + " wording " + scoreWording + " styles " + styles;
    }

    // ---- faults changing the model ----

    private BigDecimal statedRate;
    private String narrativeStaffRate;
    private String tableUnit;
    private int titleYear;
    private int tableYear;
    private BigDecimal narrativeScore;
    private String narrativeGrade;
    private BigDecimal narrativePersonnel;
    private BigDecimal narrativePublic;
    private BigDecimal narrativeThreePublic;

    private void applyFault() {
        statedRate = m.executionRate;
        narrativeStaffRate = pctText(m.staffRate);
        tableUnit = m.unit();
        titleYear = m.year;
        tableYear = m.year;
        narrativePersonnel = m.personnel;
        narrativePublic = m.publicFunds;
        Sheet o = m.overall;
        switch (fault) {
            case AMT_SUM_MISMATCH -> {
                if (variant == 1) narrativeThreePublic = m.threePublicTotal(2).add(new BigDecimal("3.00"));
                else narrativePersonnel = m.personnel.add(new BigDecimal("6.00"));
            }
            case AMT_CROSS_MISMATCH -> {
                narrativePublic = m.publicFunds.add(new BigDecimal("8.00"));
                narrativePersonnel = m.personnel.subtract(new BigDecimal("8.00"));
            }
            case AMT_PART_EXCEEDS_TOTAL -> {
                m.officeCosts[2] = m.publicRow[2].add(new BigDecimal("3.00"));
            }
            case EXE_RATE_MISMATCH -> {
                if (m.executionRate.compareTo(new BigDecimal("99.4")) >= 0) {
                    // "100%" stands for 99.5%–100.5%: make the spend visibly lower so that it is wrong.
                    BigDecimal more = m.totalSpent.multiply(new BigDecimal("0.04")).setScale(2, RoundingMode.HALF_UP).add(BigDecimal.ONE);
                    m.totalBudget = m.totalBudget.add(more);
                    m.basicBudget = m.basicBudget.add(more);
                    m.executionRate = ReportModel.pct(m.totalSpent, m.totalBudget);
                    o.budget = m.totalBudget;
                    o.rate = m.executionRate;
                    BigDecimal old = o.rateScore;
                    o.rateScore = o.rate.divide(BigDecimal.TEN, 2, RoundingMode.HALF_UP);
                    o.total = o.total.subtract(old).add(o.rateScore);
                    m.grade = ReportModel.gradeOf(o.total);
                    for (Indicator i : o.items) if (i.level2.equals("成本指标")) i.target = "≤" + m.totalBudget.toPlainString() + "万元";
                }
                statedRate = new BigDecimal("100");
            }
            case EXE_OVER_BUDGET -> {
                if (variant == 1) {
                    // 公用经费 spent above its budget (seed 004's case): the budget column and its 其中 items shrink.
                    BigDecimal budget = m.publicFunds.multiply(new BigDecimal("0.85")).setScale(2, RoundingMode.HALF_UP);
                    m.publicRow[1] = budget;
                    m.officeCosts[1] = budget.multiply(new BigDecimal("0.2")).setScale(2, RoundingMode.DOWN);
                    m.utilities[1] = budget.multiply(new BigDecimal("0.1")).setScale(2, RoundingMode.DOWN);
                    m.meetings[1] = budget.multiply(new BigDecimal("0.05")).setScale(2, RoundingMode.DOWN);
                } else {
                    m.threePublic[2][3] = m.threePublic[1][3].add(new BigDecimal("2.50"));
                }
            }
            case PRJ_OVER_CAP -> {
                Project p = m.projects.get(0);
                BigDecimal extra = p.budget.add(new BigDecimal("12.00")).subtract(p.spent);
                p.spent = p.spent.add(extra);
                p.sheet.spent = p.spent;
                p.sheet.rate = ReportModel.pct(p.spent, p.budget);
                p.sheet.rateScore = BigDecimal.TEN.setScale(2);
                for (Indicator i : p.sheet.items) {
                    if (i.level2.equals("成本指标")) {
                        i.actual = p.spent.toPlainString() + "万元";
                        i.score = i.weight.subtract(BigDecimal.ONE);
                        i.reason = "项目追加任务，支出超过预算，下年度加强预算控制。";
                    }
                }
                p.sheet.total = p.sheet.sum();
                m.projectSpent = m.projectSpent.add(extra);
                m.totalSpent = m.totalSpent.add(extra);
                m.generalBudgetShare = m.generalBudgetShare.add(extra);
                m.executionRate = ReportModel.pct(m.totalSpent, m.totalBudget);
                statedRate = m.executionRate;
                o.spent = m.totalSpent;
                o.rate = m.executionRate;
                BigDecimal oldO = o.rateScore;
                o.rateScore = o.rate.min(BigDecimal.valueOf(100)).divide(BigDecimal.TEN, 2, RoundingMode.HALF_UP);
                o.total = o.total.subtract(oldO).add(o.rateScore);
                for (Indicator i : o.items) {
                    if (i.level2.equals("成本指标")) {
                        i.actual = m.totalSpent.toPlainString() + "万元";
                        if (m.totalSpent.compareTo(m.totalBudget) > 0) {
                            // The unit as a whole also spent above its budget: deducted and explained.
                            i.score = i.weight.subtract(BigDecimal.ONE);
                            i.reason = "项目追加任务，支出超过预算。";
                        }
                    }
                }
                o.total = o.sum();
                m.grade = ReportModel.gradeOf(o.total);
            }
            case SCR_SUM_MISMATCH -> o.total = o.total.subtract(new BigDecimal("1.5"));
            case SCR_WEIGHT_SUM, SCR_EXCEEDS_WEIGHT -> {
                Indicator i = fullScoreItem(o);
                if (fault == Fault.SCR_WEIGHT_SUM) i.weight = i.weight.add(BigDecimal.ONE);
                i.score = i.score.add(BigDecimal.ONE);
                o.total = o.total.add(BigDecimal.ONE);
                m.grade = ReportModel.gradeOf(o.total.min(BigDecimal.valueOf(100)));
            }
            case SCR_RATE_SCORE -> {
                if (o.rateScore.compareTo(BigDecimal.TEN) >= 0) {
                    o.rateScore = new BigDecimal("9");
                    o.total = o.total.subtract(BigDecimal.ONE);
                } else {
                    o.total = o.total.add(BigDecimal.TEN.subtract(o.rateScore));
                    o.rateScore = BigDecimal.TEN;
                    if (o.rate.compareTo(new BigDecimal("99.8")) > 0) {
                        // Too close to 100 for a visible fault: score it 9 instead.
                        o.total = o.total.subtract(BigDecimal.ONE);
                        o.rateScore = new BigDecimal("9");
                    }
                }
                m.grade = ReportModel.gradeOf(o.total);
            }
            case SCR_MISSED_FULL_SCORE -> {
                Indicator i = fullScoreItem(o);
                i.target = "≥100件";
                i.actual = "88件";
                i.name = "办理案件";
                i.reason = "无偏差";
            }
            case SCR_DEVIATION_UNEXPLAINED -> {
                Indicator i = fullScoreItem(o);
                i.target = "≥100件";
                i.actual = "88件";
                i.name = "办理案件";
                i.score = i.weight.subtract(BigDecimal.ONE);
                i.reason = "";
                o.total = o.total.subtract(BigDecimal.ONE);
                m.grade = ReportModel.gradeOf(o.total);
            }
            case SCR_GRADE_MISMATCH -> narrativeGrade = GradeBands.wrongGradeFor(o.total);
            case META_UNIT_MISMATCH -> tableUnit = ReportModel.COUNTIES[(java.util.Arrays.asList(ReportModel.COUNTIES).indexOf(m.county) + 1)
                    % ReportModel.COUNTIES.length] + m.office;
            case META_YEAR_MISMATCH -> {
                if (variant == 1) tableYear = m.year - 1;
                else titleYear = m.year - 2;
            }
            case META_STAFF_RATE -> narrativeStaffRate = pctText(ReportModel.pct(BigDecimal.valueOf(m.quota), BigDecimal.valueOf(m.staff)));
            default -> {
            }
        }
        if (narrativeThreePublic == null) narrativeThreePublic = m.threePublicTotal(2);
        narrativeScore = o.total;
        if (fault == Fault.SCR_NARRATIVE_MISMATCH) narrativeScore = o.total.subtract(new BigDecimal("2.5"));
        if (narrativeGrade == null) narrativeGrade = m.grade;
        if (fault == Fault.CMP_MISSING_SELF_SCORE) o.total = null;
        if (fault == Fault.META_STAFF_RATE && m.quota == m.staff) narrativeStaffRate = "95.00%";
    }

    private static Indicator fullScoreItem(Sheet s) {
        for (Indicator i : s.items) {
            if (i.score.compareTo(i.weight) == 0 && !i.level2.equals("成本指标") && i.weight.compareTo(BigDecimal.ONE) > 0) return i;
        }
        return s.items.get(0);
    }

    // ---- rendering ----

    Parts render() {
        String narrative = narrative();
        boolean missing = fault == Fault.CMP_MISSING_ATTACHMENT;
        String basic = missing && variant == 0 ? null : basicData();
        String overall = missing && variant == 2 ? null : overall();
        List<String> projects = new ArrayList<>();
        int n = 1;
        if (!(missing && variant == 1)) for (Project p : m.projects) projects.add(project(p, n++));
        return new Parts(narrative, basic, overall, projects);
    }

    private int heading;

    private String h1(String title) {
        heading++;
        if (styles.contains(Style.ARABIC_HEADINGS)) return heading + "、" + title;
        if (styles.contains(Style.CHAPTER_HEADINGS)) return "第" + cn(heading) + "部分 " + title;
        if (styles.contains(Style.PAREN_HEADINGS)) return "（" + cn(heading) + "）" + title;
        return cn(heading) + "、" + title;
    }

    /** A subsection heading: （一） under 一、, 1. under （一）. */
    private String h2(int n, String title) {
        return styles.contains(Style.PAREN_HEADINGS) ? n + "." + title : "（" + cn(n) + "）" + title;
    }

    private static String cn(int n) {
        String[] d = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
        return n <= 10 ? d[n] : "十" + d[n - 10];
    }

    private String narrative() {
        StringBuilder sb = new StringBuilder();
        String unit = m.unit();
        String yearWord = titleYear + "年度";
        if (styles.contains(Style.UNIT_IN_BRACKETS)) sb.append(yearWord).append("部门整体支出绩效自评报告\n（").append(unit).append("）\n");
        else if (styles.contains(Style.UNIT_FIRST_LINE)) sb.append(unit).append('\n').append(yearWord).append("部门整体支出绩效自评报告\n");
        else if (styles.contains(Style.UNIT_BEFORE_YEAR)) sb.append(unit).append(yearWord).append("部门整体支出绩效自评报告\n");
        else sb.append(yearWord).append(unit).append("整体支出绩效自评报告\n");
        sb.append('\n');
        sb.append("根据县财政局关于开展").append(m.year).append("年度财政支出绩效自评工作的要求，我局对").append(m.year)
                .append("年度部门整体支出开展了绩效自评，现将自评情况报告如下：\n");
        String shortName = m.shortName();
        sb.append(h1("部门基本情况")).append('\n');
        sb.append(unit).append("（以下简称“").append(shortName).append("”）主要承担本县相关领域的行政管理和公共服务职能。\n");
        sb.append(m.year).append("年末，").append(shortName).append("核定编制").append(m.quota).append("人，实有在职人员").append(m.staff)
                .append("人，编制控制率").append(narrativeStaffRate).append("，离退休人员").append(5 + r.nextInt(40)).append("人。\n");
        sb.append(h1("一般公共预算支出情况")).append('\n');
        sb.append(spendSentences()).append('\n');
        sb.append(h2(1, "基本支出情况")).append('\n');
        String basicChange = styles.contains(Style.PRIOR_YEAR) ? "，较上年增加" + money(m.money(1, 40)) + "，增长" + (1 + r.nextInt(9)) + "." + r.nextInt(10) + "%" : "";
        sb.append(digits(m.year + "年基本支出" + money(m.basic) + basicChange + "，其中人员经费" + money(narrativePersonnel) + "，公用经费"
                + money(narrativePublic) + "。人员经费主要用于在职人员工资福利、社会保障缴费等；公用经费主要用于办公费、水电费、差旅费等日常运转支出。")).append('\n');
        sb.append(threePublicSentence()).append('\n');
        sb.append(h2(2, "项目支出情况")).append('\n');
        StringBuilder projects = new StringBuilder(m.year + "年项目支出" + money(m.projectSpent) + "，其中：");
        for (int i = 0; i < m.projects.size(); i++) {
            if (i > 0) projects.append("，");
            projects.append(m.projects.get(i).name).append(money(m.projects.get(i).spent));
        }
        sb.append(projects).append("。\n");
        sb.append(h1("政府性基金预算支出情况")).append('\n').append(shortName).append("无此项支出。\n");
        sb.append(h1("部门整体支出绩效情况")).append('\n');
        if (fault != Fault.CMP_MISSING_SELF_SCORE) {
            String grade = gradeText(narrativeGrade);
            sb.append(m.year).append("年，").append(shortName).append("围绕中心工作，严格执行预算，各项工作有序推进。");
            switch (scoreWording) {
                case 0 -> sb.append("经自评，部门整体支出绩效自评得分").append(plain(narrativeScore)).append("分，评价等级为“").append(grade).append("”。\n");
                case 1 -> sb.append("经综合评价，").append(m.year).append("年度部门整体支出绩效自评综合得分为").append(plain(narrativeScore))
                        .append("分，自评等级为").append(grade).append("。\n");
                default -> sb.append("根据部门整体支出绩效评价指标体系逐项打分，自评得分").append(plain(narrativeScore)).append("分，绩效评价结果为“")
                        .append(grade).append("”。\n");
            }
        } else {
            sb.append(m.year).append("年，").append(shortName).append("围绕中心工作，严格执行预算，各项工作有序推进。\n");
        }
        if (styles.contains(Style.GROUP_SUMMARY) && fault != Fault.CMP_MISSING_SELF_SCORE) {
            Sheet o = m.overall;
            sb.append("（一）预算执行率（分值10分，得").append(plain(o.rateScore)).append("分）\n");
            sb.append("严格按照预算批复使用资金，加强预算执行进度管理。\n");
        }
        boolean missingSection = fault == Fault.CMP_MISSING_SECTION;
        if (!(missingSection && variant == 0)) {
            sb.append(h1("存在的问题及原因分析")).append('\n');
            if (fault == Fault.OBJ_PROBLEMS_ONLY_FUNDING) {
                sb.append("1.经费不足，资金拨付不及时。\n2.上级资金到位较晚，经费保障不足。\n");
            } else {
                sb.append("1.财务管理专业力量薄弱。单位财务人员多为兼职，预算绩效管理业务培训不足，对政策的理解和执行存在差距。\n");
                sb.append("2.绩效目标设置不够科学精准。部分绩效指标以定性描述为主，量化程度不高，难以全面反映工作成效。\n");
            }
        }
        if (!(missingSection && variant == 1)) {
            sb.append(h1("下一步改进措施")).append('\n');
            sb.append("一是加强财务人员业务培训，提升预算绩效管理能力，落实专人负责预算执行和绩效监控。\n");
            sb.append("二是完善绩效目标体系，细化量化绩效指标，做到指标可衡量、可考核，与年度工作任务紧密衔接。\n");
        }
        if (!(missingSection && variant == 2)) {
            sb.append(h1("部门整体支出绩效自评结果拟应用和公开情况")).append('\n');
            sb.append("自评结果将纳入整改台账并在部门预算编制中予以应用，同时在政府门户网站公开。\n");
        }
        sb.append(h1("其他需要说明的情况")).append('\n').append("无其他需要说明的情况。\n\n");
        sb.append(unit).append('\n').append(m.year + 1).append("年2月").append(10 + r.nextInt(18)).append("日\n");
        String out = sb.toString();
        return styles.contains(Style.INDENT) ? out.replaceAll("(?m)^(?=\\d{4}年|根据|严格|自评结果|一是|二是)", "\u3000\u3000") : out;
    }

    private String spendSentences() {
        int y = m.year;
        BigDecimal basicSpent = m.basic;
        String rate = pctText(statedRate);
        StringBuilder sb = new StringBuilder();
        int shape = r.nextInt(4);
        if (shape == 0 || styles.contains(Style.BUDGET_LISTS)) {
            sb.append(y).append("年度部门全年预算数为").append(money(m.totalBudget)).append("（年初预算数").append(money(m.initialBudget))
                    .append("），其中基本支出预算").append(money(m.basicBudget)).append("、项目支出预算").append(money(m.projectBudget))
                    .append("；全年执行数").append(money(m.totalSpent)).append("，其中基本支出").append(money(basicSpent)).append("、项目支出")
                    .append(money(m.projectSpent)).append("，预算执行率为").append(rate).append("。");
        } else if (shape == 1) {
            sb.append(y).append("年全年预算资金").append(money(m.totalBudget)).append("，其中：基本支出").append(money(m.basicBudget))
                    .append("，项目支出").append(money(m.projectBudget)).append("。全年实际支出").append(money(m.totalSpent)).append("，其中：基本支出")
                    .append(money(basicSpent)).append("，项目支出").append(money(m.projectSpent)).append("。预算执行率").append(rate).append("。");
        } else if (shape == 2 || styles.contains(Style.SPEND_FIRST)) {
            sb.append(y).append("年，").append(m.shortName()).append("全年执行数").append(money(m.totalSpent)).append("，全年预算数")
                    .append(money(m.totalBudget)).append("，预算执行率").append(rate).append("。其中，基本支出预算").append(money(m.basicBudget))
                    .append("，实际支出").append(money(basicSpent)).append("；项目支出预算").append(money(m.projectBudget)).append("，实际支出")
                    .append(money(m.projectSpent)).append("。");
        } else {
            sb.append(y).append("年全年预算资金").append(money(m.totalBudget)).append("，全年实际支出").append(money(m.totalSpent))
                    .append("，完成预算的").append(rate).append("。");
        }
        if (styles.contains(Style.PRIOR_YEAR)) {
            BigDecimal change = m.money(3, 80);
            sb.append("全年支出较上年增加").append(change.toPlainString()).append("万元，增长").append(1 + r.nextInt(9)).append(".")
                    .append(r.nextInt(10)).append("%，预算执行率较上年下降").append(r.nextInt(4)).append(".").append(r.nextInt(10))
                    .append("个百分点；上年决算数为").append(m.totalSpent.subtract(change).toPlainString()).append("万元。");
        }
        return digits(sb.toString());
    }

    /** The grade as written: 优秀, or its short form 优 (the 等级别名.* parameters). */
    private String gradeText(String grade) {
        if (!styles.contains(Style.GRADE_ALIAS)) return grade;
        return switch (grade) {
            case "优秀" -> "优";
            case "良好" -> "良";
            case "较差" -> "中";
            default -> grade;
        };
    }

    private String threePublicSentence() {
        BigDecimal[] v = m.threePublic[2];
        String cars = money(m.cars(2));
        String inner = styles.contains(Style.NESTED_OF_WHICH) ? "（其中公车购置" + money(v[0]) + "、公车运行维护" + money(v[1]) + "）"
                : "（公务用车购置费" + money(v[0]) + "，公务用车运行维护费" + money(v[1]) + "）";
        String total = money(narrativeThreePublic);
        if (styles.contains(Style.THREE_PUBLIC_REVERSED)) {
            return digits("“三公”经费支出" + total + "，其中：公务接待费" + money(v[3]) + "、因公出国（境）费" + money(v[2]) + "、公务用车购置及运行维护费"
                    + cars + "（其中：公务用车购置费" + money(v[0]) + "，公务用车运行维护费" + money(v[1]) + "）。");
        }
        return digits("“三公”经费支出" + total + "，其中：公务用车购置及运行维护费" + cars + inner + "，因公出国（境）费"
                + money(v[2]) + "，公务接待费" + money(v[3]) + "，控制在年度预算以内。");
    }

    /** An amount in 万元, or (in the 元 style) in 元 with thousands separators at the same precision. */
    private String money(BigDecimal wan) {
        if (!styles.contains(Style.YUAN)) return wan.toPlainString() + "万元";
        BigDecimal yuan = wan.movePointRight(4).setScale(2, RoundingMode.UNNECESSARY);
        return String.format("%,.2f元", yuan);
    }

    private String digits(String s) {
        if (!styles.contains(Style.FULL_WIDTH)) return s;
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) sb.append(c >= '0' && c <= '9' ? (char) ('０' + (c - '0')) : c);
        return sb.toString();
    }

    private static String plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    private static String pctText(BigDecimal v) {
        return plain(v) + "%";
    }

    private String label(int n, int sub) {
        if (styles.contains(Style.SUB_LABELS)) return "附件1-" + n + (sub > 0 ? "-" + sub : "");
        return "附件" + n + (sub > 0 ? "-" + sub : "");
    }

    private String ge(String s) {
        return styles.contains(Style.GE_VARIANT) ? s.replace('≥', '≧').replace('≤', '≦') : s;
    }

    private String basicData() {
        TextTable t = TextTable.table()
                .row("财政供养人员情况（人）", "编制数", m.year + "年实际在职人数", "控制率")
                .row("", Integer.toString(m.quota), Integer.toString(m.staff), pctText(m.staffRate))
                .row(styles.contains(Style.YUAN_TABLES) ? "经费控制情况（元）" : "经费控制情况（万元）", (m.year - 1) + "年决算数", m.year + "年预算数", m.year + "年决算数");
        t.row(row("三公经费", c -> m.threePublicTotal(c)));
        t.row(row("   1、公务用车购置和维护经费", m::cars));
        t.row(row("       其中：公车购置", c -> m.threePublic[c][0]));
        t.row(row("             公车运行维护", c -> m.threePublic[c][1]));
        t.row(row("   2、出国经费", c -> m.threePublic[c][2]));
        t.row(row("   3、公务接待", c -> m.threePublic[c][3]));
        t.row("项目支出：", cellMoney(m.projectPrior), cellMoney(m.projectBudget), cellMoney(m.projectSpent));
        int i = 1;
        for (Project p : m.projects) t.row("    " + (i++) + "、" + p.name, cellMoney(p.prior), cellMoney(p.budget), cellMoney(p.spent));
        t.row(row("公用经费", c -> m.publicRow[c]));
        t.row(row("    其中：办公经费", c -> m.officeCosts[c]));
        t.row(row("          水费、电费、差旅费", c -> m.utilities[c]));
        t.row(row("          会议费、培训费", c -> m.meetings[c]));
        return label(1, 0) + "\n" + m.year + "年度部门整体支出绩效评价基础数据表\n" + (styles.contains(Style.YUAN_TABLES) ? "（单位：元）\n" : "") + t;
    }

    private String[] row(String label, java.util.function.IntFunction<BigDecimal> column) {
        return new String[]{label, cellMoney(column.apply(0)), cellMoney(column.apply(1)), cellMoney(column.apply(2))};
    }

    /** A 附件1 money cell: 万元 as written, or 元 at the same precision in the 元 style. */
    private String cellMoney(BigDecimal wan) {
        return styles.contains(Style.YUAN_TABLES) ? wan.movePointRight(4).setScale(2, RoundingMode.UNNECESSARY).toPlainString() : wan.toPlainString();
    }

    private String overall() {
        Sheet o = m.overall;
        String header = styles.contains(Style.SUB_LABELS) ? "年度预\n算申请\n（万元）" : "年度预算申请（万元）";
        TextTable t = TextTable.table()
                .row("市级预算部门名称", tableUnit)
                .row(header, "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")
                .row("", "年度资金总额", o.initial.toPlainString(), o.budget.toPlainString(), o.spent.toPlainString(), "10", pctText(o.rate), plain(o.rateScore))
                .row("", "按收入性质分：", "按支出性质分：")
                .row("", "  其中：  一般公共预算：" + m.generalBudgetShare.toPlainString(), "其中：基本支出：" + m.basic.toPlainString())
                .row("", "政府性基金拨款：", "项目支出：" + m.projectSpent.toPlainString())
                .row("", "其他资金：" + m.otherFunds.toPlainString(), "")
                .row("年度总体目标", "预期目标", "实际完成情况")
                .row("", "完成年度工作任务", "全面完成");
        indicators(t, o);
        return label(2, 0) + "\n" + titleOfTables() + "年度部门整体支出绩效自评表\n" + t;
    }

    private String titleOfTables() {
        return Integer.toString(tableYear);
    }

    private void indicators(TextTable t, Sheet s) {
        t.row("绩\n效\n指\n标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施");
        String last1 = "";
        for (Indicator i : s.items) {
            String l1 = "";
            if (!i.level1.equals(last1)) {
                int weight = i.level1.equals("产出指标") ? 50 : i.level1.equals("效益指标") ? 30 : 10;
                l1 = i.level1 + "\n\n(" + weight + "分)";
                last1 = i.level1;
            }
            String name = styles.contains(Style.WRAPPED_NAMES) && i.name.length() >= 5
                    ? i.name.substring(0, i.name.length() / 2) + "\n" + i.name.substring(i.name.length() / 2) : i.name;
            t.row("", l1, i.level2, name, ge(i.target), i.actual, plain(i.weight), plain(i.score), i.reason);
        }
        t.row("总分", "100", s.total == null ? "" : plain(s.total), "");
    }

    private String project(Project p, int n) {
        Sheet s = p.sheet;
        TextTable t = TextTable.table()
                .row("项目支\n出名称", p.name)
                .row("主管部门", m.unit(), "实施单位", m.unit())
                .row("项目资金\n（万元）", "", "年初\n预算数", "全年\n预算数", "全年\n执行数", "分值", "执行率", "得分")
                .row("", "年度资金总额", s.initial.toPlainString(), s.budget.toPlainString(), s.spent.toPlainString(), "10", pctText(s.rate), plain(s.rateScore))
                .row("", "其中：当年财政拨款", s.initial.toPlainString(), s.budget.toPlainString(), s.spent.toPlainString(), "", "", "")
                .row("", "上年结转资金", "", "", "", "", "", "")
                .row("年度总体目标", "预期目标", "实际完成情况")
                .row("", "保障项目顺利实施", "已完成");
        indicators(t, s);
        String label = m.projects.size() > 1 ? label(3, n) : label(3, 0);
        return label + "\n" + m.year + "年度项目支出绩效自评表\n" + t;
    }
}
