package com.claimflow.claim;

import java.math.BigDecimal;
import java.util.List;

/**
 * What bulk work (posting a remittance file) needs of a claim, read without loading the entity: ids, version,
 * status, payer, total charge, its lines in order, and the coverage it bills (1 primary, 2 secondary, 3 tertiary).
 */
public record ClaimSummary(long id, long encounterId, int version, ClaimStatus status, String payerId, BigDecimal totalCharge,
                           List<ClaimLine> lines, int coverageOrder) {
}
