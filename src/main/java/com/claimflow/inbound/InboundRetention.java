package com.claimflow.inbound;

import com.claimflow.audit.AuditService;
import com.claimflow.inbound.batch.BatchStatus;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
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
 * its text (a node that takes it over reads it). Runs on every node: a chunk is locked while it goes, so a text removed
 * by one node is skipped by the other. Each encounter whose message lost its text gets an audit row saying so (its
 * audit trail is where a compliance officer looks), and each pass that removed anything one more saying how many and up
 * to when.
 */
@Service
@EnableConfigurationProperties(RetentionSettings.class)
public class InboundRetention {
    public static final String REMOVED_TEXTS = "REMOVED_MESSAGE_TEXTS";
    /** An encounter's audit row: the text of a message it arrived by was removed. */
    public static final String REMOVED_TEXT = "REMOVED_MESSAGE_TEXT";
    private static final Logger log = LoggerFactory.getLogger(InboundRetention.class);
    /**
     * Messages whose text is still kept (one too large to keep never had one), oldest first, with their encounter; locked, so
     * another node's pass waits and then finds them gone.
     */
    private static final String OLDEST_MESSAGES = "SELECT id, encounter_id FROM inbound_message WHERE body_removed_at IS NULL AND received_at < ? "
            + "AND body IS NOT NULL ORDER BY received_at, id LIMIT ? FOR UPDATE";
    /** Batch files whose text is still kept, oldest first; a file still opening keeps it (its body column is NOT NULL: '' when removed). */
    private static final String OLDEST_FILES = "SELECT id, NULL FROM inbound_batch WHERE body_removed_at IS NULL AND uploaded_at < ? AND status <> '"
            + BatchStatus.RUNNING + "' ORDER BY uploaded_at, id LIMIT ? FOR UPDATE";

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
        String why = "received before " + before.toInstant() + " removed (claimflow.intake.retention.keep-bodies " + settings.keepBodies() + ")";
        int messages = removeAll(OLDEST_MESSAGES, "inbound_message", "NULL", before, at, "the text of its inbound message(s) " + why
                + "; each message's row stays");
        int files = removeAll(OLDEST_FILES, "inbound_batch", "''", before, at, null);
        if (messages + files > 0) {
            String detail = messages + " message text(s) and " + files + " batch file(s) " + why;
            audit.record("retention", REMOVED_TEXTS, null, null, detail);
            log.info("inbound retention: {}", detail);
        }
        return new Removed(messages, files);
    }

    /**
     * Every text still kept from before {@code before} that {@code oldest} finds, chunk by chunk; how many this node removed.
     * {@code audited}: the audit row of each encounter whose text went (null: the texts have no encounter).
     */
    private int removeAll(String oldest, String table, String removedText, Timestamp before, Timestamp at, String audited) {
        int all = 0;
        for (int removed; (removed = removeChunk(oldest, table, removedText, before, at, audited)) > 0; ) all += removed;
        return all;
    }

    /** A text and the encounter it opened or was added to, if any. */
    private record Text(long id, Long encounterId) {
    }

    /** The oldest chunk of those texts; how many were removed (0: none left). */
    private int removeChunk(String oldest, String table, String removedText, Timestamp before, Timestamp at, String audited) {
        return tx.execute(s -> {
            List<Text> texts = jdbc.query(oldest, (rs, i) -> new Text(rs.getLong(1), rs.getObject(2, Long.class)), before, settings.chunk());
            if (texts.isEmpty()) return 0;
            List<Long> ids = texts.stream().map(Text::id).toList();
            String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
            Object[] args = new Object[ids.size() + 1];
            args[0] = at;
            for (int i = 0; i < ids.size(); i++) args[i + 1] = ids.get(i);
            int removed = jdbc.update("UPDATE " + table + " SET body = " + removedText + ", body_removed_at = ? WHERE body_removed_at IS NULL AND id IN ("
                    + marks + ")", args);
            Set<Long> encounters = texts.stream().map(Text::encounterId).filter(Objects::nonNull).collect(Collectors.toCollection(TreeSet::new));
            if (audited != null && !encounters.isEmpty()) audit.recordEach("retention", REMOVED_TEXT, encounters, audited);
            return removed;
        });
    }
}
