package com.claimflow.denial.internal;

import com.claimflow.denial.Denial;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DenialRepository extends JpaRepository<Denial, Long> {
    Optional<Denial> findFirstByClaimIdOrderByIdDesc(Long claimId);

    List<Denial> findByEncounterIdOrderById(Long encounterId);
}
