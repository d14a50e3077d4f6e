package com.claimflow.eligibility;

import com.claimflow.submission.ClearinghouseConnection;
import com.claimflow.x12.Interchange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbound side of a payer inquiry (270, 276): its interchange, numbered from the same sequence as the claim files
 * (ISA13 must be unique per sender and receiver, whatever the transaction), and the hand-off of the one-inquiry file
 * through the clearinghouse connection the claim files use.
 */
@Component
public class PayerInquiryFiles {
    private static final long MAX = 999_999_999L;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate own;
    private final ClearinghouseConnection connection;
    private final String senderId;
    private final String receiverId;
    private final String usage;

    public PayerInquiryFiles(JdbcTemplate jdbc, PlatformTransactionManager transactions, ClearinghouseConnection connection,
                             @Value("${claimflow.x12.sender-id:CLAIMFLOW}") String senderId,
                             @Value("${claimflow.x12.receiver-id:CLEARINGHOUSE}") String receiverId,
                             @Value("${claimflow.x12.usage:P}") String usage) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.connection = connection;
        this.senderId = senderId;
        this.receiverId = receiverId;
        this.usage = usage;
    }

    /** A new interchange: its number taken in a transaction of its own, so a rolled-back inquiry leaves a gap (X12 allows it). */
    public Interchange interchange() {
        long number = own.execute(s -> {
            // the row exists from V4; the claim files' ControlNumbers and this take numbers from it alike
            jdbc.update("update x12_control_number set next_value = next_value + 1 where name = 'interchange'");
            return jdbc.queryForObject("select next_value - 1 from x12_control_number where name = 'interchange'", Long.class);
        });
        return new Interchange("ZZ", senderId, "ZZ", receiverId, usage, ((number - 1) % MAX) + 1, LocalDateTime.now().withSecond(0).withNano(0));
    }

    public String submitterId() {
        return senderId;
    }

    /** Hands the file to the clearinghouse under {@code fileName}; a repeated hand-off of the same file is a no-op there. */
    public void deliver(String fileName, String content) {
        try {
            Path tmp = Files.createTempFile("inquiry-", ".x12");
            try {
                Files.writeString(tmp, content, StandardCharsets.US_ASCII);
                connection.deliver(fileName, tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("inquiry file " + fileName + " could not be written: " + e.getMessage(), e);
        }
    }
}
