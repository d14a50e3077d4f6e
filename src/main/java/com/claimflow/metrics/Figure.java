package com.claimflow.metrics;

import com.claimflow.base.BadInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The dashboard's figures, each with the definition shown beside its chart and the HFMA MAP Key it follows where one
 * exists. The period always selects encounters by date of service (productivity and SLA: tasks by the UTC day they
 * were completed).
 */
public enum Figure {
    AR_DAYS("ar-days", "A/R days", "days",
            "Open A/R (what payers and patients still owe on billed encounters served in the period) divided by the average "
                    + "gross charge per calendar day of the period. Lower is better: it is how many days of charges are still uncollected.",
            "Net days in accounts receivable (A/R)"),
    AR_AGING("ar-aging", "A/R aging by payer", "USD",
            "Open A/R of the period's encounters split by age, counted in days from the date of service to today: 0-30, 31-60, "
                    + "61-90, 91-120 and over 120. The share over 90 days is the warning sign.",
            "Aged A/R as a percentage of billed A/R"),
    CLEAN_CLAIM_RATE("clean-claim-rate", "Clean-claim rate", "%",
            "Of the encounters whose claim was scrubbed, the share whose first scrub found nothing to fix (no edit stopped it).",
            "Clean claim rate"),
    FIRST_PASS_ACCEPTANCE("first-pass-acceptance", "First-pass acceptance rate", "%",
            "Of the encounters whose first claim was sent and answered, the share the payer accepted (999 and 277CA) on that "
                    + "first 837, with no rejection and no resend.",
            null),
    DENIAL_RATE("denial-rate", "Denial rate", "%",
            "Of the encounters with a remittance, the share whose first remittance was a denial; split by the CARC group of the "
                    + "denial (CO, PR, OA, PI, CR) and by payer. Counts claims, not dollars.",
            "Initial denial rate"),
    DNFB("dnfb", "Not yet billed (DNFB)", "encounters",
            "Encounters served in the period at least N days ago (N chosen: 3, 7 or 14) for which no 837 has been sent yet and "
                    + "which were not voided or written off; with the charge of their claim where one is built.",
            "Days in total discharged not final billed (DNFB)"),
    NET_COLLECTION_RATE("net-collection-rate", "Net collection rate", "%",
            "Payments received (payer and patient) divided by gross charges less contractual adjustments, for the period's "
                    + "encounters with charges on their account: the share of what could be collected that was.",
            "Cash collection as a percentage of net patient service revenue"),
    PRODUCTIVITY("productivity", "Productivity per worker", "tasks",
            "Tasks each worker completed in the period (the headline: all of them), per working day (a day with at least one "
                    + "completion) and per 7 days of the period, with the mean handle time of the worker's completions "
                    + "(claim to completion). Tasks carry no payer: the payer filter does not apply.",
            null),
    SLA_COMPLIANCE("sla-compliance", "SLA compliance", "%",
            "Per UTC day of completion: of the tasks completed that day, the share that was not escalated for its SLA when "
                    + "completed (the headline: over the whole period). The payer filter does not apply.",
            null);

    private final String id;
    private final String title;
    private final String unit;
    private final String definition;
    private final String mapKey;

    Figure(String id, String title, String unit, String definition, String mapKey) {
        this.id = id;
        this.title = title;
        this.unit = unit;
        this.definition = definition;
        this.mapKey = mapKey;
    }

    public String id() { return id; }
    public String title() { return title; }
    public String unit() { return unit; }
    public String definition() { return definition; }
    /** The HFMA MAP Key the figure follows, or null when the MAP Keys have none for it. */
    public String mapKey() { return mapKey; }

    /** The figure named in a URL, e.g. "denial-rate"; an unknown name is bad input naming {@code field} and the list. */
    public static Figure of(String field, String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.id.equals(wanted)).findFirst().orElseThrow(() -> new BadInputException(field,
                "unknown figure '" + id + "'; one of " + Arrays.stream(values()).map(Figure::id).collect(Collectors.joining(", "))));
    }
}
