package com.claimflow.sla;

import com.claimflow.audit.EvidencePeriod;
import com.claimflow.audit.EvidenceText;
import com.claimflow.base.BadInputException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a reader asks of the SLA register: a period (UTC days, both included) and optionally a queue, a person (who held
 * the task), a payer, a task type, a kind and whether the event is still open. Built from request parameters by
 * {@link #parse}, which names the parameter at fault.
 */
public record SlaFilter(EvidencePeriod period, String queue, String person, String payer, String taskType, SlaEvent.Kind kind, Status status) {

    public enum Status { OPEN, RESOLVED }

    public static SlaFilter of(EvidencePeriod period) {
        return new SlaFilter(period, null, null, null, null, null, null);
    }

    public static SlaFilter parse(String from, String to, String queue, String person, String payer, String taskType, String kind, String status,
                                  LocalDate today) {
        return new SlaFilter(EvidencePeriod.parse(from, to, today), EvidenceText.of("queue", queue), EvidenceText.of("person", person),
                EvidenceText.of("payer", payer), EvidenceText.of("taskType", taskType), kind(kind), status(status));
    }

    private static SlaEvent.Kind kind(String kind) {
        if (kind == null || kind.isBlank()) return null;
        return switch (kind.strip().toLowerCase(Locale.ROOT)) {
            case "warning", "warnings" -> SlaEvent.Kind.WARNING;
            case "escalation", "escalations" -> SlaEvent.Kind.ESCALATION;
            default -> throw new BadInputException("kind", "'" + cut(kind) + "' is neither 'warning' nor 'escalation'");
        };
    }

    private static Status status(String status) {
        if (status == null || status.isBlank()) return null;
        return switch (status.strip().toLowerCase(Locale.ROOT)) {
            case "open" -> Status.OPEN;
            case "resolved" -> Status.RESOLVED;
            default -> throw new BadInputException("status", "'" + cut(status) + "' is neither 'open' nor 'resolved'");
        };
    }

    private static String cut(String s) {
        return s.length() > 30 ? s.substring(0, 30) + "..." : s;
    }

    /** Whether the totals can follow this filter: they are kept per day, queue and person, not per payer, task type or status. */
    public boolean narrowsBeyondTotals() {
        return payer != null || taskType != null || status != null;
    }

    /** The filter in words, for the audit row of an export and the report's heading. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add("period " + period);
        if (queue != null) parts.add("queue " + queue);
        if (person != null) parts.add("person " + person);
        if (payer != null) parts.add("payer " + payer);
        if (taskType != null) parts.add("task type " + taskType);
        if (kind != null) parts.add("kind " + kind.name().toLowerCase(Locale.ROOT));
        if (status != null) parts.add(status.name().toLowerCase(Locale.ROOT));
        return String.join(", ", parts);
    }
}
