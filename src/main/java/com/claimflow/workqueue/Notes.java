package com.claimflow.workqueue;

import com.claimflow.base.BadInputException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The encounter_note table: notes carry across hand-offs because every task of the encounter reads them all. */
@Service
public class Notes {
    /** The longest note kept; the column holds 2,000. */
    public static final int MAX = 2000;

    private final JdbcTemplate jdbc;

    public Notes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps a note; blank text keeps nothing. Control characters other than line breaks and tabs are refused. */
    @Transactional
    public void add(long encounterId, String taskId, String taskType, Note.Kind kind, String author, String text) {
        if (text == null || text.isBlank()) return;
        String t = text.strip();
        if (t.length() > MAX) throw new BadInputException("note", "at most " + MAX + " characters (" + t.length() + " given)");
        if (t.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw new BadInputException("note", "contains control characters; write plain text");
        }
        jdbc.update("insert into encounter_note (encounter_id, task_id, task_type, kind, author, written_at, text) values (?, ?, ?, ?, ?, ?, ?)",
                encounterId, taskId, taskType, kind.name(), author, Timestamp.from(Instant.now()), t);
    }

    /** The encounter's notes, oldest first (the order people read a case in). */
    @Transactional(readOnly = true)
    public List<Note> forEncounter(long encounterId) {
        return jdbc.query("select id, encounter_id, task_id, task_type, kind, author, written_at, text from encounter_note "
                        + "where encounter_id = ? order by id",
                (rs, n) -> new Note(rs.getLong("id"), rs.getLong("encounter_id"), rs.getString("task_id"), rs.getString("task_type"),
                        Note.Kind.valueOf(rs.getString("kind")), rs.getString("author"), rs.getTimestamp("written_at").toInstant(),
                        rs.getString("text")),
                encounterId);
    }
}
