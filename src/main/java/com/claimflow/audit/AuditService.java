package com.claimflow.audit;

import com.claimflow.audit.internal.AuditEventRepository;
import com.claimflow.audit.internal.AuditMac;
import com.claimflow.audit.internal.AuditStore;
import com.claimflow.audit.internal.AuditVerifier;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail: every view of patient data and every move of work, in the caller's transaction. Next task's claims
 * are the one exception: the claimed row keeps the claim and its time until the audit row follows, milliseconds later
 * or after a crash (decision 0008). Each row is signed by its writer and sealed into a chain a second later (decision 0009).
 */
@Service
public class AuditService {
    public static final String VIEWED_ENCOUNTER = "VIEWED_ENCOUNTER";
    public static final String VIEWED_ENCOUNTER_LIST = "VIEWED_ENCOUNTER_LIST";

    private final AuditEventRepository events;
    private final AuditStore store;
    private final AuditMac mac;
    private final AuditVerifier verifier;

    public AuditService(AuditEventRepository events, AuditStore store, AuditMac mac, AuditVerifier verifier) {
        this.events = events;
        this.store = store;
        this.mac = mac;
        this.verifier = verifier;
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String actor, String action, Long encounterId, String taskId, String detail) {
        recordAt(Instant.now(), actor, action, encounterId, taskId, detail);
    }

    /** An event recorded after the fact, with the time it happened: a claim whose row kept it until it could be written. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordAt(Instant occurredAt, String actor, String action, Long encounterId, String taskId, String detail) {
        // one insert, as recordEach's rows: not an entity the session keeps and checks at every flush of the transaction
        Instant at = occurredAt.truncatedTo(ChronoUnit.MILLIS);
        String cut = AuditEvent.cut(detail);
        store.insert(row(at, actor, action, encounterId, taskId, cut));
    }

    /**
     * One row per encounter for an event that showed several at once (a page of a list), so "who saw encounter X" finds it;
     * none given: one row without an encounter (a search that found nothing). One round trip.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordEach(String actor, String action, Collection<Long> encounterIds, String detail) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String cut = AuditEvent.cut(detail);
        List<Object[]> rows = new ArrayList<>();
        for (Long encounterId : encounterIds.isEmpty() ? Collections.<Long>singletonList(null) : encounterIds) {
            rows.add(row(at, actor, action, encounterId, null, cut));
        }
        store.insertAll(rows);
    }

    /** One row per task shown in a list (a queue page: task id to its encounter id, in the order shown), in one round trip. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordEachTask(String actor, String action, Map<String, Long> encounterByTask, String detail) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String cut = AuditEvent.cut(detail);
        List<Object[]> rows = new ArrayList<>();
        encounterByTask.forEach((taskId, encounterId) -> rows.add(row(at, actor, action, encounterId, taskId, cut)));
        if (!rows.isEmpty()) store.insertAll(rows);
    }

    /** An insert's parameters with the row's MAC ({@link AuditMac}, decision 0009): every write path signs its rows here. */
    private Object[] row(Instant at, String actor, String action, Long encounterId, String taskId, String cut) {
        return AuditStore.insertRow(at, actor, action, encounterId, taskId, cut, mac.row(at.toEpochMilli(), actor, action, encounterId, taskId, cut));
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

    /** Walks the whole chain: ok, or where it breaks (which row, what is wrong). */
    public ChainReport verify() {
        return verifier.verify();
    }
}
