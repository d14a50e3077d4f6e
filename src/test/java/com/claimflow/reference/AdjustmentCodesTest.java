package com.claimflow.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AdjustmentCodesTest {
    private static final List<String> COMMON_CARCS = List.of("1", "2", "3", "4", "5", "6", "11", "16", "18", "22", "23", "24", "26", "27",
            "29", "31", "45", "49", "50", "55", "96", "97", "109", "119", "140", "146", "151", "167", "170", "181", "182", "185", "197", "198",
            "204", "222", "226", "234", "236", "242", "252", "253");
    private static final List<String> COMMON_RARCS = List.of("M15", "M20", "M51", "M76", "M80", "MA04", "MA18", "MA130", "N4", "N20", "N56",
            "N115", "N130", "N290", "N362", "N522", "N657");

    @Test
    void everyCommonCarcAndRarcHasItsOwnDescription() {
        assertThat(COMMON_CARCS).allSatisfy(c -> assertThat(AdjustmentCodes.describeCarc(c)).as(c).doesNotContain("unknown"));
        assertThat(COMMON_RARCS).allSatisfy(c -> assertThat(AdjustmentCodes.describeRarc(c)).as(c).doesNotContain("unknown"));
        assertThat(AdjustmentCodes.describeCarc("50")).contains("medically necessary");
        assertThat(AdjustmentCodes.describeCarc("29")).contains("time limit");
        assertThat(AdjustmentCodes.describeRarc("n115")).contains("local coverage determination");
    }

    @Test
    void groupCodesSayWhoCarriesTheAmount() {
        assertThat(AdjustmentCodes.describeGroup("CO")).contains("contractual");
        assertThat(AdjustmentCodes.describeGroup("PR")).contains("patient");
        assertThat(AdjustmentCodes.describeGroup("OA")).contains("other");
        assertThat(AdjustmentCodes.describeGroup("PI")).contains("payer");
    }

    @Test
    void aCodeNotInTheListIsShownAsUnknownWithWhereToLookItUp() {
        assertThat(AdjustmentCodes.describeCarc("999")).isEqualTo("unknown reason code 999 (not in ClaimFlow's short list; see x12.org/codes)");
        assertThat(AdjustmentCodes.describeRarc("N9999")).startsWith("unknown remark code N9999");
        assertThat(AdjustmentCodes.describeCarc(null)).isEqualTo("no reason code given");
        assertThat(AdjustmentCodes.carcWithDescription("197")).isEqualTo("197 · prior authorization, precertification or notification missing");
    }
}
