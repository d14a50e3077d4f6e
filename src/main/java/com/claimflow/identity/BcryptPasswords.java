package com.claimflow.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Camunda stores new and changed passwords as bcrypt ({@code {BCRYPT}$2a$10$...} in ACT_ID_USER.PWD_); the SHA-512
 * hashes of older users still verify through Camunda's own checker, chosen by the hash's prefix, and the login
 * provider re-saves them as bcrypt at their next successful login.
 */
@Component
public class BcryptPasswords extends AbstractProcessEnginePlugin {
    public static final String ALGORITHM = "BCRYPT";

    private final Encryptor encryptor;
    private final String unknownUsersHash;

    public BcryptPasswords(LoginSettings settings) {
        this.encryptor = new Encryptor(settings.bcryptStrength());
        this.unknownUsersHash = encryptor.encrypt("no user has this hash");
    }

    /** Spends a password check's time on a user name that does not exist, so the answer's timing does not tell. */
    public void checkForUnknownUser(String password) {
        encryptor.check(password == null ? "" : password, unknownUsersHash);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setPasswordEncryptor(encryptor);
    }

    /** True for a stored hash (with its prefix) that is not bcrypt: the login upgrades it. */
    public static boolean isOutdated(String storedHash) {
        return storedHash != null && !storedHash.startsWith("{" + ALGORITHM + "}");
    }

    /**
     * Bcrypt of the SHA-256 of Camunda's salted password, in Base64: bcrypt reads at most 72 bytes, and Camunda appends
     * its own salt, so without the digest the end of a long password and the salt would not count.
     */
    static final class Encryptor implements PasswordEncryptor {
        private final BCryptPasswordEncoder bcrypt;

        Encryptor(int strength) {
            this.bcrypt = new BCryptPasswordEncoder(strength);
        }

        @Override
        public String encrypt(String password) {
            return bcrypt.encode(digest(password));
        }

        @Override
        public boolean check(String password, String encrypted) {
            return bcrypt.matches(digest(password), encrypted);
        }

        @Override
        public String hashAlgorithmName() {
            return ALGORITHM;
        }

        private static String digest(String password) {
            try {
                byte[] sha = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
                return Base64.getEncoder().encodeToString(sha);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }
    }
}
