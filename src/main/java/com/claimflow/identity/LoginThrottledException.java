package com.claimflow.identity;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A login refused before its password was checked: too many failures for the user name or the client address. */
public class LoginThrottledException extends AuthenticationException {
    private final Duration retryAfter;

    public LoginThrottledException(Duration retryAfter) {
        super("Too many failed logins: try again in " + seconds(retryAfter) + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, rounded up, at least one: the value of a Retry-After header (RFC 9110 section 10.2.3). */
    public static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
