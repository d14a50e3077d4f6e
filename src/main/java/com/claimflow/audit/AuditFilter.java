package com.claimflow.audit;

import com.claimflow.base.BadInputException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a compliance reader asks of the audit trail: a period and, optionally, one actor, action, encounter and task.
 * Built from request parameters by {@link #parse}, which names the parameter at fault.
 */
public record AuditFilter(EvidencePeriod period, String actor, String action, Long encounterId, String taskId) {

    public static AuditFilter parse(String from, String to, String actor, String action, String encounterId, String taskId, LocalDate today) {
        return new AuditFilter(EvidencePeriod.parse(from, to, today), EvidenceText.of("actor", actor), upper(EvidenceText.of("action", action)),
                id(encounterId), EvidenceText.of("taskId", taskId));
    }

    private static String upper(String action) {
        return action == null ? null : action.toUpperCase(java.util.Locale.ROOT);
    }

    private static Long id(String value) {
        if (value == null || value.isBlank()) return null;
        String v = value.strip();
        if (!v.matches("\\d{1,18}")) throw new BadInputException("encounterId", "'" + (v.length() > 30 ? v.substring(0, 30) + "..." : v)
                + "' is not an encounter id (digits only)");
        return Long.parseLong(v);
    }

    /** The filter in words, for the audit row that records who read or exported what. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add("period " + period);
        if (actor != null) parts.add("actor " + actor);
        if (action != null) parts.add("action " + action);
        if (encounterId != null) parts.add("encounter " + encounterId);
        if (taskId != null) parts.add("task " + taskId);
        return String.join(", ", parts);
    }
}
