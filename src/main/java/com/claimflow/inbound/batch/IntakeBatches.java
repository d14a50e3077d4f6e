package com.claimflow.inbound.batch;

import com.claimflow.base.BadInputException;
import com.claimflow.base.NotFoundException;
import com.claimflow.base.api.RequestLimits;
import com.claimflow.inbound.InboundIntake;
import com.claimflow.inbound.InboundIntake.Item;
import com.claimflow.inbound.InboundMessage;
import com.claimflow.inbound.InboundMessages;
import com.claimflow.inbound.Outcome;
import com.claimflow.inbound.Receipt;
import com.claimflow.inbound.Received;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Uploaded batch files of encounters (CSV, {@link CsvColumn}; NDJSON, one FHIR bundle a line). The file is kept whole
 * as received and checked whole first: a file whose header or format is wrong is refused before any row opens, its
 * reason naming the line and column. Then its rows open in the background, {@link BatchSettings#chunk()} to a
 * transaction on {@link BatchSettings#workers()} threads, each row answered exactly once (opened, already there,
 * refused with line and column) in {@code inbound_message}: the progress and the per-row report are read from there.
 * A batch whose node died resumes from its unanswered rows on the next start of any node.
 */
@Service
@EnableConfigurationProperties(BatchSettings.class)
public class IntakeBatches {
    private static final Logger log = LoggerFactory.getLogger(IntakeBatches.class);
    private static final String COLUMNS = "id, file_name, format, uploaded_by, uploaded_at, total_rows, status, problem, finished_at";

    private final JdbcTemplate jdbc;
    private final InboundIntake intake;
    private final InboundMessages messages;
    private final BatchSettings settings;
    private final long maxBytes;
    private final List<BatchFormat> formats;
    private final Clock clock;
    private final ExecutorService workers;

    public IntakeBatches(JdbcTemplate jdbc, InboundIntake intake, InboundMessages messages, BatchSettings settings, RequestLimits limits,
                         List<BatchFormat> formats, Optional<Clock> clock) {
        this.maxBytes = limits.batches().toBytes();
        this.jdbc = jdbc;
        this.intake = intake;
        this.messages = messages;
        this.settings = settings;
        this.formats = formats;
        this.clock = clock.orElse(Clock.systemDefaultZone());
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(settings.workers(), r -> {
            Thread t = new Thread(r, "intake-batch-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    /**
     * The file's text. A file that is not UTF-8 is refused rather than read with replacement characters (a spreadsheet's
     * "CSV" in Windows-1252 would turn accented names into question marks).
     *
     * @throws BadInputException naming the file
     */
    public static String text(String fileName, byte[] bytes) {
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new BadInputException(fileName == null ? "file" : fileName, "is not UTF-8 text: save it as \"CSV UTF-8\" (or NDJSON in UTF-8) and "
                    + "upload it again; nothing was opened");
        }
    }

    /**
     * Keeps the file and starts opening its rows. A file refused whole is kept too, as a REFUSED batch, and the
     * exception names where it went wrong.
     *
     * @throws BadInputException the file's format, size, quoting or header is wrong (field: file name and line)
     */
    public BatchStatus submit(String fileName, String uploadedBy, String text) {
        String name = fileName == null || fileName.isBlank() ? "upload" : fileName.strip();
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxBytes) {
            throw new BadInputException(name, "the file has " + bytes + " bytes; at most " + maxBytes + " (claimflow.limits.batches) are taken in "
                    + "one batch: split it");
        }
        BatchFormat format = formatOf(name, text);
        BatchFile file;
        try {
            file = format.read(name, text);
        } catch (BadInputException whole) {
            long id = insert(name, format.name(), uploadedBy, text, bytes, 0, BatchStatus.REFUSED, whole.getMessage());
            throw new BadInputException(whole.field(), whole.reason() + " (batch " + id + " kept, nothing opened)");
        }
        long id = insert(name, format.name(), uploadedBy, text, bytes, file.size(), BatchStatus.RUNNING, null);
        start(id, uploadedBy, file, Set.of());
        return status(id);
    }

    private BatchFormat formatOf(String name, String text) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (BatchFormat f : formats) {
            if (f.takesName(lower)) return f;
        }
        for (BatchFormat f : formats) {
            if (f.takesContent(text)) return f;
        }
        throw new BadInputException(name, "not a batch this product reads: a .csv file (encounter columns) or a .ndjson file (one FHIR bundle a line)");
    }

    private long insert(String name, String format, String by, String text, int bytes, int rows, String status, String problem) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("INSERT INTO inbound_batch (file_name, format, uploaded_by, uploaded_at, body, body_bytes, "
                    + "total_rows, status, problem, heartbeat_at, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
            ps.setString(1, name.length() > 255 ? name.substring(0, 255) : name);
            ps.setString(2, format);
            ps.setString(3, by);
            ps.setTimestamp(4, now);
            ps.setString(5, text);
            ps.setInt(6, bytes);
            ps.setInt(7, rows);
            ps.setString(8, status);
            ps.setString(9, problem == null || problem.length() <= 2000 ? problem : problem.substring(0, 2000));
            ps.setTimestamp(10, now);
            ps.setTimestamp(11, BatchStatus.REFUSED.equals(status) ? now : null);
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    /** Opens the rows not answered yet, chunk by chunk on the workers; the last chunk to finish closes the batch. */
    private void start(long id, String uploadedBy, BatchFile file, Set<Integer> answered) {
        List<List<Integer>> chunks = new ArrayList<>();
        List<Integer> chunk = new ArrayList<>();
        for (int row = 1; row <= file.size(); row++) {
            if (answered.contains(row)) continue;
            chunk.add(row);
            if (chunk.size() == settings.chunk()) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
            }
        }
        if (!chunk.isEmpty()) chunks.add(chunk);
        if (chunks.isEmpty()) {
            finish(id);
            return;
        }
        AtomicInteger left = new AtomicInteger(chunks.size());
        for (List<Integer> rows : chunks) {
            workers.execute(() -> {
                try {
                    openChunk(id, uploadedBy, file, rows);
                } catch (RuntimeException e) {
                    // the rows stay unanswered; the batch resumes from them when its heartbeat is stale
                    log.error("batch {}: rows {}-{} could not be opened", id, rows.get(0), rows.get(rows.size() - 1), e);
                    return;
                }
                if (left.decrementAndGet() == 0) finish(id);
            });
        }
    }

    private void openChunk(long id, String uploadedBy, BatchFile file, List<Integer> rows) {
        List<Item> items = new ArrayList<>(rows.size());
        for (int row : rows) {
            Received received = new Received(file.channel(), file.messageKey(row), uploadedBy, file.contentType(), file.text(row), id, row);
            try {
                items.add(new Item(received, file.read(row)));
            } catch (BadInputException unreadable) {
                intake.refuse(received, file.externalIdOf(row), unreadable.field(), unreadable.reason());
            } catch (RuntimeException unexpected) {
                // answered, so the batch finishes and the row is kept, rather than retried forever on every resume
                log.error("batch {} row {} could not be read", id, row, unexpected);
                intake.refuse(received, file.externalIdOf(row), null, "could not be read (" + unexpected.getClass().getSimpleName()
                        + "): the error is in the server's log");
            }
        }
        intake.openAll(items);
        jdbc.update("UPDATE inbound_batch SET heartbeat_at = ? WHERE id = ?", Timestamp.from(clock.instant()), id);
    }

    private void finish(long id) {
        jdbc.update("UPDATE inbound_batch SET status = ?, finished_at = ? WHERE id = ? AND status = ?", BatchStatus.DONE,
                Timestamp.from(clock.instant()), id, BatchStatus.RUNNING);
    }

    /**
     * Resumes batches left running by a node that stopped: on start and every minute, any batch whose heartbeat is older than {@link
     * BatchSettings#staleAfterSeconds()} is taken over (the heartbeat update decides which node takes it) and its
     * unanswered rows open; rows answered before keep their answers.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(initialDelayString = "${claimflow.intake.batch.resume-millis:60000}", fixedDelayString = "${claimflow.intake.batch.resume-millis:60000}")
    public void resumeStale() {
        Instant stale = clock.instant().minusSeconds(settings.staleAfterSeconds());
        for (Long id : jdbc.queryForList("SELECT id FROM inbound_batch WHERE status = ? AND heartbeat_at < ?", Long.class, BatchStatus.RUNNING,
                Timestamp.from(stale))) {
            resume(id, stale);
        }
    }

    /** Takes over one stale batch, if no other node did first. */
    boolean resume(long id, Instant staleBefore) {
        int taken = jdbc.update("UPDATE inbound_batch SET heartbeat_at = ? WHERE id = ? AND status = ? AND heartbeat_at < ?",
                Timestamp.from(clock.instant()), id, BatchStatus.RUNNING, Timestamp.from(staleBefore));
        if (taken == 0) return false;
        String[] row = jdbc.queryForObject("SELECT file_name, uploaded_by, body FROM inbound_batch WHERE id = ?",
                (rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) }, id);
        BatchFile file = formatOf(row[0], row[2]).read(row[0], row[2]);
        Set<Integer> answered = new HashSet<>(jdbc.queryForList("SELECT batch_row FROM inbound_message WHERE batch_id = ?", Integer.class, id));
        log.info("batch {} ({}): resuming, {} of {} rows answered before", id, row[0], answered.size(), file.size());
        start(id, row[1], file, answered);
        return true;
    }

    public BatchStatus status(long id) {
        BatchStatus base = jdbc.query("SELECT " + COLUMNS + " FROM inbound_batch WHERE id = ?", IntakeBatches::row, id).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("no batch " + id));
        int[] counts = new int[Outcome.values().length];
        jdbc.query("SELECT outcome, COUNT(*) FROM inbound_message WHERE batch_id = ? GROUP BY outcome",
                rs -> {
                    counts[Outcome.valueOf(rs.getString(1)).ordinal()] = rs.getInt(2);
                }, id);
        return counted(base, counts);
    }

    /** The newest batches, newest first, with their row counts (two queries, whatever the limit). */
    public List<BatchStatus> recent(int limit) {
        List<BatchStatus> batches = jdbc.query("SELECT " + COLUMNS + " FROM inbound_batch ORDER BY id DESC LIMIT ?", IntakeBatches::row,
                Math.max(1, Math.min(limit, 200)));
        if (batches.isEmpty()) return batches;
        java.util.Map<Long, int[]> counts = new java.util.HashMap<>();
        jdbc.query("SELECT batch_id, outcome, COUNT(*) FROM inbound_message WHERE batch_id BETWEEN ? AND ? GROUP BY batch_id, outcome",
                rs -> {
                    counts.computeIfAbsent(rs.getLong(1), k -> new int[Outcome.values().length])[Outcome.valueOf(rs.getString(2)).ordinal()] = rs.getInt(3);
                }, batches.get(batches.size() - 1).id(), batches.get(0).id());
        return batches.stream().map(b -> counted(b, counts.getOrDefault(b.id(), new int[Outcome.values().length]))).toList();
    }

    private static BatchStatus counted(BatchStatus base, int[] counts) {
        int answered = 0;
        for (int c : counts) answered += c;
        return new BatchStatus(base.id(), base.fileName(), base.format(), base.uploadedBy(), base.uploadedAt(), base.status(), base.totalRows(),
                answered, counts[Outcome.OPENED.ordinal()], counts[Outcome.ALREADY_THERE.ordinal()] + counts[Outcome.DUPLICATE.ordinal()],
                counts[Outcome.REFUSED.ordinal()], base.problem(), base.finishedAt());
    }

    /**
     * The per-row report as CSV: row, line, external id, outcome, encounter, where and why a row was refused. Values a
     * spreadsheet would run as a formula (starting with =, +, -, @) are prefixed with a quote (OWASP CSV injection).
     */
    public String report(long id) {
        BatchStatus batch = status(id);
        StringBuilder csv = new StringBuilder("row,external_id,outcome,encounter_id,where,problem\n");
        if (BatchStatus.REFUSED.equals(batch.status())) {
            csv.append(",,REFUSED,,").append(cell(batch.fileName())).append(',').append(cell(batch.problem())).append('\n');
            return csv.toString();
        }
        for (InboundMessage m : messages.ofBatch(id)) {
            csv.append(m.batchRow()).append(',').append(cell(m.externalId())).append(',').append(m.outcome()).append(',')
                    .append(m.encounterId() == null ? "" : m.encounterId()).append(',').append(cell(m.problemField())).append(',')
                    .append(cell(m.problem())).append('\n');
        }
        return csv.toString();
    }

    /** What each answered row of the batch got, in row order. */
    public List<Receipt> receipts(long id) {
        return messages.ofBatch(id).stream().map(m -> new Receipt(m.id(), m.outcome(), m.encounterId(), m.externalId(), m.problemField(), m.problem()))
                .toList();
    }

    private static String cell(String value) {
        if (value == null) return "";
        String v = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return CsvTable.quote(v);
    }

    private static BatchStatus row(ResultSet rs, int n) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new BatchStatus(rs.getLong("id"), rs.getString("file_name"), rs.getString("format"), rs.getString("uploaded_by"),
                rs.getTimestamp("uploaded_at").toInstant(), rs.getString("status"), rs.getInt("total_rows"), 0, 0, 0, 0, rs.getString("problem"),
                finished == null ? null : finished.toInstant());
    }
}
