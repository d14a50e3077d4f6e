package com.claimflow.inbound;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The messages encounters arrived by, kept as received (table {@code inbound_message}). A message is stored before
 * anything is read from it and settled with its outcome in the same transaction as the encounter it opens; a refused
 * message is stored on its own, so nothing sent is ever lost. Bodies up to {@link #MAX_KEPT_CHARS} characters are
 * kept; a larger one (refused by every channel) keeps its size only.
 */
@Service
public class InboundMessages {
    /** The largest body kept as received: 10 Mi characters, above every channel's own limit. */
    public static final int MAX_KEPT_CHARS = 10 * 1024 * 1024;
    private static final String COLUMNS = "id, channel, message_key, sender, received_at, content_type, body_bytes, outcome, encounter_id, "
            + "external_id, problem_field, problem, batch_id, batch_row, body_removed_at";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public InboundMessages(JdbcTemplate jdbc, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    /**
     * Stores a message as received with its outcome. A message that opened a visit or added charges claims its channel
     * and key: the same key again fails with a {@link org.springframework.dao.DuplicateKeyException}, as does a batch row answered
     * before.
     */
    long store(Received r, Outcome outcome, Long encounterId, String externalId, String problemField, String problem) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        String body = r.body();
        int bytes = body == null ? 0 : body.getBytes(StandardCharsets.UTF_8).length;
        String kept = body == null || body.length() > MAX_KEPT_CHARS ? null : body;
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("INSERT INTO inbound_message (channel, message_key, accepted_key, sender, received_at, "
                    + "content_type, body, body_bytes, outcome, encounter_id, external_id, problem_field, problem, batch_id, batch_row) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
            ps.setString(1, r.channel().name());
            ps.setString(2, clip(r.messageKey(), 200));
            // only a message that did something claims its id: a repeat, a visit already open (whose charges may still be
            // added under the same id) and a refusal leave it free
            ps.setString(3, (outcome == Outcome.OPENED || outcome == Outcome.CHARGES_ADDED) && r.messageKey() != null ? acceptedKey(r) : null);
            ps.setString(4, clip(r.sender(), 200));
            ps.setTimestamp(5, Timestamp.from(clock.instant()));
            ps.setString(6, clip(r.contentType(), 100));
            ps.setString(7, kept);
            ps.setInt(8, bytes);
            ps.setString(9, outcome.name());
            ps.setObject(10, encounterId);
            ps.setString(11, clip(externalId, 64));
            ps.setString(12, clip(problemField, 200));
            ps.setString(13, clip(problem, 2000));
            ps.setObject(14, r.batchId());
            ps.setObject(15, r.batchRow());
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    /** The accepted message that claimed this message's key before, if any. */
    @Transactional(readOnly = true)
    public Optional<InboundMessage> acceptedBefore(Received r) {
        if (r.messageKey() == null) return Optional.empty();
        return jdbc.query("SELECT " + COLUMNS + " FROM inbound_message WHERE accepted_key = ?", InboundMessages::row, acceptedKey(r))
                .stream().findFirst();
    }

    /** The answer a batch row got, if it was answered. */
    @Transactional(readOnly = true)
    public Optional<InboundMessage> ofBatchRow(Received r) {
        if (r.batchId() == null) return Optional.empty();
        return jdbc.query("SELECT " + COLUMNS + " FROM inbound_message WHERE batch_id = ? AND batch_row = ?", InboundMessages::row,
                r.batchId(), r.batchRow()).stream().findFirst();
    }

    /** Every answered row of a batch, in row order. */
    @Transactional(readOnly = true)
    public List<InboundMessage> ofBatch(long batchId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM inbound_message WHERE batch_id = ? ORDER BY batch_row", InboundMessages::row, batchId);
    }

    @Transactional(readOnly = true)
    public Optional<InboundMessage> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM inbound_message WHERE id = ?", InboundMessages::row, id).stream().findFirst();
    }

    /** The message's text as received, if it was small enough to keep and has not been removed ({@link InboundRetention}). */
    @Transactional(readOnly = true)
    public Optional<String> body(long id) {
        return jdbc.query("SELECT body FROM inbound_message WHERE id = ?", (rs, n) -> rs.getString(1), id).stream()
                .filter(b -> b != null).findFirst();
    }

    /** Every message about the encounter, oldest first: the one that opened it, repeats, added charges. */
    @Transactional(readOnly = true)
    public List<InboundMessage> ofEncounter(long encounterId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM inbound_message WHERE encounter_id = ? ORDER BY id", InboundMessages::row, encounterId);
    }

    /** The newest messages, refused ones among them, for the interface monitor. */
    @Transactional(readOnly = true)
    public List<InboundMessage> recent(Channel channel, boolean refusedOnly, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM inbound_message WHERE 1 = 1");
        List<Object> args = new java.util.ArrayList<>();
        if (channel != null) {
            sql.append(" AND channel = ?");
            args.add(channel.name());
        }
        if (refusedOnly) sql.append(" AND outcome = 'REFUSED'");
        sql.append(" ORDER BY id DESC LIMIT ?");
        args.add(Math.max(1, Math.min(limit, 1000)));
        return jdbc.query(sql.toString(), InboundMessages::row, args.toArray());
    }

    static String acceptedKey(Received r) {
        return clip(r.channel().name() + ":" + r.messageKey(), 212);
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static InboundMessage row(ResultSet rs, int n) throws SQLException {
        long encounterId = rs.getLong("encounter_id");
        Long encounter = rs.wasNull() ? null : encounterId;
        Timestamp removed = rs.getTimestamp("body_removed_at");
        return new InboundMessage(rs.getLong("id"), Channel.valueOf(rs.getString("channel")), rs.getString("message_key"), rs.getString("sender"),
                rs.getTimestamp("received_at").toInstant(), rs.getString("content_type"), rs.getInt("body_bytes"), Outcome.valueOf(rs.getString("outcome")),
                encounter, rs.getString("external_id"), rs.getString("problem_field"), rs.getString("problem"),
                (Long) rs.getObject("batch_id", Long.class), (Integer) rs.getObject("batch_row", Integer.class),
                removed == null ? null : removed.toInstant());
    }
}
