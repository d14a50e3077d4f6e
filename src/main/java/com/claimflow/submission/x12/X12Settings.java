package com.claimflow.submission.x12;

import java.time.LocalDateTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Who we are in the interchange and who receives it: the clearinghouse's enrolment values, from configuration. */
@Component
public class X12Settings {
    private final String senderId;
    private final String receiverId;
    private final String submitterName;
    private final String contact;
    private final String phone;
    private final String receiverName;
    private final String usage;

    public X12Settings(@Value("${claimflow.x12.sender-id:CLAIMFLOW}") String senderId,
                       @Value("${claimflow.x12.receiver-id:CLEARINGHOUSE}") String receiverId,
                       @Value("${claimflow.x12.submitter-name:ClaimFlow Billing Office}") String submitterName,
                       @Value("${claimflow.x12.submitter-contact:Billing Office}") String contact,
                       @Value("${claimflow.x12.submitter-phone:2175550100}") String phone,
                       @Value("${claimflow.x12.receiver-name:Clearinghouse}") String receiverName,
                       @Value("${claimflow.x12.usage:P}") String usage) {
        this.senderId = senderId;
        this.receiverId = receiverId;
        this.submitterName = submitterName;
        this.contact = contact;
        this.phone = phone;
        this.receiverName = receiverName;
        this.usage = usage;
    }

    public Envelope envelope(long controlNumber) {
        return envelope(controlNumber, LocalDateTime.now());
    }

    /** The envelope of a file written before (a batch handed over again after a crash): same number, same date and time. */
    public Envelope envelope(long controlNumber, LocalDateTime createdAt) {
        return new Envelope("ZZ", senderId, "ZZ", receiverId, submitterName, contact, phone, receiverName, usage, controlNumber,
                createdAt.withSecond(0).withNano(0));
    }

    public String senderId() {
        return senderId;
    }

    public String receiverId() {
        return receiverId;
    }
}
