package com.claimflow.reference.importer;

import com.claimflow.reference.Ncci;
import jakarta.annotation.PreDestroy;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports reference files. Every import is one transaction: a file with any malformed line (all errors listed, up to
 * 100) or any database failure changes nothing and is reported REFUSED. Importing the same file again changes nothing
 * and is reported UNCHANGED. Files are read line by line and written in batches of {@link LineImporter#CHUNK}, so
 * memory does not grow with the file. Imports run one at a time on a node.
 *
 * <p>For the admin screen: {@link #start} (returns the import id at once, runs in the background, deletes the file
 * afterwards), then poll {@link #report(long)} for {@code progress} (0..1) and {@code status}; {@link #recent(int)}
 * lists past imports. Automation calls {@link #importFile} and gets the finished report.
 */
@Service
public class ReferenceImportService {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate importTx;
    private final TransactionTemplate logTx;
    private final Map<ImportKind, FileImporter> importers = new EnumMap<>(ImportKind.class);
    private final Map<Long, ImportRun> running = new ConcurrentHashMap<>();
    private final ReentrantLock oneAtATime = new ReentrantLock();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "reference-import");
        t.setDaemon(true);
        return t;
    });

    private final Runnable afterChange;

    public ReferenceImportService(DataSource dataSource, PlatformTransactionManager transactions, Ncci ncci,
                                  com.claimflow.reference.ReferenceService reference, com.claimflow.reference.PayerRules payerRules,
                                  com.claimflow.reference.Excludes1 excludes1) {
        this.afterChange = () -> {
            reference.reloadCodes();
            reference.forgetPayersAndProviders();
            payerRules.reload();
        };
        this.jdbc = new JdbcTemplate(dataSource);
        this.importTx = new TransactionTemplate(transactions);
        this.importTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.logTx = new TransactionTemplate(transactions);
        this.logTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        for (FileImporter i : List.of(
                new NcciPtpImporter(ImportKind.NCCI_PTP_PRACTITIONER, Ncci.PRACTITIONER, ncci),
                new NcciPtpImporter(ImportKind.NCCI_PTP_HOSPITAL, Ncci.HOSPITAL, ncci),
                new MueImporter(ImportKind.MUE_PRACTITIONER, Ncci.PRACTITIONER, ncci),
                new MueImporter(ImportKind.MUE_FACILITY, Ncci.FACILITY, ncci),
                new IcdOrderImporter(), new HcpcsImporter(), new CptImporter(),
                new CodeListImporter(ImportKind.MODIFIER), new CodeListImporter(ImportKind.POS),
                new CodeListImporter(ImportKind.CARC), new CodeListImporter(ImportKind.RARC),
                new PayerImporter(), new ProviderImporter(), new FeeScheduleImporter(), new Excludes1Importer(excludes1))) {
            importers.put(i.kind(), i);
        }
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }

    /** Imports a file and returns the finished report. */
    public ImportReport importFile(ImportKind kind, String fileName, Path file, ImportOptions options, String user) throws IOException {
        long id = open(kind, fileName, user, Files.size(file));
        try (InputStream in = Files.newInputStream(file)) {
            return run(id, kind, fileName, in, Files.size(file), options);
        }
    }

    /** Imports from a stream (tests, CLI); {@code size} may be 0 when unknown (progress then stays 0). */
    public ImportReport importStream(ImportKind kind, String fileName, InputStream in, long size, ImportOptions options, String user) {
        long id = open(kind, fileName, user, size);
        return run(id, kind, fileName, in, size, options);
    }

    /** Starts an import in the background and returns its id at once; the file is deleted when the import ends. */
    public long start(ImportKind kind, String fileName, Path file, ImportOptions options, String user) throws IOException {
        long size = Files.size(file);
        long id = open(kind, fileName, user, size);
        running.put(id, new ImportRun(id, kind, fileName, options, jdbc, size));
        background.submit(() -> {
            try (InputStream in = Files.newInputStream(file)) {
                run(id, kind, fileName, in, size, options);
            } catch (Exception e) {
                finishLog(id, ImportReport.REFUSED, running.getOrDefault(id, new ImportRun(id, kind, fileName, options, jdbc, size)),
                        List.of(kind.label() + " " + fileName + ": " + e.getMessage()), 1);
            } finally {
                running.remove(id);
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        });
        return id;
    }

    /** The report of an import: live progress while it runs, the stored outcome after. */
    public Optional<ImportReport> report(long id) {
        ImportRun live = running.get(id);
        List<ImportReport> stored = jdbc.query("SELECT * FROM reference_import WHERE id = ?", (rs, n) -> fromRow(rs), id);
        if (stored.isEmpty()) return Optional.empty();
        ImportReport r = stored.get(0);
        if (live != null && ImportReport.RUNNING.equals(r.status())) {
            return Optional.of(new ImportReport(id, live.kind, live.fileName, ImportReport.RUNNING, live.progress(), live.rowsRead,
                    live.inserted, live.updated, live.unchanged, live.closed, live.errorCount(), live.errors(), r.startedBy(), r.startedAt(), null));
        }
        return Optional.of(r);
    }

    public List<ImportReport> recent(int limit) {
        return jdbc.query("SELECT * FROM reference_import ORDER BY id DESC", rs -> {
            List<ImportReport> out = new java.util.ArrayList<>();
            while (rs.next() && out.size() < limit) out.add(fromRow(rs));
            return out;
        });
    }

    private long open(ImportKind kind, String fileName, String user, long size) {
        String name = fileName == null || fileName.isBlank() ? kind.slug() : Path.of(fileName).getFileName().toString();
        String safeName = name.length() > 200 ? name.substring(0, 200) : name;
        return logTx.execute(tx -> {
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            jdbc.update(c -> {
                var ps = c.prepareStatement("INSERT INTO reference_import (kind, file_name, status, bytes_total, bytes_read, rows_read, inserted, updated,"
                        + " unchanged, closed, started_by, started_at) VALUES (?, ?, 'RUNNING', ?, 0, 0, 0, 0, 0, 0, ?, ?)", new String[] {"id"});
                ps.setString(1, kind.name());
                ps.setString(2, safeName);
                ps.setLong(3, size);
                ps.setString(4, user == null ? "system" : user);
                ps.setTimestamp(5, Timestamp.from(Instant.now()));
                return ps;
            }, keys);
            return keys.getKey().longValue();
        });
    }

    private ImportReport run(long id, ImportKind kind, String fileName, InputStream raw, long size, ImportOptions options) {
        String name = jdbc.queryForObject("SELECT file_name FROM reference_import WHERE id = ?", String.class, id);
        ImportRun run = running.computeIfAbsent(id, k -> new ImportRun(id, kind, name, options, jdbc, size));
        FileImporter importer = importers.get(kind);
        MessageDigest sha = sha256();
        oneAtATime.lock();
        try {
            String status = importTx.execute(tx -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(new DigestInputStream(counting(raw, run), sha), StandardCharsets.UTF_8), 1 << 16)) {
                    importer.run(run, in);
                } catch (IOException e) {
                    run.error(0, "could not be read: " + e.getMessage());
                } catch (DataAccessException e) {
                    run.error(0, "the database refused the import: " + rootMessage(e));
                }
                if (run.failed()) {
                    tx.setRollbackOnly();
                    return ImportReport.REFUSED;
                }
                String done = run.inserted == 0 && run.updated == 0 && run.closed == 0 ? ImportReport.UNCHANGED : ImportReport.DONE;
                writeLog(id, done, run, HexFormat.of().formatHex(sha.digest()), List.of(), 0);
                return done;
            });
            if (ImportReport.REFUSED.equals(status)) {
                finishLog(id, status, run, run.errors(), run.errorCount());
            } else if (ImportReport.DONE.equals(status)) {
                importer.committed();
                afterChange.run();
            }
            return report(id).orElseThrow();
        } catch (RuntimeException e) {
            run.error(0, "the database refused the import: " + rootMessage(e));
            finishLog(id, ImportReport.REFUSED, run, run.errors(), run.errorCount());
            return report(id).orElseThrow();
        } finally {
            oneAtATime.unlock();
            running.remove(id);
        }
    }

    private void finishLog(long id, String status, ImportRun run, List<String> errors, int errorCount) {
        logTx.executeWithoutResult(tx -> writeLog(id, status, run, null, errors, errorCount));
    }

    private void writeLog(long id, String status, ImportRun run, String sha, List<String> errors, int errorCount) {
        boolean refused = ImportReport.REFUSED.equals(status);
        String errorText = errors.isEmpty() ? null : errorCount + "\n" + String.join("\n", errors);
        jdbc.update("UPDATE reference_import SET status = ?, sha256 = ?, bytes_read = ?, rows_read = ?, inserted = ?, updated = ?, unchanged = ?,"
                        + " closed = ?, errors = ?, finished_at = ? WHERE id = ?",
                status, sha, run.bytesRead.get(), run.rowsRead, refused ? 0 : run.inserted, refused ? 0 : run.updated,
                refused ? 0 : run.unchanged, refused ? 0 : run.closed, errorText, Timestamp.from(Instant.now()), id);
    }

    private static ImportReport fromRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        String errorText = rs.getString("errors");
        List<String> errors = List.of();
        int errorCount = 0;
        if (errorText != null && !errorText.isEmpty()) {
            String[] parts = errorText.split("\n");
            errorCount = Integer.parseInt(parts[0]);
            errors = Arrays.asList(parts).subList(1, parts.length);
        }
        long total = rs.getLong("bytes_total");
        String status = rs.getString("status");
        double progress = ImportReport.RUNNING.equals(status) ? (total == 0 ? 0 : (double) rs.getLong("bytes_read") / total) : 1.0;
        Timestamp finished = rs.getTimestamp("finished_at");
        return new ImportReport(rs.getLong("id"), ImportKind.valueOf(rs.getString("kind")), rs.getString("file_name"), status, progress,
                rs.getLong("rows_read"), rs.getLong("inserted"), rs.getLong("updated"), rs.getLong("unchanged"), rs.getLong("closed"),
                errorCount, errors, rs.getString("started_by"), rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant());
    }

    private static InputStream counting(InputStream in, ImportRun run) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) run.bytesRead.incrementAndGet();
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n > 0) run.bytesRead.addAndGet(n);
                return n;
            }
        };
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.length() > 300 ? m.substring(0, 300) : m;
    }
}
