package io.selfeval.recognize;

import io.selfeval.model.Indicator;
import io.selfeval.model.Quantity;
import io.selfeval.model.Quantity.Comparison;
import io.selfeval.model.Quantity.Kind;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The recognizer reads targets and actuals as values once; the rules only compare them. */
class IndicatorValuesTest {

    private static void assertValue(String text, Comparison op, String number, String unit, Kind kind) {
        Quantity q = IndicatorValues.parse(text);
        assertEquals(new Quantity(op, new BigDecimal(number), unit, kind), q, text);
    }

    @Test
    void comparisonsBeforeAndAfterTheNumber() {
        assertValue("≥98%", Comparison.AT_LEAST, "98", "%", Kind.PERCENT);
        assertValue("不低于 1000 件", Comparison.AT_LEAST, "1000", "件", Kind.OTHER);
        assertValue("95%以上", Comparison.AT_LEAST, "95", "%", Kind.PERCENT);
        assertValue("≦80万元", Comparison.AT_MOST, "80", "万元", Kind.MONEY);
        assertValue("5个工作日以内", Comparison.AT_MOST, "5", "个工作日", Kind.DURATION);
        assertValue("大于3次", Comparison.MORE, "3", "次", Kind.OTHER);
        assertValue("=100%", Comparison.EQUAL, "100", "%", Kind.PERCENT);
        assertValue("1100篇", Comparison.NONE, "1100", "篇", Kind.OTHER);
    }

    @Test
    void moneyIsInWanYuanWhicheverUnitItWasWrittenIn() {
        assertValue("3000元", Comparison.NONE, "0.3000", "万元", Kind.MONEY);
        // A per-unit amount is a rate, not a sum of money: no cap on a project's funds.
        assertValue("≤120元/人", Comparison.AT_MOST, "0.0120", "万元/人", Kind.OTHER);
        assertValue("1.2亿元", Comparison.NONE, "12000", "万元", Kind.MONEY);
        assertValue("3个月", Comparison.NONE, "3", "个月", Kind.DURATION);
    }

    @Test
    void wordsDatesAndSeveralNumbersAreNoValue() {
        assertNull(IndicatorValues.parse("效果明显"));
        assertNull(IndicatorValues.parse("2024年12月底前"));
        assertNull(IndicatorValues.parse("约3次"));
        assertNull(IndicatorValues.parse(""));
    }

    @Test
    void anActualThatReachedANumberIsThatNumber() {
        Indicator i = IndicatorValues.indicator("s", "产出指标", "质量指标", "合格率", "≥95%", "达到96%", null, null, "", null);
        assertEquals(Comparison.NONE, i.getActualValue().getComparison());
        assertEquals(0, new BigDecimal("96").compareTo(i.getActualValue().getNumber()));
        assertFalse(i.getActualValue().isRange());
        assertFalse(i.isActualIsRange());
        Indicator range = IndicatorValues.indicator("s", "产出指标", "质量指标", "合格率", "≥95%", "≥95%", null, null, "", null);
        assertTrue(range.isActualIsRange());
        assertTrue(range.isActualRestatesTarget());
    }

    @Test
    void wordsOfTheRowAreMatchedWithoutSpacesOrFullWidthSigns() {
        Indicator i = IndicatorValues.indicator("s", "产出指标", "成本指标", "人均 接待 费用", "≤１２０元/人", "效果 明显", null, null, " 无偏差 ", null);
        assertTrue(i.mentionsAny(List.of("人均接待")));
        assertTrue(i.mentionsAny(List.of("元/人")));
        assertTrue(i.ofKind(List.of("成本")));
        assertFalse(i.ofKind(List.of("时效")));
        assertTrue(i.reasonEmptyOr(List.of("无偏差")));
        assertTrue(i.isTargetHasQuantity());
        Indicator vague = IndicatorValues.indicator("s", "效益指标", "社会效益", "服务水平", "明显 提升", "明显提升", null, null, "", null);
        assertFalse(vague.isTargetHasQuantity());
        assertTrue(vague.targetMentionsAny(List.of("明显提升")));
        assertTrue(vague.isActualCopiesTargetWords());
        Indicator chinese = IndicatorValues.indicator("s", "产出指标", "数量指标", "培训", "开展三次", "3次", null, null, "", null);
        assertTrue(chinese.isTargetHasQuantity());
    }

    @Test
    void unitsThatMeasureTheSameThingCompare() {
        Quantity perHead = IndicatorValues.parse("≤120元/人");
        Quantity plain = IndicatorValues.parse("136元");
        assertTrue(plain.comparableWith(perHead));
        assertFalse(IndicatorValues.parse("3次").comparableWith(IndicatorValues.parse("3人")));
        assertFalse(IndicatorValues.parse("96").comparableWith(IndicatorValues.parse("≥95%")));
        assertTrue(IndicatorValues.parse("96").comparableWith(IndicatorValues.parse("≥95件")));
        assertTrue(plain.meets(Comparison.MORE, perHead));
        assertFalse(plain.meets(Comparison.AT_MOST, perHead));
    }
}
