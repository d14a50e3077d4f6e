package com.claimflow.inbound;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long inbound messages' and batch files' texts are kept ({@code claimflow.intake.retention}).
 *
 * @param keepBodies a text received longer ago than this is removed; the message's row (sender, time, outcome,
 *        encounter, refusal) stays. Unset or zero: texts are kept for ever (the default: a practice sets it to its own
 *        records policy, HIPAA's six years for instance).
 * @param chunk how many messages lose their text in one transaction
 */
@ConfigurationProperties("claimflow.intake.retention")
public record RetentionSettings(Duration keepBodies, Integer chunk) {
    public RetentionSettings {
        if (keepBodies != null && keepBodies.isNegative()) {
            throw new IllegalArgumentException("claimflow.intake.retention.keep-bodies must not be negative, not " + keepBodies);
        }
        if (chunk == null) chunk = 500;
        if (chunk < 1) throw new IllegalArgumentException("claimflow.intake.retention.chunk must be at least 1, not " + chunk);
    }

    /** Whether texts are removed at all. */
    public boolean removes() {
        return keepBodies != null && !keepBodies.isZero();
    }
}
