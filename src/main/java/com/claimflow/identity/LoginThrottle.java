package com.claimflow.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Failed logins per user name and per client address, in the shared database ({@code login_throttle}), so a lock
 * holds on every node and across restarts. A login nobody guessed at costs one primary-key read that finds nothing;
 * writes happen on failures only, each a compare-and-set on the row's version so two nodes never lose a count.
 */
@Component
@EnableConfigurationProperties(LoginSettings.class)
public class LoginThrottle {
    private static final String COLUMNS = "failures, window_start, locked_until, locks, last_failure, version";
    private static final int KEY_LENGTH = 64;

    /** Why a login is refused before its password is checked, and for how long. */
    public record Refusal(String reason, Duration retryAfter) {
    }

    private record Row(Failures failures, int version) {
    }

    private final JdbcTemplate jdbc;
    private final LoginSettings settings;
    private final Clock clock;

    public LoginThrottle(DataSource dataSource, LoginSettings settings, Optional<Clock> clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.settings = settings;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** The refusal with the longer wait of the user's and the address's, if either is locked. */
    public Optional<Refusal> refusal(String user, String address) {
        Instant now = clock.instant();
        String userKey = userKey(user);
        String addressKey = addressKey(address);
        Refusal longest = null;
        // both keys in one statement: the whole cost of a login nobody guessed at
        for (var row : jdbc.queryForList("SELECT throttle_key, locked_until FROM login_throttle WHERE throttle_key IN (?, ?)", userKey, addressKey)) {
            Duration wait = Duration.ofMillis(Math.max(0, ((Number) row.get("locked_until")).longValue() - now.toEpochMilli()));
            if (!wait.isZero() && (longest == null || wait.compareTo(longest.retryAfter()) > 0)) {
                longest = new Refusal(userKey.equals(row.get("throttle_key")) ? "user" : "address", wait);
            }
        }
        return Optional.ofNullable(longest);
    }

    /** Counts a failed password check against the user name and the address; true if either is now locked. */
    public boolean failed(String user, String address) {
        Instant now = clock.instant();
        boolean userLocked = !count(userKey(user), settings.user(), now).lockedFor(now).isZero();
        boolean addressLocked = !count(addressKey(address), settings.address(), now).lockedFor(now).isZero();
        return userLocked || addressLocked;
    }

    public Failures ofUser(String user) {
        return read(userKey(user)).map(Row::failures).orElse(Failures.NONE);
    }

    public Failures ofAddress(String address) {
        return read(addressKey(address)).map(Row::failures).orElse(Failures.NONE);
    }

    /** Forgets the user's failures and lock (an admin's unlock). */
    public void clearUser(String user) {
        jdbc.update("DELETE FROM login_throttle WHERE throttle_key = ?", userKey(user));
    }

    /** Forgets the address's failures and lock (an admin's unlock of, say, an office's shared address). */
    public void clearAddress(String address) {
        jdbc.update("DELETE FROM login_throttle WHERE throttle_key = ?", addressKey(address));
    }

    /** Deletes rows that no longer change anything, so guessed user names do not pile up. */
    @Scheduled(initialDelay = 60_000, fixedDelay = 600_000)
    public void purge() {
        long now = clock.millis();
        long quiet = Math.max(Math.max(settings.user().window().toMillis(), settings.user().maxLock().toMillis()),
                Math.max(settings.address().window().toMillis(), settings.address().maxLock().toMillis()));
        jdbc.update("DELETE FROM login_throttle WHERE locked_until <= ? AND last_failure <= ?", now - quiet, now - quiet);
    }

    private Failures count(String key, LoginSettings.Limit limit, Instant now) {
        for (int attempt = 0; attempt < 20; attempt++) {
            Optional<Row> row = read(key);
            Failures next = row.map(Row::failures).orElse(Failures.NONE).after(now, limit);
            if (row.isEmpty()) {
                try {
                    jdbc.update("INSERT INTO login_throttle (throttle_key, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, 0)",
                            key, next.count(), next.windowStart(), next.lockedUntil(), next.locks(), next.lastFailure());
                    return next;
                } catch (DuplicateKeyException another) {
                    continue; // another node counted first: count on its row
                }
            }
            int updated = jdbc.update("UPDATE login_throttle SET failures = ?, window_start = ?, locked_until = ?, locks = ?, last_failure = ?,"
                            + " version = version + 1 WHERE throttle_key = ? AND version = ?",
                    next.count(), next.windowStart(), next.lockedUntil(), next.locks(), next.lastFailure(), key, row.get().version());
            if (updated == 1) return next;
        }
        throw new IllegalStateException("login_throttle row " + key + " kept changing under 20 attempts to count a failure");
    }

    private Optional<Row> read(String key) {
        List<Row> rows = jdbc.query("SELECT " + COLUMNS + " FROM login_throttle WHERE throttle_key = ?",
                (rs, i) -> new Row(new Failures(rs.getInt("failures"), rs.getLong("window_start"), rs.getLong("locked_until"),
                        rs.getInt("locks"), rs.getLong("last_failure")), rs.getInt("version")), key);
        return rows.stream().findFirst();
    }

    /** User ids compare without case: MySQL's default collations find {@code Carla} as {@code carla}. */
    static String userKey(String user) {
        String name = user == null ? "" : user.strip().toLowerCase(Locale.ROOT);
        return "user:" + (name.length() > KEY_LENGTH ? name.substring(0, KEY_LENGTH) : name);
    }

    static String addressKey(String address) {
        String a = address == null ? "unknown" : address;
        return "address:" + (a.length() > KEY_LENGTH ? a.substring(0, KEY_LENGTH) : a);
    }
}
