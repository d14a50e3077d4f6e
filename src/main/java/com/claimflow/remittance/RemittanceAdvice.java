package com.claimflow.remittance;

import java.math.BigDecimal;
import java.util.List;

/**
 * One claim payment from a payer (what an 835 CLP loop carries): the payer's reference for it, amounts, and for a
 * denial the adjustment group and reason codes. {@code sourceRef} makes posting idempotent.
 * From an 835 it also carries the claim status code (CLP02; {@code 22} is a reversal of an earlier payment), every
 * CAS adjustment by group and CARC (claim level, or the claim line the SVC matched), the remark codes (LQ, MOA) and
 * what each matched line was paid (SVC), which a later payer's claim reports (coordination of benefits).
 */
public record RemittanceAdvice(String sourceRef, long claimId, String payerClaimNumber, BigDecimal paid,
                               BigDecimal contractualAdjustment, BigDecimal patientResponsibility,
                               boolean denied, String carcGroup, String carc, String rarc,
                               String statusCode, List<Adjustment> adjustments, List<Remark> remarks, List<LinePaid> linesPaid) {

    public RemittanceAdvice(String sourceRef, long claimId, String payerClaimNumber, BigDecimal paid, BigDecimal contractualAdjustment,
                            BigDecimal patientResponsibility, boolean denied, String carcGroup, String carc, String rarc,
                            String statusCode, List<Adjustment> adjustments, List<Remark> remarks) {
        this(sourceRef, claimId, payerClaimNumber, paid, contractualAdjustment, patientResponsibility, denied, carcGroup, carc, rarc,
                statusCode, adjustments, remarks, List.of());
    }

    public RemittanceAdvice(String sourceRef, long claimId, String payerClaimNumber, BigDecimal paid, BigDecimal contractualAdjustment,
                            BigDecimal patientResponsibility, boolean denied, String carcGroup, String carc, String rarc) {
        this(sourceRef, claimId, payerClaimNumber, paid, contractualAdjustment, patientResponsibility, denied, carcGroup, carc, rarc,
                null, List.of(), List.of());
    }

    /** A CAS adjustment; {@code lineNo} (1-based claim line) and {@code procedureCode} when it came with a service line. */
    public record Adjustment(Integer lineNo, String procedureCode, String group, String carc, BigDecimal amount, BigDecimal quantity) {
    }

    /** What the payer paid on one claim line (SVC): {@code lineNo} is the claim line it matched, 1-based. */
    public record LinePaid(int lineNo, String procedureCode, List<String> modifiers, BigDecimal charge, BigDecimal paid, BigDecimal units) {
    }

    /**
     * CLP02 19 or 20 (processed as primary or secondary, forwarded to the next payer), or remark MA18 (claim information
     * forwarded to the supplemental insurer) or N89 (to the Medigap insurer): the payer sent the claim on itself, so a
     * claim to the next payer would be a duplicate (CMS crossover; X12 835 CLP02 code list).
     */
    public boolean forwardedToNextPayer() {
        return "19".equals(statusCode) || "20".equals(statusCode)
                || remarks.stream().anyMatch(r -> "MA18".equals(r.rarc()) || "N89".equals(r.rarc()));
    }

    /** A remittance advice remark code (RARC), on a line or on the claim. */
    public record Remark(Integer lineNo, String rarc) {
    }

    /** CLP02 22: the payer takes back an earlier payment of this claim (a corrected one usually follows). */
    public boolean reversal() {
        return "22".equals(statusCode);
    }
}
