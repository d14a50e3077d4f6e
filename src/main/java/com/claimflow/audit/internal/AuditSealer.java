package com.claimflow.audit.internal;

import com.claimflow.audit.AuditSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals the audit rows writers committed since the last pass (decision 0009): in id order, each gets the next seq and an
 * HMAC over its content and the previous row's MAC, and the head moves on, in one transaction per batch. The head's row lock
 * makes one node at a time the sealer; writers never wait for it. It seals only onto an intact head whose last row is still
 * there as sealed, so rows deleted from the end are not papered over by new ones.
 */
@Component
public class AuditSealer {
    private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);
    /** Batches one pass seals at most, so a large backlog (the rows before V12) does not hold a scheduler thread for long. */
    private static final int MAX_BATCHES_PER_PASS = 200;
    private static final long ERROR_LOG_MILLIS = 60_000;

    private final AuditStore store;
    private final AuditMac mac;
    private final int batch;
    private final TransactionTemplate tx;
    private volatile long lastErrorLogged;

    public AuditSealer(AuditStore store, AuditMac mac, AuditSettings settings, PlatformTransactionManager txManager) {
        this.store = store;
        this.mac = mac;
        this.batch = settings.sealBatch();
        this.tx = new TransactionTemplate(txManager);
    }

    @Scheduled(initialDelayString = "${claimflow.audit.seal-millis}", fixedDelayString = "${claimflow.audit.seal-millis}")
    void scheduled() {
        try {
            seal();
        } catch (RuntimeException e) {
            refused("audit rows could not be sealed: " + e);
        }
    }

    /** Seals every committed unsealed row (up to a bound per pass) and returns how many; -1 if the chain's end is broken. */
    public int seal() {
        int total = 0;
        for (int i = 0; i < MAX_BATCHES_PER_PASS; i++) {
            Integer n = tx.execute(s -> sealBatch());
            if (n == null || n < 0) return -1;
            total += n;
            if (n < batch) break;
        }
        return total;
    }

    private int sealBatch() {
        ChainHead head = store.lockHead();
        if (!head.intact(mac)) {
            refused("audit chain not sealed further: its head (last seq " + head.lastSeq() + ") does not match its MAC; "
                    + "the head was changed or claimflow.audit.key is not the key that sealed it (GET /api/audit/verify)");
            return -1;
        }
        if (head.lastSeq() > 0) {
            Optional<AuditRow> last = store.sealedAt(head.lastSeq());
            if (last.isEmpty() || !head.lastMac().equals(last.get().mac())) {
                refused("audit chain not sealed further: its last row (seq " + head.lastSeq() + ") is " + (last.isEmpty() ? "gone" : "changed")
                        + " (GET /api/audit/verify)");
                return -1;
            }
        }
        List<AuditRow> rows = store.unsealed(0, batch);
        if (rows.isEmpty()) return 0;
        long seq = head.lastSeq();
        String previous = head.lastMac();
        List<AuditRow> sealed = new ArrayList<>(rows.size());
        for (AuditRow r : rows) {
            seq++;
            previous = mac.link(r, seq, previous);
            sealed.add(r.sealed(seq, r.occurredAtMillis(), previous));
        }
        store.seal(sealed);
        store.moveHead(new ChainHead(seq, previous, head.legacyMaxId(), mac.head(seq, previous, head.legacyMaxId())), Instant.now());
        return rows.size();
    }

    private void refused(String message) {
        long now = System.currentTimeMillis();
        if (now - lastErrorLogged >= ERROR_LOG_MILLIS) {
            lastErrorLogged = now;
            log.error(message);
        }
    }
}
