package com.claimflow.remittance.inbound;

import com.claimflow.remittance.RemittanceService;
import com.claimflow.submission.ClaimFileNotSent;
import com.claimflow.submission.SubmissionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A claim whose 837 failed validation comes back as a rejection, exactly as a clearinghouse's front-end edit would:
 * once the submitting step has committed (the process then waits for the acknowledgement), the refusal is reported
 * through {@link RemittanceService#acknowledge} with the segment and element at fault, and the biller gets
 * FixRejectedClaim. A refusal not reported (node stopped in between) is picked up by {@link #sweep()}.
 */
@Component
public class RefusedClaimFiles {
    private static final Logger log = LoggerFactory.getLogger(RefusedClaimFiles.class);
    private final SubmissionService submissions;
    private final RemittanceService remittances;
    private final TransactionTemplate own;

    public RefusedClaimFiles(SubmissionService submissions, RemittanceService remittances, PlatformTransactionManager transactions) {
        this.submissions = submissions;
        this.remittances = remittances;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    public void on(ClaimFileNotSent refused) {
        report(refused);
    }

    /** Reports the refusal as a rejection; false when it could not be reported now (the sweep tries again). */
    public boolean report(ClaimFileNotSent refused) {
        try {
            return Boolean.TRUE.equals(own.execute(s -> {
                if (!submissions.markRefusalReported(refused.refusalId())) return false;
                remittances.acknowledge(refused.claimId(), false, null, "837 not sent, it fails validation: " + refused.reason());
                return true;
            }));
        } catch (RuntimeException e) {
            log.warn("refused 837 of claim {} not reported yet: {}", refused.claimId(), e.getMessage());
            return false;
        }
    }

    @Scheduled(fixedDelayString = "${claimflow.outbox.poll-millis:1000}", initialDelay = 30_000)
    public void sweep() {
        for (ClaimFileNotSent refused : submissions.unreportedRefusals()) report(refused);
    }
}
