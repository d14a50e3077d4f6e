package com.claimflow.claimstatus;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.remittance.x12.ClaimStatus277.Status;
import com.claimflow.remittance.x12.ClaimStatusResponse277.Answer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a 277's STC01 category (X12 Claim Status Category Code list) makes of a late claim. */
class ClaimStatusDecisionTest {
    static Answer answer(String category, String code) {
        return new Answer(13, "2200D", "CS1", "CF1V1", "PCN1", List.of(new Status(category, code, "PR", category + " described")), null,
                category.startsWith("F") ? new BigDecimal("80") : null, category.startsWith("F") ? LocalDate.of(2026, 11, 28) : null, null);
    }

    @Test
    void pendingWaitsAgainUntilTheLastInquiryThenABillerCalls() {
        assertThat(ClaimStatusDecision.of(answer("P1", "20"), 1, false, 3).action()).isEqualTo(ClaimStatusDecision.WAIT);
        assertThat(ClaimStatusDecision.of(answer("A2", "20"), 2, false, 3).action()).isEqualTo(ClaimStatusDecision.WAIT);
        ClaimStatusDecision last = ClaimStatusDecision.of(answer("P3", "21"), 3, false, 3);
        assertThat(last.action()).isEqualTo(ClaimStatusDecision.FOLLOW_UP);
        assertThat(last.answer()).contains("P3:21:PR").contains("still after 3 status inquiries");
    }

    @Test
    void finalizedWithPaymentWaitsOnePeriodForThe835ThenABillerAsksForIt() {
        ClaimStatusDecision first = ClaimStatusDecision.of(answer("F1", "65"), 1, false, 3);
        assertThat(first.action()).isEqualTo(ClaimStatusDecision.WAIT);
        assertThat(first.answer()).contains("on 2026-11-28, paid $80");
        ClaimStatusDecision again = ClaimStatusDecision.of(answer("F1", "65"), 2, true, 3);
        assertThat(again.action()).isEqualTo(ClaimStatusDecision.FOLLOW_UP);
        assertThat(again.answer()).contains("no 835 arrived");
    }

    @Test
    void finalizedDeniedOrWithoutPaymentNeedsABiller() {
        assertThat(ClaimStatusDecision.of(answer("F2", "85"), 1, false, 3).action()).isEqualTo(ClaimStatusDecision.FOLLOW_UP);
        assertThat(ClaimStatusDecision.of(answer("F4", "104"), 1, false, 3).action()).isEqualTo(ClaimStatusDecision.FOLLOW_UP);
    }

    @Test
    void notFoundIsAResubmission() {
        assertThat(ClaimStatusDecision.of(answer("A4", "35"), 1, false, 3).action()).isEqualTo(ClaimStatusDecision.RESUBMIT);
        assertThat(ClaimStatusDecision.of(answer("D0", "35"), 1, false, 3).action()).isEqualTo(ClaimStatusDecision.RESUBMIT);
        assertThat(ClaimStatusDecision.of(answer("E0", "35"), 1, false, 3).action()).isEqualTo(ClaimStatusDecision.RESUBMIT);
        assertThat(ClaimStatusDecision.of(answer("A4", "35"), 1, false, 3).answer()).startsWith("RESUBMIT: ");
    }

    @Test
    void rejectedOrInErrorNeedsABillerAndAPayerSystemDownWaits() {
        assertThat(ClaimStatusDecision.of(answer("A7", "164"), 1, false, 3).action()).isEqualTo(ClaimStatusDecision.FOLLOW_UP);
        assertThat(ClaimStatusDecision.of(answer("E0", "21"), 1, false, 3).action()).isEqualTo(ClaimStatusDecision.FOLLOW_UP);
        assertThat(ClaimStatusDecision.of(answer("R0", "21"), 1, false, 3).action()).isEqualTo(ClaimStatusDecision.FOLLOW_UP);
        assertThat(ClaimStatusDecision.of(answer("E2", "21"), 1, false, 3).action()).isEqualTo(ClaimStatusDecision.WAIT);
    }
}
