package com.claimflow.claim;

import java.math.BigDecimal;
import java.util.List;

/**
 * What bulk work (posting a remittance file) needs of a claim, read without loading the entity: ids, version,
 * status, payer, total charge and its lines in order.
 */
public record ClaimSummary(long id, long encounterId, int version, ClaimStatus status, String payerId, BigDecimal totalCharge,
                           List<ClaimLine> lines) {
}
