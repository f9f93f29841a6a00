package io.selfeval.bench;

import io.selfeval.document.Block;
import io.selfeval.document.Paragraph;
import io.selfeval.document.Table;
import io.selfeval.read.TextReader;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A corpus of varied submissions for the benchmark, the same for the same count and seed: half Word (.docx, laid
 * out like the real forms: tables with merged cells), half plain text (.txt, the seeds' rendering). A fifth are the
 * five seed reports (real, faulty); the rest are a consistent small report under other units' names and years,
 * lengthened by 0–40 paragraphs of narrative, and in five of six cases broken in one place (execution rate, stated
 * self-score, a missing section, a budget sum, the self-evaluation table's total).
 */
public final class Corpus {
    private static final String[] SEEDS = {"000_0c4b3fbed2722708", "001_972b45f934876c4e", "002_cd1fc01d2edd52c0",
            "003_c09d508d0a0d7bc6", "004_a3928fcbeeb643f4"};
    private static final String[] COUNTIES = {"测试县", "青山县", "临河县", "平安县", "东城区", "南湖区", "北塘县", "西岭县"};
    private static final String[] OFFICES = {"人民政府办公室", "财政局", "教育局", "农业农村局", "卫生健康局", "自然资源局",
            "文化旅游局", "市场监督管理局"};
    private static final String FILLER = "本年度，%s认真贯彻落实上级决策部署，围绕中心工作，加强预算管理，规范资金使用，"
            + "第%d项重点工作按计划推进，完成情况良好，资金使用效益进一步提高。";

    /** What was generated. */
    public record Stats(List<Path> files, int docx, int txt, int consistent, int faulty, long bytes) {
    }

    private Corpus() {
    }

    /** Writes {@code count} submissions into {@code dir} (which must exist), named 0000-….docx / .txt. */
    public static Stats generate(Path dir, int count, long seed) throws IOException {
        Random random = new Random(seed);
        List<Path> files = new ArrayList<>(count);
        int docx = 0, consistent = 0, faulty = 0;
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            String text;
            String kind;
            if (i % 5 == 4) {
                String s = SEEDS[(i / 5) % SEEDS.length];
                text = seed(s);
                kind = "seed" + s.substring(0, 3);
                faulty++;
            } else {
                int fault = random.nextInt(6);
                text = variant(random, fault);
                kind = fault == 0 ? "ok" : "fault" + fault;
                if (fault == 0) consistent++;
                else faulty++;
            }
            boolean word = i % 2 == 0;
            Path out = dir.resolve(String.format("%04d-%s.%s", i, kind, word ? "docx" : "txt"));
            if (word) {
                writeDocx(TextReader.parse(out.getFileName().toString(), text).blocks(), out);
                docx++;
            } else {
                Files.writeString(out, text, StandardCharsets.UTF_8);
            }
            bytes += Files.size(out);
            files.add(out);
        }
        return new Stats(files, docx, count - docx, consistent, faulty, bytes);
    }

    /** The consistent report as another unit and year, longer, and broken in one place unless {@code fault} is 0. */
    static String variant(Random random, int fault) {
        String county = COUNTIES[random.nextInt(COUNTIES.length)];
        String office = OFFICES[random.nextInt(OFFICES.length)];
        int year = 2022 + random.nextInt(3);
        String body = Template.body();
        StringBuilder filler = new StringBuilder();
        int extra = random.nextInt(41);
        for (int p = 1; p <= extra; p++) filler.append(String.format(FILLER, county + office, p)).append('\n');
        body = body.replace("是县政府的办事机构。\n", "是县政府的办事机构。\n" + filler);
        String overall = Template.overall();
        String basic = Template.basicData();
        switch (fault) {
            case 1 -> body = body.replace("预算执行率98%", "预算执行率95%");
            case 2 -> body = body.replace("自评得分98.8分", "自评得分96.5分");
            case 3 -> body = body.replaceAll("(?s)四、存在的问题及原因分析.*?(?=五、)", "");
            case 4 -> body = body.replace("其中：基本支出400万元", "其中：基本支出410万元");
            case 5 -> overall = overall.replace("\t98.8\n", "\t99.8\n");
            default -> {
            }
        }
        String text = Template.TITLE + body + "\n" + basic + "\n" + overall + "\n" + Template.project();
        return text.replace("测试县人民政府办公室", county + office).replace("县政府办", office)
                .replace("2023", "\u0001").replace("2024", Integer.toString(year))
                .replace("\u0001", Integer.toString(year - 1));
    }

    private static String seed(String name) throws IOException {
        try (InputStream in = Corpus.class.getResourceAsStream("seeds/" + name + ".txt")) {
            if (in == null) throw new IOException("seed " + name + " missing from the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    // ---- Word, as the test fixtures render the seeds (OfficeRenderings, plain features) ----

    static void writeDocx(List<Block> blocks, Path out) {
        try (XWPFDocument doc = new XWPFDocument(); OutputStream os = Files.newOutputStream(out)) {
            for (Block b : blocks) {
                if (b instanceof Paragraph p) {
                    WordTables.text(doc.createParagraph(), p.text());
                } else if (b instanceof Table t) {
                    WordTables.table(doc, t);
                }
            }
            doc.write(os);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
