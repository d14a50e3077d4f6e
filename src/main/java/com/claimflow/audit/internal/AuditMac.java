package com.claimflow.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The audit trail's MACs: HMAC-SHA-256 under the configured key over the fields, each length-prefixed so no two
 * different rows encode alike. Without the key a row, a link or the head cannot be recomputed (decision 0009).
 */
public final class AuditMac {
    /** The key length a production key must at least have (HMAC-SHA-256's block holds 64; 32 bytes of entropy suffice). */
    public static final int MIN_KEY_LENGTH = 32;

    private final ThreadLocal<Mac> macs;

    public AuditMac(String key) {
        if (key == null || key.length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("claimflow.audit.key must have at least " + MIN_KEY_LENGTH
                    + " characters (set CLAIMFLOW_AUDIT_KEY, e.g. to the output of: openssl rand -base64 48)");
        }
        SecretKeySpec spec = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(spec);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is not available", e);
            }
        });
    }

    /** The writer's MAC of what a row says. */
    public String row(long occurredAtMillis, String actor, String action, Long encounterId, String taskId, String detail) {
        return hex("row", occurredAtMillis, actor, action, encounterId, taskId, detail);
    }

    /** The sealer's MAC of a row at its place in the chain: its content, id and seq, and the previous row's MAC. */
    public String link(AuditRow r, long seq, String previousMac) {
        return hex("link", seq, r.id(), r.occurredAtMillis(), r.actor(), r.action(), r.encounterId(), r.taskId(), r.detail(), r.rowMac(),
                previousMac);
    }

    /** The MAC of the chain's head, so the head cannot be set back to an earlier row. */
    public String head(long lastSeq, String lastMac, long legacyMaxId) {
        return hex("head", lastSeq, lastMac, legacyMaxId);
    }

    private String hex(Object... fields) {
        StringBuilder s = new StringBuilder(256);
        for (Object f : fields) {
            if (f == null) {
                s.append("~|");
            } else {
                String v = f.toString();
                s.append(v.length()).append(':').append(v).append('|');
            }
        }
        return HexFormat.of().formatHex(macs.get().doFinal(s.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
