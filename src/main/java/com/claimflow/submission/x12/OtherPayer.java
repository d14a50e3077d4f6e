package com.claimflow.submission.x12;

import com.claimflow.submission.x12.ClaimDocument.PayerRef;
import com.claimflow.submission.x12.ClaimDocument.Person;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An earlier payer of a secondary or tertiary claim, as the 837 reports it ({@link OtherPayerLoops}).
 *
 * @param responsibility            the earlier payer's sequence, 2320 SBR01 (P primary, S secondary)
 * @param relationship              the patient's relationship to that coverage's subscriber, SBR02 (18 self)
 * @param subscriber                that coverage's subscriber, 2330A (name and member id)
 * @param remainingPatientLiability what the patient still owes after that payer, AMT*EAF
 * @param adjustments               claim-level CAS; line-level ones are on {@code lines}
 */
public record OtherPayer(String responsibility, String relationship, String groupNumber, String claimFilingCode, Person subscriber, PayerRef payer,
                         String payerClaimNumber, BigDecimal paid, BigDecimal remainingPatientLiability, LocalDate adjudicated,
                         List<Adjustment> adjustments, List<LineAdjudication> lines) {
    public OtherPayer {
        adjustments = List.copyOf(adjustments);
        lines = List.copyOf(lines);
    }

    /** One CAS adjustment: group (CO, PR, OA, PI, CR), claim adjustment reason code, amount and units. */
    public record Adjustment(String group, String carc, BigDecimal amount, BigDecimal quantity) {
    }

    /** The earlier payer's answer on one service line (2430 SVD): {@code lineNo} is the claim's line, 1-based. */
    public record LineAdjudication(int lineNo, String procedureCode, List<String> modifiers, String revenueCode, BigDecimal paid,
                                   BigDecimal units, List<Adjustment> adjustments) {
        public LineAdjudication {
            modifiers = List.copyOf(modifiers);
            adjustments = List.copyOf(adjustments);
        }
    }
}
