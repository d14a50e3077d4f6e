package com.claimflow.inbound;

import java.time.Instant;

/**
 * A stored message, without its body ({@link InboundMessages#body(long)} reads that). {@code bodyRemovedAt}: when the
 * retention job removed its text ({@link InboundRetention}), else null.
 */
public record InboundMessage(long id, Channel channel, String messageKey, String sender, Instant receivedAt, String contentType, int bodyBytes,
                             Outcome outcome, Long encounterId, String externalId, String problemField, String problem,
                             Long batchId, Integer batchRow, Instant bodyRemovedAt) {
}
