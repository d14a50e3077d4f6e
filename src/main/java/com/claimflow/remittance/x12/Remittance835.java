package com.claimflow.remittance.x12;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The parts of an 835 the product posts: the payment (BPR/TRN), each claim payment (2100) and provider adjustments (PLB). */
public final class Remittance835 {
    private Remittance835() {
    }

    /** BPR and TRN: how much was paid, how, and the check/EFT trace number that identifies this payment. */
    public record Payment(int segmentNumber, String handling, BigDecimal total, String method, LocalDate paymentDate, String traceNumber,
                          String payerId, String payerName, String payeeNpi) {
    }

    /** One CAS adjustment: group (CO, PR, OA, PI, CR), claim adjustment reason code and amount. */
    public record Adjustment(String group, String carc, BigDecimal amount, BigDecimal quantity) {
    }

    /** One SVC service line with its adjustments and remark codes (LQ*HE). */
    public record ServiceLine(int segmentNumber, String procedureCode, List<String> modifiers, BigDecimal charge, BigDecimal paid,
                              BigDecimal units, List<Adjustment> adjustments, List<String> remarks) {
    }

    /**
     * One CLP claim payment (loop 2100) with its claim-level adjustments, remarks (MOA) and service lines;
     * {@code problem} says why it cannot be posted as it stands (it does not balance), or is null.
     */
    public record ClaimPayment(int segmentNumber, String patientControlNumber, String statusCode, BigDecimal charge, BigDecimal paid,
                               BigDecimal patientResponsibility, String payerClaimNumber, List<Adjustment> adjustments,
                               List<String> remarks, List<ServiceLine> lines, String problem) {

        public boolean reversal() {
            return "22".equals(statusCode);
        }

        public boolean denied() {
            return "4".equals(statusCode);
        }

        /** Every adjustment, claim and line level. */
        public List<Adjustment> allAdjustments() {
            return java.util.stream.Stream.concat(adjustments.stream(), lines.stream().flatMap(l -> l.adjustments().stream())).toList();
        }
    }

    /** PLB: a provider-level adjustment, not tied to a claim (e.g. WO overpayment recovery, L6 interest, FB forwarding balance). */
    public record ProviderAdjustment(int segmentNumber, String providerId, LocalDate fiscalDate, String reasonCode, String reference, BigDecimal amount) {
    }
}
