package io.selfeval.generated;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The figures of one fictional unit's year, drawn at random and consistent everywhere: budget = basic + project,
 * basic = personnel + public, 三公 = cars + abroad + reception, cars = purchase + running, projects add up to the
 * project spend, every rate is its quotient at two decimals, every score sheet adds up and scores the execution rate
 * as rate × 10. {@link ReportRenderer} writes it out in many layouts; {@link Fault} breaks it in one place.
 */
final class ReportModel {
    static final String[] COUNTIES = {"望川县", "青禾县", "澜溪县", "鹤汀县", "松垣县", "岚川县", "云泽县", "沙湄县", "东陵区", "北岑县"};
    static final String[] OFFICES = {"教育局", "水利局", "民政局", "司法局", "农业农村局", "卫生健康局", "林业局", "文化旅游广电体育局",
            "退役军人事务局", "市场监督管理局", "人民政府办公室", "自然资源局"};
    static final String[] PROJECTS = {"业务工作经费", "运行维护经费", "法律援助专项经费", "小型水库除险加固项目", "城乡居民最低生活保障资金",
            "疾病预防控制专项经费", "公共文化服务体系建设专项", "高标准农田建设项目管理经费", "人民调解以案定补资金", "河湖长制工作经费"};

    /** One scored indicator row. */
    static final class Indicator {
        String level1;
        String level2;
        String name;
        String target;
        String actual;
        BigDecimal weight;
        BigDecimal score;
        String reason;
    }

    /** A score sheet: the execution-rate item and the indicator rows; the total is their sum. */
    static final class Sheet {
        BigDecimal initial;
        BigDecimal budget;
        BigDecimal spent;
        BigDecimal rate;
        BigDecimal rateScore;
        final List<Indicator> items = new ArrayList<>();
        /** The total as written; null means the 得分 cell of 总分 is left blank. */
        BigDecimal total;

        BigDecimal sum() {
            BigDecimal s = rateScore;
            for (Indicator i : items) s = s.add(i.score);
            return s;
        }
    }

    static final class Project {
        String name;
        BigDecimal prior;
        BigDecimal budget;
        BigDecimal spent;
        Sheet sheet;
    }

    final long seed;
    final Random random;
    String county;
    String office;
    int year;
    int quota;
    int staff;
    BigDecimal staffRate;
    BigDecimal personnel;
    BigDecimal publicFunds;
    BigDecimal basic;
    BigDecimal basicBudget;
    BigDecimal totalBudget;
    BigDecimal initialBudget;
    BigDecimal totalSpent;
    BigDecimal executionRate;
    BigDecimal projectSpent;
    BigDecimal projectBudget;
    BigDecimal projectPrior;
    /** 附件1 公用经费 其中 items (spent / budget / prior), each below 公用经费. */
    BigDecimal[] officeCosts = new BigDecimal[3];
    BigDecimal[] utilities = new BigDecimal[3];
    BigDecimal[] meetings = new BigDecimal[3];
    BigDecimal[] publicRow = new BigDecimal[3];
    /** 三公 per column (prior, budget, spent): purchase, running, abroad, reception. */
    BigDecimal[][] threePublic = new BigDecimal[3][4];
    BigDecimal generalBudgetShare;
    BigDecimal otherFunds;
    final List<Project> projects = new ArrayList<>();
    Sheet overall;
    String grade;

