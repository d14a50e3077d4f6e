package com.claimflow.inbound.batch;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Batch uploads' settings ({@code claimflow.intake.batch}); the largest file is {@code claimflow.limits.batches}.
 *
 * @param chunk how many rows open in one transaction (a refused row sends its chunk one row at a time)
 * @param workers how many chunks open at once
 * @param staleAfterSeconds a batch left running this long without a heartbeat (its node died) is resumed by another
 */
@ConfigurationProperties("claimflow.intake.batch")
public record BatchSettings(Integer chunk, Integer workers, Integer staleAfterSeconds) {
    public BatchSettings {
        if (chunk == null) chunk = 25;
        if (workers == null) workers = 2;
        if (staleAfterSeconds == null) staleAfterSeconds = 120;
    }
}
