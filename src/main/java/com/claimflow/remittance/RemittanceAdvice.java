package com.claimflow.remittance;

import java.math.BigDecimal;

/**
 * One claim payment from a payer (what an 835 CLP loop carries): the payer's reference for it, amounts, and for a
 * denial the adjustment group and reason codes. {@code sourceRef} makes posting idempotent.
 */
public record RemittanceAdvice(String sourceRef, long claimId, String payerClaimNumber, BigDecimal paid,
                               BigDecimal contractualAdjustment, BigDecimal patientResponsibility,
                               boolean denied, String carcGroup, String carc, String rarc) {
}
