package com.claimflow.claimstatus;

import com.claimflow.remittance.x12.ClaimStatusResponse277.Answer;
import java.util.Set;

/**
 * What a 277 claim status (005010X212, STC01 Claim Status Category Code) means for a claim whose remittance is late.
 * Pending and acknowledged (P0-P5, A0-A2, A5) and a payer system that cannot answer now (E1, E2): wait for the 835
 * again, up to {@code maxInquiries} inquiries. Finalized with payment (F0, F1, F3, F3F): the 835 is on its way, so
 * wait one more period; finalized again with still no 835, a biller asks for it. Finalized as denied or without payment
 * (F2, F3N, F4), rejected or in error (A3, A6-A8, E0, E3, E4), or asking for information (R): a biller follows up with
 * what the payer said. Not found (A4, D0, or status code 35 "claim/encounter not found"): a biller resubmits.
 */
public record ClaimStatusDecision(String action, String answer) {
    public static final String WAIT = "WAIT";
    public static final String FOLLOW_UP = "FOLLOW_UP";
    public static final String RESUBMIT = "RESUBMIT";
    private static final Set<String> WAITING = Set.of("A0", "A1", "A2", "A5", "E1", "E2");
    private static final Set<String> PAID = Set.of("F0", "F1", "F3", "F3F");

    /**
     * @param inquiries 276s sent for the claim so far, this one included
     * @param finalizedBefore whether an earlier 277 already said finalized
     */
    public static ClaimStatusDecision of(Answer a, int inquiries, boolean finalizedBefore, int maxInquiries) {
        String category = a.category();
        String said = "the payer's 277 says " + (a.statuses().isEmpty() ? "nothing (no STC)" : a.reason())
                + (a.payerClaimNumber() == null ? "" : "; payer claim number " + a.payerClaimNumber());
        if (category.equals("A4") || category.equals("D0") || a.statuses().stream().anyMatch(s -> s.code().equals("35"))) {
            return new ClaimStatusDecision(RESUBMIT, "RESUBMIT: " + said + ". The payer has no record of the claim: resubmit it as an original "
                    + "(frequency 1) and keep the clearinghouse's acceptance as proof of timely filing");
        }
        if (category.startsWith("P") || WAITING.contains(category)) {
            if (inquiries < maxInquiries) return new ClaimStatusDecision(WAIT, said + ". Waiting for the 835 again");
            return new ClaimStatusDecision(FOLLOW_UP, said + ", still after " + inquiries + " status inquiries: call the payer");
        }
        if (PAID.contains(category)) {
            String paid = (a.finalizedOn() == null ? "" : " on " + a.finalizedOn()) + (a.paid() == null ? "" : ", paid $" + a.paid().toPlainString())
                    + (a.checkNumber() == null ? "" : ", check/EFT " + a.checkNumber());
            if (!finalizedBefore && inquiries < maxInquiries) {
                return new ClaimStatusDecision(WAIT, said + ". Finalized" + paid + ": waiting one more period for the 835");
            }
            return new ClaimStatusDecision(FOLLOW_UP, said + ". Finalized" + paid + " but no 835 arrived a period later: ask the payer for the "
                    + "remittance advice (835) or the EOB");
        }
        if (category.startsWith("F")) {
            return new ClaimStatusDecision(FOLLOW_UP, said + ". Finalized without payment: read the denial on the payer's portal; the 835 may follow");
        }
        if (category.startsWith("R")) return new ClaimStatusDecision(FOLLOW_UP, said + ". The payer asks for information: send it");
        return new ClaimStatusDecision(FOLLOW_UP, said + ". The payer could not process the claim or the inquiry: correct what it names");
    }
}
