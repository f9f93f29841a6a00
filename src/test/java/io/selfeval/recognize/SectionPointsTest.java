package io.selfeval.recognize;

import io.selfeval.model.Section;
import io.selfeval.read.TextReader;
import io.selfeval.testing.Checks;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A section's points are read once, by the recognizer: numbered items, else sentences. */
class SectionPointsTest {
    @Test
    void pointsAreNumberedItemsOrElseSentences() {
        assertEquals(3, SectionPoints.points("主要问题如下：\n1.资金绩效管理体制不够健全。\n2.预算经费不足。\n3.资金紧张。").size());
        assertEquals(2, SectionPoints.points("（一）党建引领\n深入学习。持续巩固。\n（二）节能降碳\n践行理念。").size());
        assertEquals(List.of("一是经费不足；", "二是资金紧张。"), SectionPoints.points("一是经费不足；二是资金紧张。"));
        assertEquals(2, SectionPoints.points("年初部门预算前瞻性有待进一步加强。年初部门预算编制不够精准，年中调整了部分预算。").size());
        assertEquals(1, SectionPoints.points("进一步加强预算管理，提高资金使用效益。").size());
        assertEquals(0, SectionPoints.points("").size());
        assertEquals(7, SectionPoints.length("1、经费 不足。\n　"));
    }

    @Test
    void theRecognizedSectionCarriesThem() {
        String report = "2024年度某单位整体支出绩效自评报告\n一、存在的问题\n1.预算编制不够精准。\n2.绩效目标不够细化。\n二、改进措施\n加强管理。\n";
        Section problems = Recognizer.recognize(TextReader.parse("r.txt", report), Checks.rules().vocabulary())
                .factsOf(Section.class).stream().filter(s -> s.getTitle().contains("存在")).findFirst().orElseThrow();
        assertEquals(List.of("1.预算编制不够精准。", "2.绩效目标不够细化。"), problems.getPoints());
        assertEquals(2, problems.getPointCount());
        assertEquals(SectionPoints.length(problems.getText()), problems.getTextLength());
    }
}
