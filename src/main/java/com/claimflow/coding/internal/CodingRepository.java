package com.claimflow.coding.internal;

import com.claimflow.coding.Coding;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CodingRepository extends JpaRepository<Coding, Long> {
    Optional<Coding> findByEncounterId(Long encounterId);
}
