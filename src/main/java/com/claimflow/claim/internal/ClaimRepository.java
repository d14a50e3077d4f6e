package com.claimflow.claim.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ClaimRepository extends JpaRepository<ClaimEntity, Long> {
    Optional<ClaimEntity> findFirstByEncounterIdOrderByVersionDesc(Long encounterId);

    List<ClaimEntity> findByEncounterIdOrderByVersion(Long encounterId);

    List<ClaimEntity> findByMemberIdAndBillingNpiAndDateOfServiceAndStatusIn(String memberId, String billingNpi, java.time.LocalDate dateOfService,
                                                                       java.util.Collection<com.claimflow.claim.ClaimStatus> statuses);

    /** The claims among {@code ids} with their lines, one row per line (line columns null for a claim without lines): no entity is loaded. */
    @Query(nativeQuery = true, value = "select c.id, c.encounter_id, c.version, c.status, c.payer_id, c.total_charge, "
            + "l.line_no, l.code, l.modifiers, l.units, l.charge, l.pointers, c.coverage_order "
            + "from claim c left join claim_line l on l.claim_id = c.id where c.id in (:ids) order by c.id, l.line_no")
    List<Object[]> summaries(@Param("ids") java.util.Collection<Long> ids);

    /** The claims the payer numbered so (its claim control number, ICN), newest first. */
    List<ClaimEntity> findByPayerClaimNumberOrderByIdDesc(String payerClaimNumber);

    /** The payer's claim number (ICN) it gave last, when it is another than the one on the claim. */
    @Modifying
    @Query("update Claim c set c.payerClaimNumber = :number, c.updatedAt = :at where c.id = :id "
            + "and (c.payerClaimNumber is null or c.payerClaimNumber <> :number)")
    int payerNumbered(@Param("id") long id, @Param("number") String number, @Param("at") java.time.Instant at);

    /** One statement for many claims: their new status. */
    @Modifying
    @Query("update Claim c set c.status = :status, c.updatedAt = :at where c.id in :ids")
    int moveAll(@Param("ids") java.util.Collection<Long> ids, @Param("status") com.claimflow.claim.ClaimStatus status, @Param("at") java.time.Instant at);
}
