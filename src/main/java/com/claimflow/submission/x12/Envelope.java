package com.claimflow.submission.x12;

import com.claimflow.x12.Interchange;
import java.time.LocalDateTime;

/**
 * The interchange around the claims: who sends to whom (ISA05-08, 1000A/1000B), the control number (ISA13, GS06 and
 * ST02 all carry it, so one persisted sequence keeps the three unique) and whether it is test or production data.
 */
public record Envelope(String senderQualifier, String senderId, String receiverQualifier, String receiverId,
                       String submitterName, String submitterContact, String submitterPhone, String receiverName,
                       String usage, long controlNumber, LocalDateTime createdAt) {

    /** The ISA and GS values; the names (1000A, 1000B) are the 837's own. */
    public Interchange interchange() {
        return new Interchange(senderQualifier, senderId, receiverQualifier, receiverId, usage, controlNumber, createdAt);
    }

    public String isaControlNumber() {
        return interchange().isaControlNumber();
    }

    public String groupControlNumber() {
        return interchange().groupControlNumber();
    }

    public String transactionControlNumber() {
        return String.format("%04d", controlNumber);
    }

    public Envelope withControlNumber(long number) {
        return new Envelope(senderQualifier, senderId, receiverQualifier, receiverId, submitterName, submitterContact, submitterPhone,
                receiverName, usage, number, createdAt);
    }
}