    ReportModel(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
        county = pick(COUNTIES);
        office = pick(OFFICES);
        year = 2022 + random.nextInt(4);
        quota = 20 + random.nextInt(140);
        staff = quota - random.nextInt(Math.max(1, quota / 8));
        staffRate = pct(BigDecimal.valueOf(staff), BigDecimal.valueOf(quota));

        personnel = money(150, 4000);
        publicFunds = money(30, 900);
        basic = personnel.add(publicFunds);
        basicBudget = basic.add(random.nextInt(3) == 0 ? BigDecimal.ZERO : money(1, 60));
        int n = 1 + random.nextInt(3);
        List<String> names = new ArrayList<>(List.of(PROJECTS));
        java.util.Collections.shuffle(names, random);
        projectSpent = BigDecimal.ZERO;
        projectBudget = BigDecimal.ZERO;
        projectPrior = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            Project p = new Project();
            p.name = names.get(i);
            p.budget = money(20, 600);
            p.spent = random.nextInt(3) == 0 ? p.budget : p.budget.subtract(money(0, p.budget.doubleValue() / 10)).max(BigDecimal.ONE);
            p.prior = money(10, 500);
            projectSpent = projectSpent.add(p.spent);
            projectBudget = projectBudget.add(p.budget);
            projectPrior = projectPrior.add(p.prior);
            projects.add(p);
        }
        totalSpent = basic.add(projectSpent);
        totalBudget = basicBudget.add(projectBudget);
        initialBudget = totalBudget.subtract(money(0, totalBudget.doubleValue() / 12)).setScale(2, RoundingMode.HALF_UP);
        executionRate = pct(totalSpent, totalBudget);
        otherFunds = random.nextBoolean() ? BigDecimal.ZERO.setScale(2) : money(1, 30).min(totalSpent.subtract(BigDecimal.ONE));
        generalBudgetShare = totalSpent.subtract(otherFunds);

        for (int c = 0; c < 3; c++) {
            BigDecimal row = c == 2 ? publicFunds : c == 1 ? publicFunds.add(money(0, 20)) : money(30, 900);
            publicRow[c] = row;
            officeCosts[c] = part(row, 0.15, 0.35);
            utilities[c] = part(row, 0.05, 0.2);
            meetings[c] = part(row, 0.01, 0.08);
            BigDecimal purchase = random.nextInt(3) == 0 ? money(5, 30) : BigDecimal.ZERO.setScale(2);
            BigDecimal running = money(0, 15);
            BigDecimal abroad = random.nextInt(4) == 0 ? money(1, 5) : BigDecimal.ZERO.setScale(2);
            BigDecimal reception = money(0, 6);
            threePublic[c] = new BigDecimal[]{purchase, running, abroad, reception};
        }
        // Budgets cover the spend: the 三公 budget column is the spend plus a margin in every item.
        for (int k = 0; k < 4; k++) threePublic[1][k] = threePublic[2][k].add(threePublic[2][k].signum() == 0 ? BigDecimal.ZERO.setScale(2) : money(0, 2));

