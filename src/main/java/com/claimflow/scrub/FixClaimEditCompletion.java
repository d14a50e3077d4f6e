package com.claimflow.scrub;

import com.claimflow.base.BadInputException;
import com.claimflow.claim.Claim;
import com.claimflow.claim.ClaimService;
import com.claimflow.intake.EncounterProcess;
import com.claimflow.scrub.edits.TimelyFilingEdit;
import com.claimflow.workqueue.TaskCompletion;
import com.claimflow.workqueue.WorkItem;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * How a biller resolved a claim edit or a rejection ({@code claimEditResolution}, the variable the model routes on):
 * CORRECTED (fixed, scrub again), PROOF_RECORDED (the claim is past timely filing and the proof of its first submission
 * is stored on the claim) or WRITE_OFF (a lead approves writing it off). A claim whose open findings include the
 * timely-filing edit cannot be "corrected": no fix makes it timely, so it would only come back.
 */
@Component
public class FixClaimEditCompletion implements TaskCompletion {
    public static final String CLAIM_EDIT_RESOLUTION = "claimEditResolution";
    private static final Set<String> TASKS = Set.of(ScrubbingProcess.FIX_CLAIM_EDIT_TASK, EncounterProcess.FIX_REJECTED_CLAIM_TASK);

    /** The form's choices. */
    public enum Resolution { CORRECTED, PROOF_RECORDED, WRITE_OFF }

    private final ClaimService claims;
    private final ScrubService scrub;

    public FixClaimEditCompletion(ClaimService claims, ScrubService scrub) {
        this.claims = claims;
        this.scrub = scrub;
    }

    @Override
    public boolean handles(String taskType) {
        return TASKS.contains(taskType);
    }

    @Override
    public Map<String, Object> complete(WorkItem item, Map<String, Object> form, String userId) {
        Resolution resolution = resolution(form.get(CLAIM_EDIT_RESOLUTION));
        Long claimId = item.claimId() != null ? item.claimId() : claims.latestFor(item.encounterId()).map(Claim::id).orElse(null);
        if (claimId == null) return Map.of(CLAIM_EDIT_RESOLUTION, resolution.name());
        switch (resolution) {
            case CORRECTED -> {
                boolean late = scrub.latest(claimId).stream().flatMap(r -> r.errors().stream()).anyMatch(f -> TimelyFilingEdit.ID.equals(f.editId()));
                if (late) {
                    throw new BadInputException(CLAIM_EDIT_RESOLUTION, "past timely filing: record proof or ask for a write-off");
                }
            }
            case PROOF_RECORDED -> claims.recordTimelyFilingProof(claimId, date(form.get("originalSubmissionDate")),
                    text(form.get("originalSubmissionReference")), text(form.get("delayReasonCode")));
            case WRITE_OFF -> {
                // on Fix claim edit the model takes it to a lead's approval; a rejected claim's task has no such path
                if (EncounterProcess.FIX_REJECTED_CLAIM_TASK.equals(item.taskType())) {
                    throw new BadInputException(CLAIM_EDIT_RESOLUTION, "a rejected claim is written off by a lead: send the task to the leads "
                            + "with your reason, they can close the claim");
                }
            }
        }
        return Map.of(CLAIM_EDIT_RESOLUTION, resolution.name());
    }

    /** Absent means CORRECTED, as before the choice existed. */
    private static Resolution resolution(Object value) {
        if (value == null || String.valueOf(value).isBlank()) return Resolution.CORRECTED;
        try {
            return Resolution.valueOf(String.valueOf(value).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(CLAIM_EDIT_RESOLUTION, "'" + value + "' is not CORRECTED, PROOF_RECORDED or WRITE_OFF");
        }
    }

    private static LocalDate date(Object value) {
        if (value == null || String.valueOf(value).isBlank()) return null;
        try {
            return LocalDate.parse(String.valueOf(value).strip());
        } catch (DateTimeParseException e) {
            throw new BadInputException("originalSubmissionDate", "'" + value + "' is not a date; write it as 2026-03-02");
        }
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
