package com.claimflow.submission;

import com.claimflow.submission.x12.Claim837Batch;
import com.claimflow.submission.x12.Claim837Validator;
import com.claimflow.submission.x12.ClaimDocument.Kind;
import com.claimflow.submission.x12.ClaimFileRefused;
import com.claimflow.submission.x12.ControlNumbers;
import com.claimflow.submission.x12.Envelope;
import com.claimflow.submission.x12.X12ClaimFiles;
import com.claimflow.submission.x12.X12Settings;
import com.claimflow.x12.X12Issue;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox in batch files: pending claims are grouped per payer and format (837P, 837I) into files of at
 * most {@code claimflow.outbox.batch-size} claims, one interchange each, with each claim's own transaction set.
 * <p>
 * Exactly once: a batch (its claims, its interchange control number, its file name and envelope time) is committed
 * before its file is written. The hand-off then runs in one transaction that locks the batch row, rebuilds the file
 * from the batch's claims, reads it back, hands it to the connection and marks everything sent. A crash anywhere in
 * between leaves the batch pending; the next pass rebuilds the same file under the same name, which the connection
 * does not deliver twice, and a claim is never put into a second batch. A claim the read-back refuses is taken out
 * of the batch and reported like a refusal at submission (a biller task naming segment and element); the other
 * claims leave. See docs/decisions/0006-claim-files-batched-per-payer.md.
 */
@Service
public class ClaimFileBatches {
    private static final DateTimeFormatter ENVELOPE_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmm");
    /** Claims read from the outbox at a time while a file is written: memory stays flat whatever the batch size. */
    private static final int PAGE = 200;
    /** StAEDI's reader (and with it our read-back) refuses a functional group of more than 99,999 transaction sets. */
    static final int MAX_BATCH = 99_999;

    private final JdbcTemplate jdbc;
    private final ClearinghouseConnection connection;
    private final ControlNumbers numbers;
    private final X12Settings settings;
    private final X12ClaimFiles x12;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate own;
    private final int batchSize;

