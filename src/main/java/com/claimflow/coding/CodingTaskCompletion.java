package com.claimflow.coding;

import com.claimflow.base.BadInputException;
import com.claimflow.workqueue.TaskCompletion;
import com.claimflow.workqueue.WorkItem;
import java.util.HashMap;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Coder tasks: coding (and re-coding after a coding edit or denial) stores validated codes and feeds the audit-sample
 * decision, or keeps the question to the provider; the chase task keeps the provider's answer; the coding audit refuses
 * the coder who coded the encounter.
 */
@Component
public class CodingTaskCompletion implements TaskCompletion {
    /** Form fields: the coder's question to the provider ({@code coding} form), the answer ({@code chase-provider-query}). */
    static final String PROVIDER_QUESTION = "providerQuestion";
    static final String PROVIDER_ANSWER = "providerAnswer";
    private final CodingService coding;
    private final AuditSampling sampling;
    private final ProviderQueries queries;

    public CodingTaskCompletion(CodingService coding, AuditSampling sampling, ProviderQueries queries) {
        this.coding = coding;
        this.sampling = sampling;
        this.queries = queries;
    }

    @Override
    public boolean handles(String taskType) {
        return CodingProcess.TASKS_WITH_CODES.contains(taskType) || CodingProcess.AUDIT_CODING_TASK.equals(taskType)
                || CodingProcess.CHASE_PROVIDER_QUERY_TASK.equals(taskType);
    }

    @Override
    public Map<String, Object> complete(WorkItem item, Map<String, Object> form, String userId) {
        Map<String, Object> variables = new HashMap<>();
        if (CodingProcess.AUDIT_CODING_TASK.equals(item.taskType())) {
            coding.codingOf(item.encounterId()).filter(c -> userId.equals(c.codedBy())).ifPresent(c -> {
                throw new AccessDeniedException(userId + " coded encounter " + item.encounterId() + " and may not audit it");
            });
            variables.put(CodingProcess.AUDIT_PASSED, flag(form, CodingProcess.AUDIT_PASSED));
            return variables;
        }
        if (CodingProcess.CHASE_PROVIDER_QUERY_TASK.equals(item.taskType())) {
            boolean answered = flag(form, CodingProcess.PROVIDER_ANSWERED);
            String note = text(form, "note", "\"paged Dr Adams\"");
            if (answered) queries.answeredOnTask(item, text(form, PROVIDER_ANSWER, "\"the left knee\""), userId);
            else if (note == null || note.isBlank()) throw new BadInputException("note", "say how you chased the provider, or record their answer");
            variables.put(CodingProcess.PROVIDER_ANSWERED, answered);
            return variables;
        }
        boolean query = flag(form, CodingProcess.QUERY_PROVIDER);
        String diagnoses = text(form, "diagnosisCodes", "\"I10, E78.5\"");
        String procedures = text(form, "procedureLines", "\"99213 25 1 1,2\\n36415 1 1\"");
        boolean recode = diagnoses != null || CodingProcess.CODE_ENCOUNTER_TASK.equals(item.taskType());
        if (recode && !query) {
            coding.record(item.encounterId(), diagnoses, procedures, userId);
        }
        if (CodingProcess.CODE_ENCOUNTER_TASK.equals(item.taskType())) {
            if (query) queries.asked(item, text(form, PROVIDER_QUESTION, "\"which knee was injected?\""), userId);
            variables.put(CodingProcess.QUERY_PROVIDER, query);
            variables.put(CodingProcess.CODED_BY, userId);
            variables.put(CodingProcess.CODER_NEW, coding.isNewCoder(userId));
            variables.put(CodingProcess.ESTIMATED_CHARGE, query ? 0d : coding.estimatedCharge(item.encounterId()).doubleValue());
            variables.put(CodingProcess.AUDIT_DRAW, sampling.draw());
        }
        return variables;
    }

    /** A yes/no field: true or false, as JSON booleans or the strings "true" and "false" (any case); absent is false. */
    static boolean flag(Map<String, Object> form, String field) {
        Object value = form.get(field);
        if (value == null) return false;
        if (value instanceof Boolean b) return b;
        if (value instanceof String s && (s.strip().equalsIgnoreCase("true") || s.strip().equalsIgnoreCase("false"))) return s.strip().equalsIgnoreCase("true");
        throw new BadInputException(field, "must be true or false, not " + shown(value));
    }

    /** A text field: a string or absent (null); a number, list or object is refused. */
    static String text(Map<String, Object> form, String field, String example) {
        Object value = form.get(field);
        if (value == null || value instanceof String) return (String) value;
        throw new BadInputException(field, "must be text, e.g. " + example + ", not " + shown(value));
    }

    private static String shown(Object value) {
        String s = value instanceof String ? "'" + value + "'" : String.valueOf(value);
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