        overall = sheet(totalBudget, initialBudget, totalSpent, false);
        grade = gradeOf(overall.total);
        for (Project p : projects) p.sheet = sheet(p.budget, p.budget, p.spent, true);
    }

    /** A consistent model drawn from the seed; the same seed gives the same report. */
    static ReportModel random(long seed) {
        return new ReportModel(seed);
    }

    /** The band of the 等级.* rule parameters (read from rules/parameters.drl.xlsx by {@link GradeBands}). */
    static String gradeOf(BigDecimal score) {
        return GradeBands.gradeOf(score);
    }

    BigDecimal threePublicTotal(int column) {
        BigDecimal[] v = threePublic[column];
        return v[0].add(v[1]).add(v[2]).add(v[3]);
    }

    BigDecimal cars(int column) {
        return threePublic[column][0].add(threePublic[column][1]);
    }

    String unit() {
        return county + office;
    }

    /** The unit's short name as the body writes it: 县民政局, 区教育局. */
    String shortName() {
        return county.substring(county.length() - 1) + office;
    }

    private Sheet sheet(BigDecimal budget, BigDecimal initial, BigDecimal spent, boolean project) {
        Sheet s = new Sheet();
        s.budget = budget;
        s.initial = initial;
        s.spent = spent;
        s.rate = pct(spent, budget);
        s.rateScore = s.rate.min(BigDecimal.valueOf(100)).divide(BigDecimal.TEN, 2, RoundingMode.HALF_UP);
        group(s, "产出指标", new String[]{"数量指标", "质量指标", "时效指标", "成本指标"}, 50, project, budget, spent);
        group(s, "效益指标", new String[]{"社会效益指标", "可持续影响指标"}, 30, project, budget, spent);
        group(s, "满意度指标", new String[]{"服务对象满意度指标"}, 10, project, budget, spent);
        s.total = s.sum();
        // Keep the overall score in one grade band and away from its edges (90 is both 优秀 and 良好).
        return s;
    }

    private static final String[][] QUANTITY = {{"办理案件", "件"}, {"开展培训", "期"}, {"走访群众", "人次"}, {"完成项目", "个"}, {"发放补助", "人"}};
    private static final String[][] QUALITY = {{"验收合格率", "%"}, {"资金使用合规率", "%"}, {"文稿合格率", "%"}};
    private static final String[][] TIMELY = {{"按时完成率", "%"}, {"资金拨付及时率", "%"}};
    private static final String[][] BENEFIT = {{"群众知晓率", "%"}, {"服务覆盖率", "%"}, {"制度执行率", "%"}};
    private static final String[][] SATISFACTION = {{"服务对象满意度", "%"}, {"群众满意度", "%"}};

    private void group(Sheet s, String level1, String[] kinds, int weight, boolean project, BigDecimal budget, BigDecimal spent) {
        int count = level1.equals("产出指标") ? 3 + random.nextInt(2) : level1.equals("效益指标") ? 1 + random.nextInt(2) : 1;
        int[] weights = split(weight, count);
        for (int i = 0; i < count; i++) {
            Indicator ind = new Indicator();
            ind.level1 = level1;
            ind.weight = BigDecimal.valueOf(weights[i]);
            String kind = level1.equals("产出指标") ? kinds[Math.min(i, kinds.length - 1)] : kinds[i % kinds.length];
            ind.level2 = kind;
            if (kind.equals("成本指标")) {
                ind.name = "支出不超过预算";
                ind.target = "≤" + budget.toPlainString() + "万元";
                ind.actual = spent.toPlainString() + "万元";
                ind.score = ind.weight;
                ind.reason = "无偏差";
                s.items.add(ind);
                continue;
            }
            String[] what = kind.equals("数量指标") ? pickRow(QUANTITY) : kind.equals("质量指标") ? pickRow(QUALITY)
                    : kind.equals("时效指标") ? pickRow(TIMELY) : level1.equals("满意度指标") ? pickRow(SATISFACTION) : pickRow(BENEFIT);
            ind.name = what[0];
            boolean missed = random.nextInt(6) == 0;
            if (what[1].equals("%")) {
                int target = 85 + random.nextInt(11);
                ind.target = "≥" + target + "%";
                ind.actual = missed ? (target - 1 - random.nextInt(5)) + "%" : (target + random.nextInt(100 - target + 1)) + "%";
            } else {
                int target = 10 + random.nextInt(400);
                ind.target = "≥" + target + what[1];
                ind.actual = missed ? (target - 1 - random.nextInt(Math.max(1, target / 10))) + what[1] : (target + random.nextInt(50)) + what[1];
            }
            if (missed) {
                BigDecimal lost = BigDecimal.valueOf(1 + random.nextInt(Math.max(1, weights[i] / 2 * 10))).movePointLeft(1).min(ind.weight);
                ind.score = ind.weight.subtract(lost);
                ind.reason = "受工作任务调整影响，" + ind.name + "未达到年度目标值，下一年度将提前谋划、细化任务分解。";
            } else {
                ind.score = ind.weight;
                ind.reason = random.nextBoolean() ? "无偏差" : "";
            }
            s.items.add(ind);
        }
    }

    private int[] split(int total, int parts) {
        int[] out = new int[parts];
        int left = total;
        for (int i = 0; i < parts; i++) {
            int remaining = parts - i;
            if (remaining == 1) {
                out[i] = left;
            } else {
                int share = left / remaining;
                int v = Math.max(1, share + (share > 4 ? random.nextInt(5) - 2 : 0));
                out[i] = v;
                left -= v;
            }
        }
        return out;
    }

    String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private String[] pickRow(String[][] rows) {
        return rows[random.nextInt(rows.length)];
    }

    BigDecimal money(double lo, double hi) {
        double v = lo + random.nextDouble() * Math.max(0, hi - lo);
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
    }

    private BigDecimal part(BigDecimal of, double lo, double hi) {
        return of.multiply(BigDecimal.valueOf(lo + random.nextDouble() * (hi - lo))).setScale(2, RoundingMode.DOWN);
    }

    static BigDecimal pct(BigDecimal num, BigDecimal den) {
        return num.multiply(BigDecimal.valueOf(100)).divide(den, 2, RoundingMode.HALF_UP);
    }
}
