package com.claimflow.audit;

import java.time.Instant;

/**
 * One row of the audit trail as a compliance reader sees it. {@code channel} is where it came from, read from the
 * detail the writers put it in ("ui; search ...", "api coders queue page 1", "CodeEncounter via api"); null when the row
 * names none (a timer's, a login's).
 */
public record AuditEntry(long id, Instant occurredAt, String actor, String action, Long encounterId, String taskId, String channel, String detail) {

    public static String channelOf(String detail) {
        if (detail == null) return null;
        for (String c : new String[] {"api", "ui"}) {
            if (detail.equals(c) || detail.startsWith(c + " ") || detail.startsWith(c + ";") || detail.contains(" via " + c)
                    || detail.contains("channel=" + c)) {
                return c;
            }
        }
        return null;
    }
}
