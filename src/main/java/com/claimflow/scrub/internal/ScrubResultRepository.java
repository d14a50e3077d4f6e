package com.claimflow.scrub.internal;

import com.claimflow.scrub.ScrubResult;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ScrubResultRepository extends JpaRepository<ScrubResult, Long> {
    Optional<ScrubResult> findFirstByClaimIdOrderByIdDesc(Long claimId);
}
