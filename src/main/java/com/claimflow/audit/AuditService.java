package com.claimflow.audit;

import com.claimflow.audit.internal.AuditEventRepository;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail: every view of patient data and every move of work, in the caller's transaction. Next task's claims
 * are the one exception: the claimed row keeps the claim and its time until the audit row follows, milliseconds later
 * or after a crash (decision 0008).
 */
@Service
public class AuditService {
    public static final String VIEWED_ENCOUNTER = "VIEWED_ENCOUNTER";
    public static final String VIEWED_ENCOUNTER_LIST = "VIEWED_ENCOUNTER_LIST";

    private final AuditEventRepository events;

    public AuditService(AuditEventRepository events) {
        this.events = events;
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String actor, String action, Long encounterId, String taskId, String detail) {
        recordAt(Instant.now(), actor, action, encounterId, taskId, detail);
    }

    /** An event recorded after the fact, with the time it happened: a claim whose row kept it until it could be written. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordAt(Instant occurredAt, String actor, String action, Long encounterId, String taskId, String detail) {
        events.save(new AuditEvent(occurredAt, actor, action, encounterId, taskId, detail));
    }

    @Transactional(readOnly = true)
    public List<AuditEvent> forEncounter(long encounterId) {
        return events.findByEncounterIdOrderById(encounterId);
    }

    @Transactional(readOnly = true)
    public List<AuditEvent> forTask(String taskId) {
        return events.findByTaskIdOrderById(taskId);
    }

    @Transactional(readOnly = true)
    public List<AuditEvent> latest() {
        return events.findTop200ByOrderByIdDesc();
    }
}
