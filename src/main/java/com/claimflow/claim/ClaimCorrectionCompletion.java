package com.claimflow.claim;

import com.claimflow.intake.EncounterProcess;
import com.claimflow.workqueue.TaskCompletion;
import com.claimflow.workqueue.WorkItem;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Completing a billing denial with the claim editor (form {@code correct-claim}): the corrected lines, diagnoses, member
 * id and prior authorization are checked and stored as the replacement claim the process then sends (frequency 7,
 * REF*F8). A completion without {@code lines} (an API caller that only notes the fix) leaves the claim to be rebuilt from
 * the coding, as before the editor.
 */
@Component
public class ClaimCorrectionCompletion implements TaskCompletion {
    /** The form's fields: one service line per row, diagnoses separated by commas. */
    public static final String LINES = "lines";
    public static final String DIAGNOSES = "diagnoses";

    private final ClaimService claims;

    public ClaimCorrectionCompletion(ClaimService claims) {
        this.claims = claims;
    }

    @Override
    public boolean handles(String taskType) {
        return EncounterProcess.CORRECT_BILLING_DENIAL_TASK.equals(taskType);
    }

    @Override
    public Map<String, Object> complete(WorkItem item, Map<String, Object> form, String userId) {
        if (!form.containsKey(LINES) || item.claimId() == null) return Map.of();
        ClaimCorrection correction = new ClaimCorrection(ClaimCorrection.parseLines(text(form, LINES)),
                ClaimCorrection.parseDiagnoses(text(form, DIAGNOSES)), text(form, "memberId"), text(form, "priorAuthorization"));
        claims.correct(item.claimId(), correction, userId);
        return Map.of();
    }

    private static String text(Map<String, Object> form, String key) {
        Object v = form.get(key);
        return v == null ? null : String.valueOf(v);
    }
}
