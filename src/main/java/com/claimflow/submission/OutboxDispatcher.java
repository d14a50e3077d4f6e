package com.claimflow.submission;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Polls the outbox and hands pending claim files over; a failure leaves the message pending for the next poll. */
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
        for (Long id : submissions.pending(100)) {
            try {
                submissions.handOff(id);
            } catch (RuntimeException e) {
                log.warn("outbox message {} not handed off, will retry: {}", id, e.getMessage());
            }
        }
    }
}
