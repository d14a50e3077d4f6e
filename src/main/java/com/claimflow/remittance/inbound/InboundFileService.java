package com.claimflow.remittance.inbound;

import com.claimflow.remittance.InboundAnswers;
import com.claimflow.remittance.InboundFiles;
import com.claimflow.remittance.InboundResult;
import com.claimflow.remittance.InboundResult.Counts;
import com.claimflow.remittance.InboundResult.Problem;
import com.claimflow.x12.X12Issue;
import com.claimflow.x12.X12Segment;
import com.claimflow.x12.X12SegmentReader;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receives inbound X12 files (999, 277CA, 835) from the API, the inbox folder or the payer simulator: stores each as
 * received, records it, refuses a file received before (same content, or same ISA sender and control number), then
 * hands it to the reader of its transaction type and records what that did. Nothing thrown while processing escapes:
 * it becomes the file's REFUSED or FAILED status with the error, and the file stays stored.
 */
@Service
class InboundFileService implements InboundFiles {
    private static final Logger log = LoggerFactory.getLogger(InboundFileService.class);

    private final InboundFileStore store;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate own;
    private final ObjectMapper json;
    private final AcknowledgementProcessing acknowledgements;
    private final RemittanceProcessing remittances;
    private final List<InboundAnswers> answers;

    InboundFileService(InboundFileStore store, JdbcTemplate jdbc, PlatformTransactionManager transactions, ObjectMapper json,
                        AcknowledgementProcessing acknowledgements, RemittanceProcessing remittances, List<InboundAnswers> answers) {
        this.store = store;
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.json = json;
        this.acknowledgements = acknowledgements;
        this.remittances = remittances;
        this.answers = List.copyOf(answers);
    }

    /** The header facts read before processing. */
    public record Header(String senderId, String controlNumber, String transactionType, List<X12Issue> issues) {
    }

    @Override
    public InboundResult receive(InputStream body, String from, String fileName, String by) {
        InboundFileStore.Stored stored = store.store(body);
        Header header = header(stored);
        long id = record(stored, from, fileName, by, header);
        if (!header.issues().isEmpty()) {
            return finish(new InboundResult(id, "REFUSED", header.transactionType(), header.senderId(), header.controlNumber(), null, Counts.none(),
                    header.issues().stream().map(Problem::of).toList()));
        }
        Optional<Long> earlier = claimKeys(id, stored.sha256(), header);
        if (earlier.isPresent()) {
            return finish(new InboundResult(id, "DUPLICATE", header.transactionType(), header.senderId(), header.controlNumber(), earlier.get(),
                    Counts.none(), List.of(new Problem(1, "ISA", "ISA13", "file received before as file " + earlier.get()
                    + " (same content, or same sender " + header.senderId() + " and interchange control number " + header.controlNumber()
                    + "); nothing was posted again"))));
        }
        InboundResult result;
        try {
            result = switch (header.transactionType()) {
                case "999" -> acknowledgements.process999(id, stored.path().toString(), header);
                case "277CA" -> acknowledgements.process277(id, stored.path().toString(), header);
                case "835" -> remittances.process(id, stored.path().toString(), header);
                default -> answers(id, stored, header);
            };
        } catch (RuntimeException e) {
            log.error("inbound file {} failed", id, e);
            result = new InboundResult(id, "FAILED", header.transactionType(), header.senderId(), header.controlNumber(), null, Counts.none(),
                    List.of(new Problem(0, null, null, "processing stopped: " + e.getClass().getSimpleName() + ": " + e.getMessage()
                            + ("835".equals(header.transactionType()) ? "; nothing from this file was posted, it may be sent again"
                            : "; claims taken before the stop are recorded on their claims"))));
        }
        // nothing taken: a corrected file (or the same one, after a failure) with the same numbers may come
        if (result.status().equals("REFUSED") || (result.status().equals("FAILED") && "835".equals(header.transactionType()))) releaseKeys(id);
        return finish(result);
    }

