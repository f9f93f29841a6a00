package io.selfeval.recognize;

import io.selfeval.testing.Checks;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The unit in the report header comes by one order: title, cover, a table, the narrative, and only then the most-named organisation. */
class IdentityPrecedenceTest {

    @Test
    void aUnitTheNarrativeNamesComesBeforeTheMostNamedOrganisation() {
        String report = """
                2024年度部门整体支出绩效自评报告
                一、部门基本情况
                丰岭县司法局（以下简称“县司法局”）主要负责全县司法行政工作。
                丰岭县财政局印发了评价通知，丰岭县财政局要求各单位开展自评。
                """;
        assertEquals("丰岭县司法局", Checks.text(report).getUnit());
    }

    @Test
    void theTitleComesFirst() {
        String report = """
                丰岭县司法局2024年度部门整体支出绩效自评报告
                一、部门基本情况
                丰岭县司法行政服务中心（以下简称“服务中心”）承担具体事务。
                丰岭县财政局印发了评价通知，丰岭县财政局要求各单位开展自评。
                """;
        assertEquals("丰岭县司法局", Checks.text(report).getUnit());
    }

    @Test
    void withNoUnitNamedTheBodysMostNamedOrganisationIsTaken() {
        String report = """
                2024年度部门整体支出绩效自评报告
                一、部门基本情况
                丰岭县财政局印发了评价通知，丰岭县财政局要求各单位开展自评。
                """;
        assertEquals("丰岭县财政局", Checks.text(report).getUnit());
    }
}
