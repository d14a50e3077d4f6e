package com.claimflow.collections;

import com.claimflow.audit.AuditService;
import com.claimflow.base.BadInputException;
import com.claimflow.base.ConflictException;
import com.claimflow.identity.Worker;
import com.claimflow.intake.Encounter;
import com.claimflow.intake.EncounterService;
import com.claimflow.workqueue.Note;
import com.claimflow.workqueue.Notes;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The exit from any loop: a lead closes an encounter's claim, whatever stage it stands in. The encounter process's
 * interrupting event sub-process cancels the running stage and its tasks and writes off the open balance with the
 * reason code ({@link CloseEncounterDelegate}); the lead's note is kept with the encounter's notes.
 */
@Service
@Transactional
public class EncounterClosing {
    public static final String CLOSED_ENCOUNTER = "CLOSED_ENCOUNTER";

    private final EncounterService encounters;
    private final RuntimeService runtime;
    private final Notes notes;
    private final AuditService audit;

    public EncounterClosing(EncounterService encounters, RuntimeService runtime, Notes notes, AuditService audit) {
        this.encounters = encounters;
        this.runtime = runtime;
        this.notes = notes;
        this.audit = audit;
    }

    /** Parses the kind and the reason code as a form or request gives them, then closes; bad ones name their field. */
    public void close(long encounterId, String kind, String reasonCode, String note, Worker lead) {
        requireLead(lead);
        close(encounterId, Codes.parse(CloseKind.class, "kind", kind), Codes.parse(CloseReason.class, "reasonCode", reasonCode), note, lead);
    }

    /**
     * Closes the encounter's claim: only leads; an encounter whose process has ended (or is being closed) is a conflict.
     * A note is required: the next person reading the encounter must see why.
     */
    public void close(long encounterId, CloseKind kind, CloseReason reason, String note, Worker lead) {
        requireLead(lead);
        if (kind == null) throw new BadInputException("kind", "is required: one of " + Codes.list(CloseKind.class));
        if (reason == null) throw new BadInputException("reasonCode", "is required: one of " + Codes.list(CloseReason.class));
        if (note == null || note.isBlank()) throw new BadInputException("note", "say why the claim is closed, for whoever reads the encounter next");
        Encounter e = encounters.get(encounterId);
        boolean open = e.processInstanceId() != null && runtime.createEventSubscriptionQuery().processInstanceId(e.processInstanceId())
                .eventName(CollectionsProcess.CLOSE_ENCOUNTER_MESSAGE).count() > 0;
        if (!open) throw new ConflictException("encounter " + encounterId + " has ended (or is being closed): there is nothing to close", null);
        notes.add(encounterId, null, null, Note.Kind.NOTE, lead.userId(), kind.label() + " (" + reason.name() + "): " + note.strip());
        runtime.createMessageCorrelation(CollectionsProcess.CLOSE_ENCOUNTER_MESSAGE)
                .processInstanceBusinessKey(String.valueOf(encounterId))
                .setVariable(CollectionsProcess.CLOSE_KIND, kind.name())
                .setVariable(CollectionsProcess.CLOSE_REASON_CODE, reason.name())
                .setVariable(CollectionsProcess.CLOSE_NOTE, note.strip())
                .setVariable(CollectionsProcess.CLOSED_BY, lead.userId())
                .correlate();
        audit.record(lead.userId(), CLOSED_ENCOUNTER, encounterId, null, kind.name() + " " + reason.name());
    }

    private static void requireLead(Worker worker) {
        if (!worker.isLead()) throw new AccessDeniedException("only team leads close an encounter's claim");
    }
}
