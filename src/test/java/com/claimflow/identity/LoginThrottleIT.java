package com.claimflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Guessing is throttled per client address and per user, the locks end by themselves, and Camunda's own lock never bites. */
class LoginThrottleIT extends LoginTestBase {

    private static void assertRefusedWithRetryAfter(ResponseEntity<String> answer) {
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotNull().matches("[1-9][0-9]*");
    }

    @Test
    void wrongGuessesFromOneAddressLockThatAddressButNotTheUserElsewhere() {
        String carla = newCoder();
        String guesser = newAddress();
        for (int i = 0; i < 10; i++) {
            // ten different user names: only the address limit (10 in the test profile) can lock
            ResponseEntity<String> guess = basic("nobody" + i + UUID.randomUUID(), "guess", guesser);
            assertThat(guess.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(guess.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNull();
        }
        assertRefusedWithRetryAfter(basic(carla, PASSWORD, guesser));
        assertThat(basic(carla, PASSWORD, newAddress()).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void whileThrottledTheRightPasswordGetsTheSameAnswerAsAWrongOne() {
        String carla = newCoder();
        lockByGuessing(carla);
        ResponseEntity<String> right = basic(carla, PASSWORD, newAddress());
        ResponseEntity<String> wrong = basic(carla, "wrong", newAddress());
        assertRefusedWithRetryAfter(right);
        assertRefusedWithRetryAfter(wrong);
        assertThat(right.getStatusCode()).isEqualTo(wrong.getStatusCode());
        assertThat(right.getBody()).isEqualTo(wrong.getBody());
    }

    @Test
    void guessesFromManyAddressesLockTheUserOnlyUntilTheLockEndsByItself() throws Exception {
        String carla = newCoder();
        lockByGuessing(carla);
        assertRefusedWithRetryAfter(basic(carla, PASSWORD, newAddress()));
        long lockedAt = System.nanoTime();
        assertThat(loginOnceTheLockEnds(carla).getStatusCode()).isEqualTo(HttpStatus.OK);
        // the test profile's first lock is two seconds (config/application-test.yml), far shorter than this
        assertThat((System.nanoTime() - lockedAt) / 1_000_000).isLessThan(10_000);
    }

    @Test
    void twoHundredAnonymousGuessesNeverReachCamundasOwnLock() throws Exception {
        String carla = newCoder();
        int guesses = 0;
        while (guesses < 200) basic(carla, "guess" + guesses++, newAddress());
        // then on until more guesses reached the engine than Camunda's default of ten allows
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (audited(carla, "LOGIN_FAILED") <= 12 && System.nanoTime() < deadline) {
            for (int i = 0; i < 10; i++) basic(carla, "guess" + guesses++, newAddress());
            Thread.sleep(200);
        }
        assertThat(guesses).isGreaterThanOrEqualTo(200);
        assertThat(audited(carla, "LOGIN_FAILED")).isGreaterThan(12);
        assertThat(audited(carla, "LOGIN_THROTTLED")).isPositive();
        assertThat(loginOnceTheLockEnds(carla).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(jdbc.queryForObject("SELECT ATTEMPTS_ FROM ACT_ID_USER WHERE ID_ = ?", Integer.class, carla)).isZero();
    }

    @Test
    void aUserCamundaLockedBeforeLogsInWithTheRightPassword() {
        String carla = newCoder();
        // what ten failures left under Camunda's own rules: permanently locked
        jdbc.update("UPDATE ACT_ID_USER SET ATTEMPTS_ = 10, LOCK_EXP_TIME_ = ? WHERE ID_ = ?",
                java.sql.Timestamp.from(java.time.Instant.now().plusSeconds(3600)), carla);
        assertThat(basic(carla, "wrong", newAddress()).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(basic(carla, PASSWORD, newAddress()).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(jdbc.queryForObject("SELECT ATTEMPTS_ FROM ACT_ID_USER WHERE ID_ = ?", Integer.class, carla)).isZero();
    }

    @Test
    void rowsThatNoLongerChangeAnythingArePurgedAndTheOthersKept(@Autowired LoginThrottle throttle) {
        long now = System.currentTimeMillis();
        long hourAgo = now - 3_600_000;
        jdbc.update("INSERT INTO login_throttle (throttle_key, failures, window_start, locked_until, locks, last_failure, version)"
                + " VALUES ('user:gone', 3, ?, 0, 0, ?, 0), ('user:kept', 3, ?, 0, 0, ?, 0)", hourAgo, hourAgo, now, now);
        throttle.purge();
        assertThat(jdbc.queryForList("SELECT throttle_key FROM login_throttle WHERE throttle_key IN ('user:gone', 'user:kept')", String.class))
                .containsExactly("user:kept");
    }

    @Test
    void failuresCountedAtOnceFromManyThreadsAreNoneLost(@Autowired LoginThrottle throttle) throws Exception {
        // as two nodes would: the compare-and-set on the row's version makes every failure count
        String address = newAddress();
        ExecutorService pool = Executors.newFixedThreadPool(9);
        try {
            List<Future<Boolean>> counted = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                String user = "nobody" + i;
                counted.add(pool.submit(() -> throttle.failed(user, address)));
            }
            for (Future<Boolean> f : counted) assertThat(f.get()).isFalse();
        } finally {
            pool.shutdown();
        }
        assertThat(throttle.ofAddress(address).count()).isEqualTo(9);
        assertThat(throttle.failed("nobody9", address)).isTrue(); // the tenth locks (config/application-test.yml)
    }

    @Test
    void theDemoUsersLogInWithTheirPassword() {
        for (Object[] user : com.claimflow.demo.DemoUsers.USERS) {
            assertThat(as((String) user[0]).getForEntity("/api/tasks/mine", String.class).getStatusCode()).as((String) user[0]).isEqualTo(HttpStatus.OK);
        }
    }
}
