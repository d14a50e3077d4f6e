package com.claimflow.intake.internal;

import com.claimflow.intake.Encounter;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface EncounterRepository extends JpaRepository<Encounter, Long> {
    Optional<Encounter> findByExternalId(String externalId);
}
