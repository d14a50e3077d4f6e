package com.claimflow.identity.api;

import com.claimflow.audit.AuditService;
import com.claimflow.base.NotFoundException;
import com.claimflow.identity.BcryptPasswords;
import com.claimflow.identity.Failures;
import com.claimflow.identity.LoginThrottle;
import com.claimflow.identity.LoginThrottledException;
import com.claimflow.identity.VerifiedPasswords;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Why someone cannot log in, and the unlock, for admins.
 * <ul>
 *   <li>{@code GET /api/admin/users/{id}/login-state}: the throttle's failures and lock for the user, Camunda's own
 *   counter and lock, and the algorithm of the stored password hash.</li>
 *   <li>{@code POST /api/admin/users/{id}/unlock}: clears both locks (audited as {@code USER_UNLOCKED}); answers the
 *   state after it.</li>
 *   <li>{@code POST /api/admin/login-addresses/{address}/unlock}: clears the lock of a client address, e.g. an office
 *   behind one address (audited as {@code LOGIN_ADDRESS_UNLOCKED}).</li>
 * </ul>
 * An unknown user is 404.
 */
@RestController
@RequestMapping("/api/admin")
@PreAuthorize("hasRole('ADMINS')")
public class UserLoginController {
    public static final String USER_UNLOCKED = "USER_UNLOCKED";
    public static final String LOGIN_ADDRESS_UNLOCKED = "LOGIN_ADDRESS_UNLOCKED";

    /**
     * @param throttledForSeconds 0 unless the throttle refuses the user now
     * @param recentFailures      failures in the throttle's current window
     * @param locksInARow         the throttle's locks in a row (each twice as long as the one before)
     * @param engineFailedAttempts Camunda's own counter, which the product does not let lock anyone
     * @param engineLockedUntil   Camunda's own lock, lifted at the next login the throttle lets through
     * @param passwordHash        the stored hash's algorithm: BCRYPT, or SHA-512 until the next login upgrades it
     */
    public record LoginState(String user, long throttledForSeconds, Instant throttledUntil, int recentFailures, int locksInARow,
                             Instant lastFailure, int engineFailedAttempts, Instant engineLockedUntil, String passwordHash) {
    }

    public record AddressState(String address, long throttledForSeconds, int recentFailures, int locksInARow) {
    }

    private final IdentityService identity;
    private final LoginThrottle throttle;
    private final VerifiedPasswords verified;
    private final AuditService audit;
    private final Clock clock;

    public UserLoginController(IdentityService identity, LoginThrottle throttle, VerifiedPasswords verified, AuditService audit,
                               Optional<Clock> clock) {
        this.identity = identity;
        this.throttle = throttle;
        this.verified = verified;
        this.audit = audit;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @GetMapping("/users/{id}/login-state")
    public LoginState state(@PathVariable String id) {
        return state(user(id));
    }

    @PostMapping("/users/{id}/unlock")
    public LoginState unlock(@PathVariable String id, Principal admin) {
        UserEntity user = user(id);
        LoginState before = state(user);
        throttle.clearUser(user.getId());
        identity.unlockUser(user.getId());
        verified.forget(user.getId());
        audit.record(admin.getName(), USER_UNLOCKED, null, null, "user=" + user.getId() + " throttledFor=" + before.throttledForSeconds()
                + "s recentFailures=" + before.recentFailures() + " engineFailedAttempts=" + before.engineFailedAttempts());
        return state(user(id));
    }

    @PostMapping("/login-addresses/{address}/unlock")
    public AddressState unlockAddress(@PathVariable String address, Principal admin) {
        Failures before = throttle.ofAddress(address);
        throttle.clearAddress(address);
        audit.record(admin.getName(), LOGIN_ADDRESS_UNLOCKED, null, null, "address=" + address + " throttledFor="
                + before.lockedFor(clock.instant()).toSeconds() + "s recentFailures=" + before.count());
        return new AddressState(address, 0, 0, 0);
    }

    private UserEntity user(String id) {
        UserEntity user = (UserEntity) identity.createUserQuery().userId(id).singleResult();
        if (user == null) throw new NotFoundException("no user " + id + ": check the id in Camunda Admin's user list");
        return user;
    }

    private LoginState state(UserEntity user) {
        Instant now = clock.instant();
        Failures f = throttle.ofUser(user.getId());
        long throttled = f.lockedFor(now).isZero() ? 0 : LoginThrottledException.seconds(f.lockedFor(now));
        String stored = user.getPassword();
        String algorithm = stored == null ? null : !BcryptPasswords.isOutdated(stored) ? BcryptPasswords.ALGORITHM
                : stored.startsWith("{") && stored.indexOf('}') > 0 ? stored.substring(1, stored.indexOf('}')) : "unknown";
        return new LoginState(user.getId(), throttled, f.lockedUntil() == 0 ? null : Instant.ofEpochMilli(f.lockedUntil()), f.count(), f.locks(),
                f.lastFailure() == 0 ? null : Instant.ofEpochMilli(f.lastFailure()), user.getAttempts(),
                user.getLockExpirationTime() == null ? null : user.getLockExpirationTime().toInstant(), algorithm);
    }
}
