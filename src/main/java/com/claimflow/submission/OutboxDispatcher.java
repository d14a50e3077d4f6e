package com.claimflow.submission;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls the outbox and hands pending claims over in batch files (per payer and format, at most
 * {@code claimflow.outbox.batch-size} claims a file); a failure leaves the batch pending for the next poll.
 */
@Component
@ConditionalOnProperty(name = "claimflow.outbox.dispatch", havingValue = "true", matchIfMissing = true)
public class OutboxDispatcher {
    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    private final SubmissionService submissions;

    public OutboxDispatcher(SubmissionService submissions) {
        this.submissions = submissions;
    }

    @Scheduled(fixedDelayString = "${claimflow.outbox.poll-millis:1000}")
    public void dispatch() {
        try {
            int sent = submissions.dispatch();
            if (sent > 0) log.info("outbox: {} claims handed to the clearinghouse", sent);
        } catch (RuntimeException e) {
            log.warn("outbox: claim file not handed off, will retry: {}", e.getMessage());
        }
    }
}