    public ClaimFileBatches(JdbcTemplate jdbc, ClearinghouseConnection connection, ControlNumbers numbers, X12Settings settings,
                            X12ClaimFiles x12, ApplicationEventPublisher events, PlatformTransactionManager transactions,
                            @Value("${claimflow.outbox.batch-size:5000}") int batchSize) {
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new IllegalArgumentException("claimflow.outbox.batch-size must be 1 to " + MAX_BATCH + " (transaction sets in one functional group "
                    + "that readers such as StAEDI take), is " + batchSize);
        }
        this.jdbc = jdbc;
        this.connection = connection;
        this.numbers = numbers;
        this.settings = settings;
        this.x12 = x12;
        this.events = events;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.batchSize = batchSize;
    }

    /** A batch file as committed before its hand-off. */
    public record Batch(long id, String connection, String payerId, String format, long controlNumber, String fileName, String envelopeTime,
                        int claims, String status) {
    }

    private static final String BATCH_COLUMNS = "b.id, b.connection_name, b.payer_id, b.format, b.control_number, b.file_name, "
            + "b.envelope_time, b.claims, b.status from claim_file_batch b";
    private static final org.springframework.jdbc.core.RowMapper<Batch> BATCH = (rs, n) -> new Batch(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getString(9));

    private record Group(String payerId, String format) {
    }

    /** A claim placed in the file being written: where its transaction set sits, to hold the read-back's issues against it. */
    private record Placed(long outboxId, long claimId, int claimVersion, String payerId, Claim837Batch.Part part) {
    }

    /**
     * Hands over what a crash left half-done, then every pending claim in new batches. Returns the number of claims
     * handed over. A failing hand-off ends the pass (the connection is likely down); its batch stays pending.
     */
    public int dispatch() {
        return dispatch(connection, batchSize);
    }

    int dispatch(ClearinghouseConnection via, int maxClaims) {
        int sent = 0;
        for (Long id : jdbc.queryForList("select id from claim_file_batch where status = 'PENDING' order by id", Long.class)) {
            sent += handOff(id, via);
        }
        List<Group> groups = jdbc.query("select payer_id, format from outbox_message where status = 'PENDING' and batch_id is null "
                + "group by payer_id, format order by min(id)", (rs, n) -> new Group(rs.getString(1), rs.getString(2)));
        for (Group g : groups) {
            while (true) {
                List<Long> ids = jdbc.queryForList("select id from outbox_message where status = 'PENDING' and batch_id is null "
                        + "and payer_id = ? and format = ? order by id limit " + maxClaims, Long.class, g.payerId(), g.format());
                if (ids.isEmpty()) break;
                long batch = form(g, via, ids);
                if (batch > 0) sent += handOff(batch, via);
            }
        }
        return sent;
    }

    /** Hands one pending message over now: in the batch it was put in before a crash, else in a batch of its own. */
    boolean handOffMessage(long outboxId) {
        return handOffMessage(outboxId, connection);
    }

    boolean handOffMessage(long outboxId, ClearinghouseConnection via) {
        Map<String, Object> m = jdbc.queryForMap("select status, batch_id, payer_id, format from outbox_message where id = ?", outboxId);
        if (!"PENDING".equals(m.get("status"))) return false;
        Number batch = (Number) m.get("batch_id");
        long id = batch != null ? batch.longValue() : form(new Group((String) m.get("payer_id"), (String) m.get("format")), via, List.of(outboxId));
        if (id > 0) handOff(id, via);
        return "SENT".equals(jdbc.queryForObject("select status from outbox_message where id = ?", String.class, outboxId));
    }

    /** Commits a batch of these pending messages (those no other node took first); returns its id, or 0 when none was left. */
    private long form(Group g, ClearinghouseConnection via, List<Long> ids) {
        long control = numbers.next();
        String fileName = g.format().replace("X12_", "") + "-" + g.payerId().replaceAll("[^A-Za-z0-9]", "_") + "-"
                + String.format("%09d", control) + ".x12";
        String envelopeTime = LocalDateTime.now().format(ENVELOPE_TIME);
        Long id = own.execute(s -> {
            var key = new GeneratedKeyHolder();
            jdbc.update(c -> {
                var ps = c.prepareStatement("insert into claim_file_batch (connection_name, payer_id, format, control_number, file_name, "
                        + "envelope_time, claims, status, created_at) values (?,?,?,?,?,?,0,'PENDING',?)", new String[] {"id"});
                ps.setString(1, via.name());
                ps.setString(2, g.payerId());
                ps.setString(3, g.format());
                ps.setLong(4, control);
                ps.setString(5, fileName);
                ps.setString(6, envelopeTime);
                ps.setTimestamp(7, Timestamp.from(Instant.now()));
                return ps;
            }, key);
            long batch = key.getKey().longValue();
            int claimed = 0;
            for (int from = 0; from < ids.size(); from += 500) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
                List<Object> args = new ArrayList<>(chunk.size() + 1);
                args.add(batch);
                args.addAll(chunk);
                claimed += jdbc.update("update outbox_message set batch_id = ? where batch_id is null and status = 'PENDING' and id in ("
                        + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")", args.toArray());
            }
            if (claimed == 0) {
                jdbc.update("delete from claim_file_batch where id = ?", batch);
                return 0L;
            }
            jdbc.update("update claim_file_batch set claims = ? where id = ?", claimed, batch);
            return batch;
        });
        return id == null ? 0 : id;
    }

    /**
     * Writes the batch's file, reads it back and hands it over, in one transaction holding the batch row: either the
     * batch is marked sent after the connection took the file, or nothing is, and the next attempt sends the same file.
     */
    int handOff(long batchId, ClearinghouseConnection via) {
        Integer sent = own.execute(s -> {
            Batch b = jdbc.queryForObject("select " + BATCH_COLUMNS + " where b.id = ? for update", BATCH, batchId);
            if (!"PENDING".equals(b.status())) return 0; // another node finished it
            Envelope env = settings.envelope(b.controlNumber(), LocalDateTime.parse(b.envelopeTime(), ENVELOPE_TIME));
            Path file = tempFile();
            try {
                while (true) {
                    List<Placed> placed = write(b, env, file);
                    if (placed.isEmpty()) {
                        jdbc.update("update claim_file_batch set status = 'EMPTY', claims = 0 where id = ?", b.id());
                        return 0;
                    }
                    Map<Placed, List<X12Issue>> refused = readBack(b, file, placed);
                    if (refused.isEmpty()) {
                        via.deliver(b.fileName(), file);
                        return markSent(b, placed);
                    }
                    refused.forEach((p, issues) -> refuse(b, p, issues));
                }
            } finally {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file left behind costs nothing but space
                }
            }
        });
        return sent == null ? 0 : sent;
    }

    private static Path tempFile() {
        try {
            return Files.createTempFile("claimflow-837-", ".x12");
        } catch (IOException e) {
            throw new UncheckedIOException("no temporary file for an 837 batch: " + e.getMessage(), e);
        }
    }

    /** The batch's pending claims, in id order, copied page by page into one interchange. */
    private List<Placed> write(Batch b, Envelope env, Path file) {
        Kind kind = Claim837Batch.kindOf(b.format());
        List<Placed> placed = new ArrayList<>(b.claims());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            Claim837Batch batch = Claim837Batch.open(out, env, kind);
            long after = 0;
            while (true) {
                List<Map<String, Object>> page = jdbc.queryForList("select id, claim_id, claim_version, payer_id, payload from outbox_message "
                        + "where batch_id = ? and status = 'PENDING' and id > ? order by id limit " + PAGE, b.id(), after);
                for (Map<String, Object> m : page) {
                    long id = ((Number) m.get("id")).longValue();
                    Claim837Batch.Part part;
                    try {
                        part = batch.add((String) m.get("payload"));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalStateException("outbox message " + id + " in batch file " + b.fileName() + ": " + e.getMessage(), e);
                    }
                    placed.add(new Placed(id, ((Number) m.get("claim_id")).longValue(), ((Number) m.get("claim_version")).intValue(),
                            (String) m.get("payer_id"), part));
                    after = id;
                }
                if (page.size() < PAGE) break;
            }
            batch.close();
        } catch (IOException e) {
            throw new UncheckedIOException("837 batch file " + b.fileName() + " could not be written: " + e.getMessage(), e);
        }
        return placed;
    }

    /**
     * The read-back's issues per claim. An issue outside every claim's transaction set is in the envelope this class
     * wrote: nobody but a developer can fix that, so the hand-off fails and the batch waits (logged on every pass).
     */
    private Map<Placed, List<X12Issue>> readBack(Batch b, Path file, List<Placed> placed) {
        List<X12Issue> issues;
        try (InputStream in = Files.newInputStream(file)) {
            issues = Claim837Validator.validate(in);
        } catch (IOException e) {
            throw new UncheckedIOException("837 batch file " + b.fileName() + " could not be read back: " + e.getMessage(), e);
        }
        Map<Placed, List<X12Issue>> byClaim = new LinkedHashMap<>();
        List<X12Issue> envelope = new ArrayList<>();
        for (X12Issue issue : issues) {
            Placed p = find(placed, issue.segmentNumber());
            if (p == null) envelope.add(issue);
            else byClaim.computeIfAbsent(p, k -> new ArrayList<>()).add(issue);
        }
        if (!envelope.isEmpty()) {
            throw new IllegalStateException("837 batch file " + b.fileName() + " fails validation outside its claims: " + ClaimFileRefused.summary(envelope));
        }
        return byClaim;
    }

    private static Placed find(List<Placed> placed, int segment) {
        int lo = 0;
        int hi = placed.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Claim837Batch.Part part = placed.get(mid).part();
            if (segment < part.firstSegment()) hi = mid - 1;
            else if (segment > part.lastSegment()) lo = mid + 1;
            else return placed.get(mid);
        }
        return null;
    }

    private void refuse(Batch b, Placed p, List<X12Issue> issues) {
        jdbc.update("update outbox_message set status = 'REFUSED' where id = ?", p.outboxId());
        ClaimFileRefused refused = new ClaimFileRefused(issues);
        long refusal = x12.recordRefusal(p.claimId(), p.claimVersion(), b.format(), refused);
        events.publishEvent(new ClaimFileNotSent(refusal, p.claimId(), p.claimVersion(),
                "in batch file " + b.fileName() + " (transaction " + p.part().transactionControlNumber() + "): " + ClaimFileRefused.summary(issues)));
    }

    private int markSent(Batch b, List<Placed> placed) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("update outbox_message set status = 'SENT', sent_at = ? where batch_id = ? and status = 'PENDING'", now, b.id());
        jdbc.update("update claim_file_batch set status = 'SENT', sent_at = ?, claims = ? where id = ?", now, placed.size(), b.id());
        for (Placed p : placed) events.publishEvent(new ClaimHandedOff(p.outboxId(), p.claimId(), p.claimVersion(), p.payerId()));
        return placed.size();
    }

    /** The batch a message went (or goes) out in. */
    public java.util.Optional<Batch> batchOf(long outboxId) {
        return jdbc.query("select " + BATCH_COLUMNS + " join outbox_message m on m.batch_id = b.id where m.id = ?", BATCH, outboxId)
                .stream().findFirst();
    }
}
