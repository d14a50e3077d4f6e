package com.claimflow.inbound;

/**
 * A message as it arrived, before anything is read from it: its channel, its own id where it has one (HL7 MSH-10, a
 * bundle's identifier, a file's name and row) for idempotency, who or which interface sent it, and the text as
 * received.
 */
public record Received(Channel channel, String messageKey, String sender, String contentType, String body) {
    public Received {
        if (channel == null || sender == null || sender.isBlank() || contentType == null) {
            throw new IllegalArgumentException("a received message needs its channel, sender and content type");
        }
        if (messageKey != null && messageKey.isBlank()) messageKey = null;
    }
}
