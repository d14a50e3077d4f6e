package com.claimflow.identity;

import com.claimflow.audit.AuditService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Logs people in against Camunda's identity service (bcrypt hashes in ACT_ID_USER), so the UI, the API and Cockpit
 * share one set of users. Each Camunda group becomes a role: {@code coders} is {@code ROLE_CODERS}.
 * <p>
 * The throttle ({@link LoginThrottle}) answers first: a locked user name or client address is refused without its
 * password being checked, so the answer is the same whether the guess was right. Camunda's own lock has no say: its
 * settings are neutralised (config/application.yml) and a lock left from before is lifted once the throttle lets a
 * login through. Every failure is audited; successes are audited for the UI's form login, and for the API's HTTP Basic
 * (a login on every request) only when the password is actually checked, at most once per
 * {@code claimflow.identity.verified-for} per user and node, so the trail shows API use without a row per request.
 */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {
    public static final String LOGIN_SUCCEEDED = "LOGIN_SUCCEEDED";
    public static final String LOGIN_FAILED = "LOGIN_FAILED";
    public static final String LOGIN_THROTTLED = "LOGIN_THROTTLED";
    private static final Logger log = LoggerFactory.getLogger(CamundaIdentityAuthenticationProvider.class);
    private static final int ACTOR_LENGTH = 64; // audit_event.actor
    private static final String OUTCOME = CamundaIdentityAuthenticationProvider.class.getName() + ".failure";

    private record Outcome(Authentication attempt, AuthenticationException failure) {
    }

    private final IdentityService identity;
    private final ProcessEngineConfiguration engine;
    private final LoginThrottle throttle;
    private final VerifiedPasswords verified;
    private final AuditService audit;
    private final BcryptPasswords passwords;

    public CamundaIdentityAuthenticationProvider(IdentityService identity, ProcessEngineConfiguration engine, LoginThrottle throttle,
                                                 VerifiedPasswords verified, AuditService audit, BcryptPasswords passwords) {
        this.passwords = passwords;
        this.identity = identity;
        this.engine = engine;
        this.throttle = throttle;
        this.verified = verified;
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        ServletRequestAttributes request = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a ? a : null;
        // a chain's ProviderManager asks its parent (holding this provider too) again after a failure: count it once
        if (request != null && request.getAttribute(OUTCOME, RequestAttributes.SCOPE_REQUEST) instanceof Outcome o && o.attempt() == authentication) {
            throw o.failure();
        }
        try {
            return check(authentication, request);
        } catch (AuthenticationException e) {
            if (request != null) request.setAttribute(OUTCOME, new Outcome(authentication, e), RequestAttributes.SCOPE_REQUEST);
            throw e;
        }
    }

    private Authentication check(Authentication authentication, ServletRequestAttributes request) {
        String tried = authentication.getName();
        String password = authentication.getCredentials() == null ? null : authentication.getCredentials().toString();
        String address = clientAddress(authentication, request);
        String channel = channel(request);
        String where = "address=" + address + " channel=" + channel;

        Optional<LoginThrottle.Refusal> refusal = throttle.refusal(tried, address);
        if (refusal.isPresent()) {
            long seconds = LoginThrottledException.seconds(refusal.get().retryAfter());
            audit.record(actor(tried), LOGIN_THROTTLED, null, null, where + " locked=" + refusal.get().reason() + " retryAfter=" + seconds + "s");
            // the API's entry point answers 401 or 429 by itself; this header tells a client when to come back either way
            HttpServletResponse response = request == null ? null : request.getResponse();
            if (response != null && !response.isCommitted()) response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            throw new LoginThrottledException(refusal.get().retryAfter());
        }
        if (tried == null || tried.isBlank() || password == null || password.isEmpty()) {
            throw failed(tried, address, where, "no user name or no password");
        }
        UserEntity user = (UserEntity) identity.createUserQuery().userId(tried.strip()).singleResult();
        if (user == null) {
            passwords.checkForUnknownUser(password);
            throw failed(tried, address, where, "unknown user");
        }
        String id = user.getId();
        if (verified.verified(id, user.getPassword(), password)) {
            if (!"api".equals(channel)) audit.record(id, LOGIN_SUCCEEDED, null, null, where);
            return new UsernamePasswordAuthenticationToken(id, null, authorities(id));
        }
        liftEngineLock(user);
        if (!identity.checkPassword(id, password)) {
            throw failed(tried, address, where, "wrong password");
        }
        String stored = upgradeHash(id, user.getPassword(), password);
        verified.remember(id, stored, password);
        audit.record(id, LOGIN_SUCCEEDED, null, null, where);
        return new UsernamePasswordAuthenticationToken(id, null, authorities(id));
    }

    public List<GrantedAuthority> authorities(String user) {
        return identity.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId)
                .map(Roles::of)
                .<GrantedAuthority>map(SimpleGrantedAuthority::new)
                .toList();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private BadCredentialsException failed(String tried, String address, String where, String reason) {
        boolean locked = throttle.failed(tried, address);
        audit.record(actor(tried), LOGIN_FAILED, null, null, where + " reason=" + reason + (locked ? " now locked" : ""));
        return new BadCredentialsException("Wrong user name or password");
    }

    /** Camunda refuses a user it locked even with the right password; the product's throttle decides instead. */
    private void liftEngineLock(UserEntity user) {
        Date lockedUntil = user.getLockExpirationTime();
        int maxAttempts = ((ProcessEngineConfigurationImpl) engine).getLoginMaxAttempts();
        if (user.getAttempts() >= maxAttempts || (lockedUntil != null && lockedUntil.after(ClockUtil.getCurrentTime()))) {
            log.info("Lifting Camunda's own lock on user {} ({} failed attempts): the login throttle governs logins", user.getId(), user.getAttempts());
            identity.unlockUser(user.getId());
        }
    }

    /** Re-saves a password stored with an older hash (SHA-512) as bcrypt; the hash now stored. */
    private String upgradeHash(String id, String storedHash, String password) {
        if (!BcryptPasswords.isOutdated(storedHash)) return storedHash;
        try {
            User user = identity.createUserQuery().userId(id).singleResult(); // fresh: the check may have changed the row
            user.setPassword(password);
            identity.saveUser(user);
            log.info("Password of user {} re-hashed with bcrypt", id);
            return user.getPassword();
        } catch (RuntimeException e) {
            // a login of the same user on another node may have upgraded it first; the next login tries again if not
            log.warn("Could not re-hash the password of user {} with bcrypt: {}", id, e.toString());
            return null;
        }
    }

    /**
     * The address the request came from. X-Forwarded-For counts only when the server is configured to trust its proxies
     * ({@code server.forward-headers-strategy}), which then sets the request's remote address itself.
     */
    private static String clientAddress(Authentication authentication, ServletRequestAttributes request) {
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
        if (address == null && request != null) address = request.getRequest().getRemoteAddr();
        return address == null ? "unknown" : cut(address.replaceAll("\\p{Cntrl}", "?"), 64);
    }

    private static String channel(ServletRequestAttributes request) {
        if (request == null) return "other";
        HttpServletRequest r = request.getRequest();
        String path = r.getRequestURI().substring(r.getContextPath().length());
        return path.startsWith("/api/") ? "api" : "ui";
    }

    /** The user name tried, as an audit actor: control characters out, cut to the column. */
    static String actor(String tried) {
        if (tried == null || tried.isBlank()) return "(none)";
        String clean = tried.strip().replaceAll("\\p{Cntrl}", "?");
        return cut(clean, ACTOR_LENGTH);
    }

    /** At most {@code length} chars, never splitting a surrogate pair, with an ellipsis where it was cut. */
    static String cut(String s, int length) {
        if (s.length() <= length) return s;
        int end = length - 1;
        if (Character.isHighSurrogate(s.charAt(end - 1))) end--;
        return s.substring(0, end) + "…";
    }
}
