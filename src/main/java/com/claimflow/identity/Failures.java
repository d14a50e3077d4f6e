package com.claimflow.identity;

import java.time.Duration;
import java.time.Instant;

/**
 * The failed logins of one user name or one client address, and the throttle's rule over them. Only failures the
 * password was checked for count: a refused attempt neither counts nor lengthens a lock, so guessing cannot keep a
 * lock going past its own end.
 *
 * @param count       failures in the current window
 * @param windowStart when the current window began (epoch millis; 0: no window)
 * @param lockedUntil until when logins are refused (epoch millis)
 * @param locks       locks in a row, each twice as long as the one before; forgotten after {@code maxLock} without a
 *                    failure or a lock
 * @param lastFailure the latest failure (epoch millis)
 */
public record Failures(int count, long windowStart, long lockedUntil, int locks, long lastFailure) {
    public static final Failures NONE = new Failures(0, 0, 0, 0, 0);

    /** How long logins stay refused from {@code now}; zero when they are not. */
    public Duration lockedFor(Instant now) {
        return Duration.ofMillis(Math.max(0, lockedUntil - now.toEpochMilli()));
    }

    public Failures after(Instant now, LoginSettings.Limit limit) {
        long t = now.toEpochMilli();
        int lockRun = t - Math.max(lastFailure, lockedUntil) >= limit.maxLock().toMillis() ? 0 : locks;
        boolean newWindow = windowStart == 0 || t - windowStart >= limit.window().toMillis();
        int failures = newWindow ? 1 : count + 1;
        if (failures >= limit.failures()) {
            long lock = Math.min(limit.lock().toMillis() << Math.min(lockRun, 30), limit.maxLock().toMillis());
            return new Failures(0, 0, t + lock, lockRun + 1, t);
        }
        return new Failures(failures, newWindow ? t : windowStart, lockedUntil, lockRun, t);
    }

    /** True when this record no longer changes anything: no lock, and its window and lock run are over. */
    public boolean forgotten(Instant now, LoginSettings.Limit limit) {
        long t = now.toEpochMilli();
        return lockedUntil <= t && t - Math.max(lastFailure, lockedUntil) >= Math.max(limit.window().toMillis(), limit.maxLock().toMillis());
    }
}
