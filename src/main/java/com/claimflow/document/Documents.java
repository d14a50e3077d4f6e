package com.claimflow.document;

import com.claimflow.base.NotFoundException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The encounter_document table: what was sent, kept byte for byte in the transaction that sent it. */
@Service
public class Documents {
    /** The audit trail's action for a document downloaded. */
    public static final String VIEWED_DOCUMENT = "VIEWED_DOCUMENT";
    private static final String COLUMNS = "id, encounter_id, kind, title, file_name, media_type, size_bytes, created_by, created_at";

    private final JdbcTemplate jdbc;

    public Documents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps a PDF the product wrote for the encounter; joins the caller's transaction, so a retried job keeps none twice. */
    @Transactional
    public EncounterDocument keepPdf(long encounterId, EncounterDocument.Kind kind, String title, String fileName, byte[] content, String by) {
        Instant now = Instant.now();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("insert into encounter_document (encounter_id, kind, title, file_name, media_type, "
                    + "size_bytes, created_by, created_at, content) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
            ps.setLong(1, encounterId);
            ps.setString(2, kind.name());
            ps.setString(3, title);
            ps.setString(4, fileName);
            ps.setString(5, PdfPages.MEDIA_TYPE);
            ps.setInt(6, content.length);
            ps.setString(7, by);
            ps.setTimestamp(8, Timestamp.from(now));
            ps.setBytes(9, content);
            return ps;
        }, key);
        long id = Objects.requireNonNull(key.getKey()).longValue();
        return new EncounterDocument(id, encounterId, kind, title, fileName, PdfPages.MEDIA_TYPE, content.length, by, now);
    }

    /** The encounter's documents, newest first. */
    @Transactional(readOnly = true)
    public List<EncounterDocument> forEncounter(long encounterId) {
        return jdbc.query("select " + COLUMNS + " from encounter_document where encounter_id = ? order by id desc", Documents::map, encounterId);
    }

    @Transactional(readOnly = true)
    public EncounterDocument get(long id) {
        return jdbc.query("select " + COLUMNS + " from encounter_document where id = ?", Documents::map, id).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("no document " + id));
    }

    @Transactional(readOnly = true)
    public byte[] content(long id) {
        return jdbc.query("select content from encounter_document where id = ?", (rs, n) -> rs.getBytes(1), id).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("no document " + id));
    }

    private static EncounterDocument map(ResultSet rs, int n) throws SQLException {
        return new EncounterDocument(rs.getLong("id"), rs.getLong("encounter_id"), EncounterDocument.Kind.valueOf(rs.getString("kind")),
                rs.getString("title"), rs.getString("file_name"), rs.getString("media_type"), rs.getInt("size_bytes"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
    }
}
