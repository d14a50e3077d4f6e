package com.claimflow.claimstatus;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Claim status inquiries' settings ({@code claimflow.claim-status}; the reason for each value is in config/application.yml).
 *
 * @param inquiries whether an overdue remittance sends a 276 first; off, it opens the follow-up task as before
 * @param answerWait how long adjudication waits for the 277 before a biller follows up
 * @param maxInquiries 276s a claim may get while the payer answers "pending" before a biller follows up anyway
 */
@ConfigurationProperties("claimflow.claim-status")
public record ClaimStatusSettings(boolean inquiries, Duration answerWait, int maxInquiries) {
    public ClaimStatusSettings {
        if (answerWait == null) answerWait = Duration.ofDays(2);
        if (maxInquiries < 1) maxInquiries = 3;
    }
}
