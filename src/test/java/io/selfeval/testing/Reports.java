package io.selfeval.testing;

import io.selfeval.bench.Template;
import io.selfeval.bench.TextTable;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pieces of a consistent, complete small report that tests assemble and then break in one place. Every figure
 * here agrees with every other, so the whole report gives no ERROR finding (ReportsTest asserts it). The text is
 * the bench's {@link Template}, so the benchmark corpus and the tests start from the same report.
 */
public final class Reports {
    private Reports() {
    }

    public static final String TITLE = Template.TITLE;

    /** 一、基本情况 … 六 with budget figures that add up: 500 = 400 + 100; 390 = 300 + 90; rate 98%. */
    public static String body() {
        return Template.body();
    }

    /** 附件1 基础数据表 agreeing with the body. */
    public static String basicData() {
        return Template.basicData();
    }

    /** 附件2 整体支出绩效自评表: 9.8 + 50 + 29 + 10 = 98.8; 490 ÷ 500 = 98%. */
    public static String overall() {
        return Template.overall();
    }

    /** 附件3 项目支出绩效自评表 for 业务工作经费: 10 + 50 + 30 + 10 = 100. */
    public static String project() {
        return Template.project();
    }

    /** The whole consistent report. */
    public static String complete() {
        return Template.complete();
    }

    /** One table row in the seeds' text rendering. */
    public static String row(String... cells) {
        return TextTable.table().row(cells).toString();
    }

    /** Replaces text that must be present, so a changed fixture cannot silently turn a test into a no-op. */
    public static String swap(String text, String from, String to) {
        assertTrue(text.contains(from), () -> "fixture does not contain:\n" + from);
        return text.replace(from, to);
    }
}
