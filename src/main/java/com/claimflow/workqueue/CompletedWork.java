package com.claimflow.workqueue;

import com.claimflow.base.BadInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Work done: the tasks completed per day, queue and worker (summed as each task completes, so a period of any length
 * reads a row per day and person), and the handle times of one period's completions for medians. Read by the workload
 * board, the SLA register and the dashboard.
 */
@Service
public class CompletedWork {
    /** The longest period read at once: two years of days. */
    public static final int MAX_DAYS = 731;

    private final JdbcTemplate jdbc;

    public CompletedWork(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Per UTC day, queue and worker, the tasks completed from {@code from} up to but not including {@code toExclusive}. */
    @Transactional(readOnly = true)
    public List<CompletedDay> daily(LocalDate from, LocalDate toExclusive) {
        requirePeriod(from, toExclusive);
        return jdbc.query("select done_on, queue, worker, completed, warned, escalated, handle_ms from work_done_daily"
                + " where done_on >= ? and done_on < ? order by done_on, queue, worker", (rs, n) -> new CompletedDay(rs.getDate(1).toLocalDate(),
                rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)),
                java.sql.Date.valueOf(from), java.sql.Date.valueOf(toExclusive));
    }

    /** One completion's worker, queue and handle time, for medians over a short period. */
    public record Handled(String worker, String queue, long handleMillis) {
    }

    /** Every task completed since {@code since}, with its handle time: for the board's medians over today and this week. */
    @Transactional(readOnly = true)
    public List<Handled> handledSince(Instant since) {
        List<Handled> handled = new ArrayList<>();
        jdbc.query("select completed_by, queue, created_at, claimed_at, ended_at from work_item_done where ended_at >= ? and completed = true",
                rs -> {
                    Instant start = rs.getTimestamp(4) == null ? rs.getTimestamp(3).toInstant() : rs.getTimestamp(4).toInstant();
                    handled.add(new Handled(rs.getString(1), rs.getString(2), Math.max(0, rs.getTimestamp(5).getTime() - start.toEpochMilli())));
                }, java.sql.Timestamp.from(since));
        return handled;
    }

    private static void requirePeriod(LocalDate from, LocalDate toExclusive) {
        if (from == null || toExclusive == null) throw new BadInputException("from", "give the period's first and last day");
        if (!from.isBefore(toExclusive)) throw new BadInputException("from", "the period starts (" + from + ") after it ends (" + toExclusive + ")");
        if (ChronoUnit.DAYS.between(from, toExclusive) > MAX_DAYS) {
            throw new BadInputException("to", "a period is at most " + MAX_DAYS + " days");
        }
    }
}
