package com.claimflow.coding;

import com.claimflow.base.BadInputException;
import com.claimflow.base.ConflictException;
import com.claimflow.identity.Roles;
import com.claimflow.identity.Worker;
import com.claimflow.intake.EncounterProcess;
import com.claimflow.intake.EncounterService;
import com.claimflow.workqueue.Note;
import com.claimflow.workqueue.Notes;
import com.claimflow.workqueue.WorkItem;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A coder's question to the provider and the provider's answer, kept as encounter notes ({@code PROVIDER_QUERY},
 * {@code PROVIDER_ANSWER}) so the coding task that resumes shows both. An answer arrives by the API or on the chase task.
 */
@Service
@Transactional
public class ProviderQueries {
    /** The kinds of note that make up the query and its answers. */
    public static final Set<Note.Kind> KINDS = Set.of(Note.Kind.PROVIDER_QUERY, Note.Kind.PROVIDER_ANSWER);

    private final Notes notes;
    private final RuntimeService runtime;
    private final EncounterService encounters;

    public ProviderQueries(Notes notes, RuntimeService runtime, EncounterService encounters) {
        this.notes = notes;
        this.runtime = runtime;
        this.encounters = encounters;
    }

    /** Keeps the question a coder asks on completing the coding task; without one the query is refused naming the field. */
    public void asked(WorkItem item, String question, String coder) {
        notes.add(item.encounterId(), item.taskId(), item.taskType(), Note.Kind.PROVIDER_QUERY, coder,
                required(question, "providerQuestion", "say what the provider must clarify, e.g. which knee was injected"));
    }

    /** Keeps an answer recorded on the chase task; completing that task sends the encounter back to coding. */
    public void answeredOnTask(WorkItem item, String answer, String coder) {
        notes.add(item.encounterId(), item.taskId(), item.taskType(), Note.Kind.PROVIDER_ANSWER, coder,
                required(answer, "providerAnswer", "give the provider's answer when they have answered"));
    }

    /**
     * Records the provider's answer and resumes coding (coders and leads). 409 when no query of the encounter is waiting
     * for an answer (none asked, already answered, or its chase task is open: record it there).
     */
    public void answer(long encounterId, String answer, Worker worker) {
        if (!worker.mayWork(Roles.CODERS)) throw new AccessDeniedException("only coders and leads record a provider's answer");
        String text = required(answer, "answer", "give the provider's answer");
        encounters.get(encounterId);
        long waiting = runtime.createExecutionQuery().messageEventSubscriptionName(CodingProcess.PROVIDER_ANSWERED_MESSAGE)
                .processVariableValueEquals(EncounterProcess.ENCOUNTER_ID, encounterId).count();
        if (waiting == 0) {
            throw new ConflictException("encounter " + encounterId + " has no provider query waiting for an answer"
                    + " (if its chase task is open, record the answer there)", null);
        }
        notes.add(encounterId, null, null, Note.Kind.PROVIDER_ANSWER, worker.userId(), text);
        runtime.createMessageCorrelation(CodingProcess.PROVIDER_ANSWERED_MESSAGE)
                .processInstanceVariableEquals(EncounterProcess.ENCOUNTER_ID, encounterId).correlate();
    }

    /** The questions and answers of the encounter, oldest first. */
    @Transactional(readOnly = true)
    public List<Note> thread(long encounterId) {
        return notes.forEncounter(encounterId).stream().filter(n -> KINDS.contains(n.kind())).toList();
    }

    private static String required(String text, String field, String what) {
        if (text == null || text.isBlank()) throw new BadInputException(field, "is required: " + what);
        return text;
    }
}
