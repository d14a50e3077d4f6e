package com.claimflow.audit.internal;

/** The audit_seal row: the last sealed seq and MAC, the highest id written before V12, and the MAC over them. */
public record ChainHead(long lastSeq, String lastMac, long legacyMaxId, String headMac) {

    /** Whether the head is as the sealer left it: its MAC matches, or nothing was ever sealed. */
    boolean intact(AuditMac mac) {
        return headMac == null ? lastSeq == 0 && lastMac == null : headMac.equals(mac.head(lastSeq, lastMac, legacyMaxId));
    }
}
