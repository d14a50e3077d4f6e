package com.claimflow.audit.internal;

import com.claimflow.audit.AuditSettings;
import com.claimflow.audit.ChainProblem;
import com.claimflow.audit.ChainReport;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Walks the whole audit chain in one snapshot (repeatable read, so the head and the rows agree while the sealer goes on) and
 * reports where it breaks. Each node also does it on a schedule and logs an ERROR naming the first broken row, or the head
 * at INFO: a head logged outside the database is what shows rows deleted from the end together with the head.
 */
@Component
public class AuditVerifier {
    private static final Logger log = LoggerFactory.getLogger(AuditVerifier.class);
    private static final int PAGE = 2000;
    private static final int MAX_PROBLEMS = 20;

    private final AuditStore store;
    private final AuditMac mac;
    private final AuditSettings settings;
    private final TransactionTemplate snapshot;

    public AuditVerifier(AuditStore store, AuditMac mac, AuditSettings settings, PlatformTransactionManager txManager) {
        this.store = store;
        this.mac = mac;
        this.settings = settings;
        this.snapshot = new TransactionTemplate(txManager);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    public ChainReport verify() {
        return snapshot.execute(s -> {
            Instant now = Instant.now();
            ChainHead head = store.head();
            ChainVerifier walk = new ChainVerifier(mac, head, MAX_PROBLEMS)
                    .sealed(store.sealedInOrder(PAGE))
                    .unsealed(store.unsealedInOrder(PAGE), now.minus(settings.unsealedAlarm()));
            return new ChainReport(walk.problems().isEmpty(), now, walk.sealedRows(), head.lastSeq(), head.headMac(), walk.unsealedRows(),
                    walk.oldestUnsealedAt(), walk.problems());
        });
    }

    @Scheduled(initialDelayString = "${claimflow.audit.verify-millis}", fixedDelayString = "${claimflow.audit.verify-millis}")
    void scheduled() {
        try {
            ChainReport report = verify();
            ChainProblem first = report.firstProblem();
            if (first != null) {
                log.error("audit chain broken: {} at seq {} row id {}: {} ({} problem(s); GET /api/audit/verify)", first.kind(), first.seq(), first.id(),
                        first.message(), report.problems().size());
            } else {
                log.info("audit chain verified: {} sealed rows, head seq {} mac {}, {} unsealed", report.sealedRows(), report.headSeq(),
                        report.headMac(), report.unsealedRows());
            }
        } catch (RuntimeException e) {
            log.error("audit chain could not be verified", e);
        }
    }
}
