package com.claimflow.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How logins are checked ({@code claimflow.identity} in config/application.yml, which says why each value is so).
 *
 * @param user           the throttle on one user name, whatever address the guesses come from
 * @param address        the throttle on one client address, whatever user names it tries
 * @param bcryptStrength log2 of bcrypt's rounds for new and changed passwords (4-31)
 * @param verifiedFor    how long a checked password is taken again without hashing it (every API request logs in)
 */
@ConfigurationProperties("claimflow.identity")
public record LoginSettings(@DefaultValue Limit user, @DefaultValue Limit address, @DefaultValue("10") int bcryptStrength,
                            @DefaultValue("PT1M") Duration verifiedFor) {

    /**
     * After {@code failures} failed logins within {@code window}, refuse for {@code lock}, doubling with each lock that
     * follows without a quiet {@code maxLock}, never longer than {@code maxLock}.
     */
    public record Limit(@DefaultValue("5") int failures, @DefaultValue("PT15M") Duration window, @DefaultValue("PT1M") Duration lock,
                        @DefaultValue("PT15M") Duration maxLock) {
        public Limit {
            if (failures < 1) throw new IllegalArgumentException("claimflow.identity.*.failures must be at least 1, e.g. 5");
            if (window.isNegative() || window.isZero() || lock.isNegative() || lock.isZero() || maxLock.compareTo(lock) < 0) {
                throw new IllegalArgumentException("claimflow.identity.*: window and lock must be positive and max-lock at least lock, e.g. PT15M, PT1M, PT15M");
            }
        }
    }
}
