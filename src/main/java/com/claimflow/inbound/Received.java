package com.claimflow.inbound;

/**
 * A message as it arrived, before anything is read from it: its channel, its own id where it has one (HL7 MSH-10, a
 * bundle's identifier) for idempotency, who or which interface sent it, and the text as received. A row of an
 * uploaded batch also names its batch and row number ({@code batchId}, {@code batchRow}): each row is answered once.
 */
public record Received(Channel channel, String messageKey, String sender, String contentType, String body, Long batchId, Integer batchRow) {
    public Received {
        if (channel == null || sender == null || sender.isBlank() || contentType == null) {
            throw new IllegalArgumentException("a received message needs its channel, sender and content type");
        }
        if (messageKey != null && messageKey.isBlank()) messageKey = null;
        if ((batchId == null) != (batchRow == null)) throw new IllegalArgumentException("a batch row needs both its batch and its row number");
    }

    public Received(Channel channel, String messageKey, String sender, String contentType, String body) {
        this(channel, messageKey, sender, contentType, body, null, null);
    }
}
