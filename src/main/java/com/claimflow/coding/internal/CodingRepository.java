package com.claimflow.coding.internal;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CodingRepository extends JpaRepository<CodingEntity, Long> {
    Optional<CodingEntity> findByEncounterId(Long encounterId);
}
