package com.claimflow.collections;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The refund rules people change (processes/refund-approval.dmn): money leaving the practice above 100.00 needs a lead. */
class RefundApprovalTableTest {
    static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    static boolean approvalRequired(String refundTo, double amount) throws IOException {
        try (InputStream table = new FileInputStream("processes/refund-approval.dmn")) {
            DmnDecision decision = DMN.parseDecision(CollectionsProcess.REFUND_APPROVAL_DECISION_KEY, table);
            return DMN.evaluateDecisionTable(decision, Map.of(CollectionsProcess.REFUND_TO, refundTo, CollectionsProcess.REFUND_AMOUNT, amount))
                    .getSingleResult().getSingleEntry();
        }
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "REFUND_PATIENT, 478.80, true", "REFUND_PAYER, 100.01, true", "REFUND_PAYER, 100.00, false", "REFUND_PATIENT, 21.20, false",
            "APPLY_TO_OTHER, 478.80, false", "APPLY_TO_OTHER, 5.00, false"})
    void aRefundLeavingThePracticeAboveOneHundredNeedsALead(String refundTo, double amount, boolean expected) throws IOException {
        assertThat(approvalRequired(refundTo, amount)).isEqualTo(expected);
    }
}
