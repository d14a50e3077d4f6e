package com.claimflow.submission.x12;

import java.time.LocalDateTime;

/**
 * The interchange around the claims: who sends to whom (ISA05-08, 1000A/1000B), the control number (ISA13, GS06 and
 * ST02 all carry it, so one persisted sequence keeps the three unique) and whether it is test or production data.
 */
public record Envelope(String senderQualifier, String senderId, String receiverQualifier, String receiverId,
                       String submitterName, String submitterContact, String submitterPhone, String receiverName,
                       String usage, long controlNumber, LocalDateTime createdAt) {

    public String isaControlNumber() {
        return String.format("%09d", controlNumber);
    }

    public String groupControlNumber() {
        return Long.toString(controlNumber);
    }

    public String transactionControlNumber() {
        return String.format("%04d", controlNumber);
    }

    public Envelope withControlNumber(long number) {
        return new Envelope(senderQualifier, senderId, receiverQualifier, receiverId, submitterName, submitterContact, submitterPhone,
                receiverName, usage, number, createdAt);
    }
}
