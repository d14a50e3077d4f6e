package com.claimflow.eligibility;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Eligibility inquiries' settings ({@code claimflow.eligibility}; the reason for each value is in config/application.yml).
 *
 * @param inquiries whether intake asks the payer (270) after the checks known before sending pass; off, eligibility is confirmed then
 * @param answerWait how long intake waits for the 271 before a biller resolves eligibility
 * @param originator TRN03 of the 270: "9" and the identifier the clearinghouse assigned us, 10 characters
 */
@ConfigurationProperties("claimflow.eligibility")
public record EligibilitySettings(boolean inquiries, Duration answerWait, String originator) {
    public EligibilitySettings {
        if (answerWait == null) answerWait = Duration.ofHours(1);
        if (originator == null || originator.isBlank()) originator = "9CLAIMFLOW";
    }
}
