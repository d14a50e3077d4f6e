package com.claimflow.collections.internal;

import com.claimflow.collections.Statement;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface StatementRepository extends JpaRepository<Statement, Long> {
    List<Statement> findByEncounterIdOrderBySeq(Long encounterId);

    int countByEncounterId(Long encounterId);
}
