package com.claimflow.eligibility.x12;

import com.claimflow.x12.X12Issue;
import java.math.BigDecimal;
import java.util.List;

/**
 * What a 271 (005010X279A1) answers, per subscriber or dependent it names with our trace number (2000C/2000D TRN02,
 * echoing the 270's TRN): the coverage status from the EB segments, the plan, the patient's share, and the AAA reject
 * reasons of the levels above and of its own. {@code issues} name what could not be read, by segment.
 */
public record Eligibility271(List<Answer> answers, List<X12Issue> issues) {

    /** ACTIVE (EB01 1-5), INACTIVE (EB01 6-8), REJECTED (an AAA with AAA01 N), UNKNOWN (neither: the answer says nothing usable). */
    public enum Coverage { ACTIVE, INACTIVE, REJECTED, UNKNOWN }

    /**
     * One answered person. {@code segment} is the number of its HL in the interchange; {@code plan} the EB05 plan
     * description or the REF*18 plan number; {@code copay} EB01 B's EB07, {@code deductible} C's EB07, {@code coinsurance}
     * A's EB08 (a fraction, 0.2 = 20%), each the first found for the health benefit plan coverage (EB03 30) or any
     * service type; {@code rejections} AAA03 codes with their AAA04 follow-up, as "72 invalid/missing ... (C please correct...)".
     */
    public record Answer(int segment, String traceNumber, String memberId, String lastName, String firstName, Coverage coverage,
                         String plan, String groupNumber, BigDecimal copay, BigDecimal deductible, BigDecimal coinsurance,
                         List<Rejection> rejections, List<String> benefits) {
        public Answer {
            rejections = List.copyOf(rejections);
            benefits = List.copyOf(benefits);
        }

        /** In words for the biller's task: "inactive (EB01 6)", "rejected: 72 invalid/missing subscriber/insured id". */
        public String summary() {
            return switch (coverage) {
                case ACTIVE -> "active" + (plan == null ? "" : ", plan " + plan);
                case INACTIVE -> "inactive: the payer reports no active coverage on the date of service (EB01 6-8)";
                case REJECTED -> "rejected: " + String.join("; ", rejections.stream().map(Rejection::toString).toList());
                case UNKNOWN -> "the 271 gives neither a coverage status (EB) nor a reject reason (AAA)";
            };
        }
    }

    /** An AAA: its segment number, loop, reason code (AAA03) and follow-up action (AAA04). */
    public record Rejection(int segment, String loop, String reasonCode, String followUp) {
        @Override
        public String toString() {
            return EligibilityCodes.describe(EligibilityCodes.REJECT_REASON, reasonCode)
                    + (followUp == null || followUp.isEmpty() ? "" : " (" + EligibilityCodes.describe(EligibilityCodes.FOLLOW_UP, followUp) + ")")
                    + " [segment " + segment + ", loop " + loop + "]";
        }
    }
}