    /** A payer answer another module reads (271, 277 claim status), or a refusal naming the types ClaimFlow reads. */
    private InboundResult answers(long id, InboundFileStore.Stored stored, Header header) {
        for (InboundAnswers reader : answers) {
            if (reader.transactionType().equals(header.transactionType())) {
                try (InputStream in = store.open(stored.path().toString())) {
                    return reader.read(id, header.senderId(), header.controlNumber(), in);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
        List<String> known = new java.util.ArrayList<>(List.of("999", "277CA", "835"));
        answers.forEach(a -> known.add(a.transactionType()));
        return new InboundResult(id, "REFUSED", header.transactionType(), header.senderId(), header.controlNumber(), null, Counts.none(),
                List.of(new Problem(3, "ST", "ST01", "transaction set '" + header.transactionType() + "' is not one ClaimFlow reads ("
                        + String.join(", ", known) + ")")));
    }

    private Header header(InboundFileStore.Stored stored) {
        String head = stored.head().stripLeading();
        if (head.startsWith("\uFEFF")) head = head.substring(1);
        if (!head.startsWith("ISA")) {
            return new Header(null, null, null, List.of(new X12Issue(1, null, null, null, "the file does not start with an ISA interchange header")));
        }
        if (head.length() < 106) {
            return new Header(null, null, null, List.of(new X12Issue(1, "ISA", null, null, "the ISA header is shorter than its fixed 106 characters (file truncated?)")));
        }
        char separator = head.charAt(3);
        String[] isa = head.substring(0, 106).split(java.util.regex.Pattern.quote(String.valueOf(separator)), -1);
        if (isa.length != 17 || isa[16].length() != 2) {
            return new Header(null, null, null, List.of(new X12Issue(1, "ISA", "ISA16", null, "the ISA header is not 16 fixed-width elements of 106 characters"
                    + " (wrong delimiters or wrong length)")));
        }
        String sender = isa[6].trim();
        String control = isa[13].trim();
        if (!control.matches("\\d{9}")) {
            return new Header(sender, control, null, List.of(new X12Issue(1, "ISA", "ISA13", null, "interchange control number '" + control + "' is not nine digits")));
        }
        String type = null;
        String version = null;
        try (InputStream in = store.open(stored.path().toString()); X12SegmentReader r = new X12SegmentReader(in)) {
            for (X12Segment s = r.next(); s != null && type == null; s = r.next()) {
                if (s.id().equals("GS")) version = s.el(8);
                if (s.id().equals("ST")) type = s.el(1);
            }
            if (type == null) {
                List<X12Issue> issues = r.issues().isEmpty() ? List.of(new X12Issue(0, "ST", null, null, "the file has no transaction set (ST)")) : List.copyOf(r.issues());
                return new Header(sender, control, null, issues);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (type.equals("277") && version != null && version.contains("X214")) type = "277CA";
        return new Header(sender, control, type, List.of());
    }

    private long record(InboundFileStore.Stored stored, String from, String fileName, String by, Header h) {
        return own.execute(s -> {
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.update(c -> {
                var ps = c.prepareStatement("insert into edi_inbound_file (received_at, received_from, received_by, file_name, stored_path, size_bytes, "
                        + "content_hash, sender_id, isa_control, transaction_type, status) values (?,?,?,?,?,?,?,?,?,?,?)", new String[] {"id"});
                ps.setTimestamp(1, Timestamp.from(Instant.now()));
                ps.setString(2, from);
                ps.setString(3, by);
                ps.setString(4, fileName == null ? null : fileName.length() > 255 ? fileName.substring(0, 255) : fileName);
                ps.setString(5, stored.path().toString());
                ps.setLong(6, stored.size());
                ps.setString(7, stored.sha256());
                ps.setString(8, cut(h.senderId(), 15));
                ps.setString(9, cut(h.controlNumber(), 9));
                ps.setString(10, cut(h.transactionType(), 6));
                ps.setString(11, "RECEIVED");
                return ps;
            }, key);
            return key.getKey().longValue();
        });
    }

    /** Claims the file's content and interchange keys; the id of the earlier file when either was taken. */
    private Optional<Long> claimKeys(long id, String sha256, Header h) {
        for (String k : List.of("H:" + sha256, "I:" + h.senderId() + ":" + h.controlNumber())) {
            try {
                own.executeWithoutResult(s -> jdbc.update("insert into edi_inbound_key (key_value, file_id) values (?, ?)", k, id));
            } catch (DuplicateKeyException e) {
                releaseKeys(id);
                return Optional.ofNullable(jdbc.query("select file_id from edi_inbound_key where key_value = ?", (rs, n) -> rs.getLong(1), k)
                        .stream().findFirst().orElse(null));
            }
        }
        return Optional.empty();
    }

    private void releaseKeys(long id) {
        own.executeWithoutResult(s -> jdbc.update("delete from edi_inbound_key where file_id = ?", id));
    }

    private InboundResult finish(InboundResult r) {
        List<Problem> errors = r.errors().size() > InboundResult.MAX_ERRORS_LISTED
                ? r.errors().subList(0, InboundResult.MAX_ERRORS_LISTED) : r.errors();
        InboundResult kept = new InboundResult(r.fileId(), r.status(), r.transactionType(), r.senderId(), r.interchangeControlNumber(),
                r.duplicateOf(), r.counts(), errors, r.rejections());
        String summary;
        try {
            summary = json.writeValueAsString(kept);
        } catch (JsonProcessingException e) {
            summary = "{\"status\":\"" + r.status() + "\"}";
        }
        String text = summary;
        own.executeWithoutResult(s -> jdbc.update("update edi_inbound_file set status = ?, duplicate_of = ?, summary = ?, processed_at = ? where id = ?",
                kept.status(), kept.duplicateOf(), text, Timestamp.from(Instant.now()), kept.fileId()));
        return kept;
    }

    @Override
    public Optional<InboundResult> result(long fileId) {
        return jdbc.query("select summary from edi_inbound_file where id = ?", (rs, n) -> rs.getString(1), fileId).stream().findFirst()
                .filter(s -> s != null).map(s -> {
                    try {
                        return json.readValue(s, InboundResult.class);
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    private static String cut(String s, int max) {
        return s == null ? null : s.length() > max ? s.substring(0, max) : s;
    }
}
