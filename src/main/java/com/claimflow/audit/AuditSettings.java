package com.claimflow.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The audit trail's settings ({@code claimflow.audit}; the reason for each value is in config/application.yml).
 *
 * @param key HMAC-SHA-256 key of the chain, at least 32 characters; the demo key is refused outside the demo and test profiles
 * @param sealMillis how often the sealer seals what was written since its last pass
 * @param sealBatch rows sealed in one transaction
 * @param unsealedAlarm how long a row may wait to be sealed before the verifier reports it
 * @param verifyMillis how often each node walks the whole chain and logs an ERROR if it breaks
 */
@ConfigurationProperties("claimflow.audit")
public record AuditSettings(String key, long sealMillis, int sealBatch, Duration unsealedAlarm, long verifyMillis) {
    /** The public key of the demo and the tests (config/application.yml): anyone can recompute a chain sealed with it. */
    public static final String DEMO_KEY = "demo-audit-key-public-never-use-it-in-production";
}
