package com.claimflow.audit.internal;

/** An audit_event row as the sealer and the verifier read it; seq and mac are null until it is sealed. */
public record AuditRow(long id, Long seq, Long occurredAtMillis, String actor, String action, Long encounterId, String taskId,
                       String detail, String rowMac, String mac) {

    AuditRow sealed(long seq, long occurredAtMillis, String mac) {
        return new AuditRow(id, seq, occurredAtMillis, actor, action, encounterId, taskId, detail, rowMac, mac);
    }
}
