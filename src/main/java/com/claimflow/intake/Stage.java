package com.claimflow.intake;

import java.util.Locale;

/** Names of the revenue-cycle stages, as the main model's call activities are named. */
public final class Stage {
    private Stage() {
    }

    public static String ofActivity(String activityId) {
        return switch (activityId) {
            case "Intake" -> "INTAKE";
            case "Coding" -> "CODING";
            case "CreateClaim", "CreateReplacementClaim" -> "CLAIM";
            case "ClaimCreation" -> "CLAIM"; // the call activity CreateClaim was until issue #17: encounters of the model before it
            case "Scrubbing" -> "SCRUBBING";
            case "Submission" -> "SUBMISSION";
            case "Adjudication" -> "ADJUDICATION";
            case "Denial" -> "DENIAL";
            case "Collections" -> "COLLECTIONS";
            // a lead closing the claim, or a write-off of a claim past timely filing: the account is being closed
            case "CloseByLead", "CloseEncounterAccount", "WriteOffUnfiledClaim" -> "CLOSING";
            case "CreditBalance" -> "CREDIT_BALANCE";
            default -> activityId.toUpperCase(Locale.ROOT);
        };
    }
}
