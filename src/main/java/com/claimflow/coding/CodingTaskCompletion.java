package com.claimflow.coding;

import com.claimflow.workqueue.TaskCompletion;
import com.claimflow.workqueue.WorkItem;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Coder tasks: coding (and re-coding after a coding edit or denial) stores validated codes and feeds the audit-sample
 * decision; the coding audit refuses the coder who coded the encounter.
 */
@Component
public class CodingTaskCompletion implements TaskCompletion {
    static final Set<String> CODING_TASKS = Set.of("CodeEncounter", "FixCodingEdit", "CorrectCodingDenial");

    private final CodingService coding;
    private final AuditSampling sampling;

    public CodingTaskCompletion(CodingService coding, AuditSampling sampling) {
        this.coding = coding;
        this.sampling = sampling;
    }

    @Override
    public boolean handles(String taskType) {
        return CODING_TASKS.contains(taskType) || "AuditCoding".equals(taskType);
    }

    @Override
    public Map<String, Object> complete(WorkItem item, Map<String, Object> form, String userId) {
        Map<String, Object> variables = new HashMap<>();
        if ("AuditCoding".equals(item.taskType())) {
            coding.codingOf(item.encounterId()).filter(c -> userId.equals(c.getCodedBy())).ifPresent(c -> {
                throw new AccessDeniedException(userId + " coded encounter " + item.encounterId() + " and may not audit it");
            });
            variables.put("auditPassed", Boolean.TRUE.equals(form.get("auditPassed")));
            return variables;
        }
        boolean query = Boolean.TRUE.equals(form.get("queryProvider"));
        boolean recode = form.get("diagnosisCodes") != null || "CodeEncounter".equals(item.taskType());
        if (recode && !query) {
            coding.record(item.encounterId(), (String) form.get("diagnosisCodes"), (String) form.get("procedureLines"), userId);
        }
        if ("CodeEncounter".equals(item.taskType())) {
            variables.put("queryProvider", query);
            variables.put("codedBy", userId);
            variables.put("coderNew", coding.isNewCoder(userId));
            variables.put("estimatedCharge", query ? 0d : coding.estimatedCharge(item.encounterId()).doubleValue());
            variables.put("auditDraw", sampling.draw());
        }
        return variables;
    }
}
