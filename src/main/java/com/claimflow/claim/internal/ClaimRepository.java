package com.claimflow.claim.internal;

import com.claimflow.claim.Claim;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ClaimRepository extends JpaRepository<Claim, Long> {
    Optional<Claim> findFirstByEncounterIdOrderByVersionDesc(Long encounterId);

    List<Claim> findByEncounterIdOrderByVersion(Long encounterId);

    List<Claim> findByMemberIdAndBillingNpiAndDateOfServiceAndStatusIn(String memberId, String billingNpi, java.time.LocalDate dateOfService,
                                                                       java.util.Collection<com.claimflow.claim.ClaimStatus> statuses);
}
