package com.claimflow.submission.x12;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Interchange control numbers (ISA13, and with it GS06 and ST02) from a database sequence row, so they stay unique
 * across restarts and nodes. Taken in a transaction of their own: a rolled-back submission leaves a gap, which X12
 * allows, and never holds the row lock while the engine's transaction runs.
 */
@Component
public class ControlNumbers {
    static final String INTERCHANGE = "interchange";
    private static final long MAX = 999_999_999L;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate own;

    public ControlNumbers(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public long next() {
        return block(1);
    }

    /** Reserves {@code count} consecutive numbers and returns the first. */
    public long block(int count) {
        Long first = own.execute(s -> {
            int updated = jdbc.update("update x12_control_number set next_value = next_value + ? where name = ?", count, INTERCHANGE);
            if (updated == 0) {
                jdbc.update("insert into x12_control_number (name, next_value) values (?, ?)", INTERCHANGE, 1L + count);
                return 1L;
            }
            long next = jdbc.queryForObject("select next_value from x12_control_number where name = ?", Long.class, INTERCHANGE);
            return next - count;
        });
        return ((first - 1) % MAX) + 1;
    }
}
