package com.claimflow.audit.internal;

import com.claimflow.audit.AuditEvent;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AuditEventRepository extends JpaRepository<AuditEvent, Long> {
    List<AuditEvent> findByEncounterIdOrderById(Long encounterId);

    List<AuditEvent> findByTaskIdOrderById(String taskId);

    List<AuditEvent> findTop200ByOrderByIdDesc();
}
