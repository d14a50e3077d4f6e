package com.claimflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The throttle's rule, on a clock the test moves. */
class FailuresTest {
    private static final LoginSettings.Limit LIMIT = new LoginSettings.Limit(5, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofMinutes(15));
    private Instant now = Instant.parse("2026-12-06T09:00:00Z");

    private Failures fail(Failures f, int times) {
        for (int i = 0; i < times; i++) {
            f = f.after(now, LIMIT);
            now = now.plusSeconds(1);
        }
        return f;
    }

    @Test
    void fourFailuresDoNotLockAndTheFifthLocksForAMinute() {
        Failures f = fail(Failures.NONE, 4);
        assertThat(f.lockedFor(now)).isZero();
        assertThat(f.count()).isEqualTo(4);
        f = f.after(now, LIMIT);
        assertThat(f.lockedFor(now)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aLockEndsByItself() {
        Failures f = fail(Failures.NONE, 5);
        now = Instant.ofEpochMilli(f.lastFailure()).plusSeconds(59);
        assertThat(f.lockedFor(now)).isPositive();
        now = now.plusSeconds(1);
        assertThat(f.lockedFor(now)).isZero();
    }

    @Test
    void failuresSpreadWiderThanTheWindowNeverLock() {
        Failures f = Failures.NONE;
        for (int i = 0; i < 50; i++) {
            f = f.after(now, LIMIT);
            assertThat(f.lockedFor(now)).isZero();
            now = now.plus(Duration.ofMinutes(4)); // four failures per window at most
        }
    }

    @Test
    void locksInARowDoubleUpToTheMaximum() {
        Failures f = Failures.NONE;
        for (long expected : new long[] {1, 2, 4, 8, 15, 15}) {
            f = fail(f, 4);
            f = f.after(now, LIMIT);
            assertThat(f.lockedFor(now)).isEqualTo(Duration.ofMinutes(expected));
            now = Instant.ofEpochMilli(f.lockedUntil()); // the guesser comes back the moment the lock ends
        }
    }

    @Test
    void aQuietSpellAsLongAsTheLongestLockForgetsTheLocksInARow() {
        Failures f = fail(Failures.NONE, 5);
        now = Instant.ofEpochMilli(f.lockedUntil());
        f = fail(f, 5);
        assertThat(f.locks()).isEqualTo(2);
        now = Instant.ofEpochMilli(f.lockedUntil()).plus(LIMIT.maxLock());
        f = fail(f, 5);
        assertThat(f.locks()).isEqualTo(1);
        assertThat(f.lockedFor(Instant.ofEpochMilli(f.lastFailure()))).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void guessingWithoutPauseDeniesTheUserForNoLongerThanTheMaximumLockAtATime() {
        // a guess a second for a day from any number of addresses; refused guesses are not counted (LoginThrottle)
        Failures f = Failures.NONE;
        Instant end = now.plus(Duration.ofDays(1));
        long longestLock = 0;
        int counted = 0;
        while (now.isBefore(end)) {
            if (f.lockedFor(now).isZero()) {
                Failures next = f.after(now, LIMIT);
                counted++;
                longestLock = Math.max(longestLock, next.lockedFor(now).toMillis());
                f = next;
            }
            now = now.plusSeconds(1);
        }
        assertThat(Duration.ofMillis(longestLock)).isEqualTo(LIMIT.maxLock());
        // and the guesses that reached a password check stay few: five per lock
        assertThat(counted).isLessThanOrEqualTo(5 * (24 * 4 + 4));
    }

    @Test
    void aRowIsForgottenOnceItsLockAndWindowAreOver() {
        Failures f = fail(Failures.NONE, 5);
        assertThat(f.forgotten(now, LIMIT)).isFalse();
        now = Instant.ofEpochMilli(f.lockedUntil()).plus(Duration.ofMinutes(14));
        assertThat(f.forgotten(now, LIMIT)).isFalse();
        now = now.plus(Duration.ofMinutes(1));
        assertThat(f.forgotten(now, LIMIT)).isTrue();
    }
}
