package com.claimflow.denial;

import com.claimflow.base.BadInputException;
import com.claimflow.base.ConflictException;
import com.claimflow.identity.Roles;
import com.claimflow.identity.Worker;
import com.claimflow.intake.EncounterProcess;
import com.claimflow.workqueue.Note;
import com.claimflow.workqueue.Notes;
import com.claimflow.workqueue.WorkItem;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payer's appeal decision as a biller reads it from the letter (the 835 brings it otherwise): recorded by the API
 * while the process waits for it, or on the follow-up task once the wait is overdue; kept as note {@code APPEAL_DECISION}.
 */
@Service
@Transactional
public class AppealDecisions {
    private final DenialService denials;
    private final RuntimeService runtime;
    private final Notes notes;

    public AppealDecisions(DenialService denials, RuntimeService runtime, Notes notes) {
        this.denials = denials;
        this.runtime = runtime;
        this.notes = notes;
    }

    /**
     * Records the decision for the appeal of the encounter that waits for one (billers, leads) and moves the process on.
     * {@code decision}: OVERTURNED or UPHELD; {@code note}: the letter (date, reference), required. 409 when no appeal of
     * the encounter is waiting (none sent, decided already, or its follow-up task is open: record it there).
     */
    public void record(long encounterId, String decision, String note, Worker worker) {
        if (!worker.mayWork(Roles.BILLERS)) throw new AccessDeniedException("only billers and leads record an appeal decision");
        AppealResult result = AppealResult.parse("decision", decision, false);
        String letter = letter(note);
        List<Execution> waiting = runtime.createExecutionQuery().messageEventSubscriptionName(DenialProcess.APPEAL_DECISION_MESSAGE)
                .processVariableValueEquals(EncounterProcess.ENCOUNTER_ID, encounterId).list();
        if (waiting.isEmpty()) {
            throw new ConflictException("encounter " + encounterId + " has no appeal waiting for a decision"
                    + " (if its follow-up task is open, record the decision there)", null);
        }
        long claimId = ((Number) runtime.getVariable(waiting.get(0).getId(), EncounterProcess.CLAIM_ID)).longValue();
        notes.add(encounterId, null, null, Note.Kind.APPEAL_DECISION, worker.userId(), text(result, letter));
        denials.decideAppeal(claimId, result == AppealResult.OVERTURNED);
    }

    /** Records a decision read on the follow-up task; the task's completion routes the process on it. */
    public void recordOnTask(WorkItem item, AppealResult result, String note, String biller) {
        String letter = letter(note);
        denials.decided(item.claimId(), result == AppealResult.OVERTURNED);
        notes.add(item.encounterId(), item.taskId(), item.taskType(), Note.Kind.APPEAL_DECISION, biller, text(result, letter));
    }

    private static String letter(String note) {
        if (note == null || note.isBlank()) {
            throw new BadInputException("note", "is required: the payer's letter, e.g. \"letter of 2026-11-30, ref AP-778: medical necessity met\"");
        }
        return note.strip();
    }

    private static String text(AppealResult result, String letter) {
        return "Appeal " + result.name().toLowerCase() + ": " + letter;
    }
}
