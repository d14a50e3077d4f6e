package com.claimflow.claim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What an earlier payer decided on the service a later payer's claim bills (coordination of benefits): the 837 of a
 * secondary or tertiary claim reports it in loop 2320 (SBR, CAS, AMT*D paid amount), 2330B (DTP*573, REF*F8 the
 * earlier payer's claim number) and per line in 2430 (SVD, CAS, DTP*573), X12 005010X222A1 and X223A2.
 *
 * @param coverageOrder the earlier payer's coverage: 1 primary, 2 secondary
 * @param forwarded     the earlier payer sent the claim on itself (crossover): ours is not sent again
 * @param adjustments   the claim-level CAS adjustments (line-level ones are on {@code lines})
 */
public record OtherPayerAdjudication(int coverageOrder, String payerId, String payerClaimNumber, BigDecimal paid,
                                     BigDecimal patientResponsibility, LocalDate adjudicatedOn, boolean forwarded,
                                     List<Adjustment> adjustments, List<LinePayment> lines) {
    public OtherPayerAdjudication {
        adjustments = List.copyOf(adjustments);
        lines = List.copyOf(lines);
    }

    /** One CAS adjustment: group (CO, PR, OA, PI, CR), claim adjustment reason code, amount, units. */
    public record Adjustment(String group, String carc, BigDecimal amount, BigDecimal quantity) {
    }

    /** What the payer paid on one service line (SVD), with the line's adjustments: {@code lineNo} is the claim line, 1-based. */
    public record LinePayment(int lineNo, String procedureCode, List<String> modifiers, BigDecimal paid, BigDecimal units,
                              List<Adjustment> adjustments) {
        public LinePayment {
            modifiers = List.copyOf(modifiers);
            adjustments = List.copyOf(adjustments);
        }
    }

    /** Every adjustment the payer made, claim and line level. */
    public List<Adjustment> allAdjustments() {
        return java.util.stream.Stream.concat(adjustments.stream(), lines.stream().flatMap(l -> l.adjustments().stream())).toList();
    }
}
