package com.claimflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BcryptPasswordsTest {
    private final BcryptPasswords.Encryptor bcrypt = new BcryptPasswords.Encryptor(4);

    @Test
    void aPasswordChecksAgainstItsOwnSaltedHashOnly() {
        String hash = bcrypt.encrypt("saltdemo");
        assertThat(hash).startsWith("$2a$04$");
        assertThat(bcrypt.encrypt("saltdemo")).isNotEqualTo(hash); // bcrypt salts every hash
        assertThat(bcrypt.check("saltdemo", hash)).isTrue();
        assertThat(bcrypt.check("saltdem0", hash)).isFalse();
    }

    @Test
    void theEndOfAPasswordLongerThanBcryptsSeventyTwoBytesCounts() {
        String longPassword = "x".repeat(100);
        String hash = bcrypt.encrypt(longPassword + "1");
        assertThat(bcrypt.check(longPassword + "1", hash)).isTrue();
        assertThat(bcrypt.check(longPassword + "2", hash)).isFalse();
    }

    @Test
    void onlyBcryptHashesCountAsCurrent() {
        assertThat(BcryptPasswords.isOutdated("{SHA-512}abc")).isTrue();
        assertThat(BcryptPasswords.isOutdated("{BCRYPT}$2a$10$abc")).isFalse();
    }
}
