package com.claimflow.inbound;

import com.claimflow.audit.AuditService;
import com.claimflow.inbound.batch.BatchStatus;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes the texts of inbound messages and batch files older than {@link RetentionSettings#keepBodies()}, when a
 * practice sets one; their rows stay (sender, time, outcome, encounter, the refusal's field and reason), marked with
 * when the text went. Texts go {@link RetentionSettings#chunk()} to a transaction, oldest first, so a
 * node that stops midway leaves the rest for the next pass and nothing half done; a batch file still opening keeps
 * its text (a node that takes it over reads it). Runs on every node: a text removed by one is skipped by the other.
 * Each pass that removed anything leaves one audit row saying how many and up to when.
 */
@Service
@EnableConfigurationProperties(RetentionSettings.class)
public class InboundRetention {
    public static final String REMOVED_TEXTS = "REMOVED_MESSAGE_TEXTS";
    private static final Logger log = LoggerFactory.getLogger(InboundRetention.class);
    /** Messages whose text is still kept (one too large to keep never had one), oldest first. */
    private static final String OLDEST_MESSAGES = "SELECT id FROM inbound_message WHERE body_removed_at IS NULL AND received_at < ? AND body IS NOT NULL "
            + "ORDER BY received_at, id LIMIT ?";
    /** Batch files whose text is still kept, oldest first; a file still opening keeps it (its body column is NOT NULL: '' when removed). */
    private static final String OLDEST_FILES = "SELECT id FROM inbound_batch WHERE body_removed_at IS NULL AND uploaded_at < ? AND status <> '"
            + BatchStatus.RUNNING + "' ORDER BY uploaded_at, id LIMIT ?";

    /** How many texts one pass removed. */
    public record Removed(int messages, int batchFiles) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final AuditService audit;
    private final RetentionSettings settings;
    private final Clock clock;

    public InboundRetention(JdbcTemplate jdbc, PlatformTransactionManager transactions, AuditService audit, RetentionSettings settings,
                            Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.audit = audit;
        this.settings = settings;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    @Scheduled(initialDelayString = "${claimflow.intake.retention.every-millis:3600000}", fixedDelayString = "${claimflow.intake.retention.every-millis:3600000}")
    public void scheduled() {
        if (settings.removes()) removeOld();
    }

    /** One pass: every text received before now less the retention period. Nothing when no period is set. */
    public Removed removeOld() {
        if (!settings.removes()) return new Removed(0, 0);
        Instant now = clock.instant();
        Timestamp before = Timestamp.from(now.minus(settings.keepBodies()));
        Timestamp at = Timestamp.from(now);
        int messages = removeAll(OLDEST_MESSAGES, "inbound_message", "NULL", before, at);
        int files = removeAll(OLDEST_FILES, "inbound_batch", "''", before, at);
        if (messages + files > 0) {
            String detail = messages + " message text(s) and " + files + " batch file(s) received before " + before.toInstant()
                    + " removed (claimflow.intake.retention.keep-bodies " + settings.keepBodies() + ")";
            audit.record("retention", REMOVED_TEXTS, null, null, detail);
            log.info("inbound retention: {}", detail);
        }
        return new Removed(messages, files);
    }

    /** Every text still kept from before {@code before} that {@code oldest} finds, chunk by chunk; how many this node removed. */
    private int removeAll(String oldest, String table, String removedText, Timestamp before, Timestamp at) {
        int all = 0;
        for (int removed; (removed = removeChunk(oldest, table, removedText, before, at)) > 0; ) all += removed;
        return all;
    }

    /** The oldest chunk of those texts; how many this node removed (0: none left). */
    private int removeChunk(String oldest, String table, String removedText, Timestamp before, Timestamp at) {
        return tx.execute(s -> {
            List<Long> ids = jdbc.queryForList(oldest, Long.class, before, settings.chunk());
            if (ids.isEmpty()) return 0;
            String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
            Object[] args = new Object[ids.size() + 1];
            args[0] = at;
            for (int i = 0; i < ids.size(); i++) args[i + 1] = ids.get(i);
            // another node's pass may have taken some: it counts them, this one the rest
            return jdbc.update("UPDATE " + table + " SET body = " + removedText + ", body_removed_at = ? WHERE body_removed_at IS NULL AND id IN ("
                    + marks + ")", args);
        });
    }
}
