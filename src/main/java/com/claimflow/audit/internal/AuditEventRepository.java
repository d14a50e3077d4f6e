package com.claimflow.audit.internal;

import com.claimflow.audit.AuditEvent;
import java.util.List;
import org.springframework.data.repository.Repository;

/** Inserts and reads: no update or delete is exposed, the trail is append-only. */
public interface AuditEventRepository extends Repository<AuditEvent, Long> {
    AuditEvent save(AuditEvent event);

    List<AuditEvent> findByEncounterIdOrderById(Long encounterId);

    List<AuditEvent> findByTaskIdOrderById(String taskId);

    List<AuditEvent> findTop200ByOrderByIdDesc();
}
