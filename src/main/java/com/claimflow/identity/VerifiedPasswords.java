package com.claimflow.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Passwords checked a moment ago, so the API's HTTP Basic (every request a login) does not pay bcrypt each time. An
 * entry holds a keyed hash of the password under a key made at start and never stored, and the stored hash it was
 * checked against: a password changed on any node no longer matches. Entries last {@code claimflow.identity.verified-for}.
 */
@Component
public class VerifiedPasswords {
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(String storedHash, byte[] mac, long expiresAt) {
    }

    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final SecretKeySpec key;
    private final long ttlMillis;
    private final Clock clock;

    public VerifiedPasswords(LoginSettings settings, Optional<Clock> clock) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.ttlMillis = settings.verifiedFor().toMillis();
        this.clock = clock.orElse(Clock.systemUTC());
    }

    public boolean verified(String user, String storedHash, String password) {
        Entry e = entries.get(user);
        if (e == null || storedHash == null) return false;
        if (e.expiresAt() <= clock.millis()) {
            entries.remove(user, e);
            return false;
        }
        return e.storedHash().equals(storedHash) && MessageDigest.isEqual(e.mac(), mac(user, password));
    }

    public void remember(String user, String storedHash, String password) {
        if (ttlMillis <= 0 || storedHash == null) return;
        if (entries.size() >= MAX_ENTRIES) entries.clear();
        entries.put(user, new Entry(storedHash, mac(user, password), clock.millis() + ttlMillis));
    }

    public void forget(String user) {
        entries.remove(user);
    }

    private byte[] mac(String user, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(user.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
