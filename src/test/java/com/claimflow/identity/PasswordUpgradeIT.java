package com.claimflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.impl.digest.Sha512HashDigest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Passwords are stored as bcrypt; a SHA-512 hash from before still logs in and is replaced by bcrypt at that login. */
class PasswordUpgradeIT extends LoginTestBase {

    private String storedHash(String user) {
        return jdbc.queryForObject("SELECT PWD_ FROM ACT_ID_USER WHERE ID_ = ?", String.class, user);
    }

    @Test
    void aNewUsersPasswordIsStoredAsBcrypt() {
        String carla = newCoder();
        assertThat(storedHash(carla)).startsWith("{BCRYPT}$2a$");
        assertThat(basic(carla, PASSWORD, newAddress()).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aSha512PasswordLogsInAndIsStoredAsBcryptAfterwards() {
        String carla = newCoder();
        // the hash Camunda's default encryptor (7.7 on) stores: SHA-512 of the password followed by the user's salt
        String salt = jdbc.queryForObject("SELECT SALT_ FROM ACT_ID_USER WHERE ID_ = ?", String.class, carla);
        jdbc.update("UPDATE ACT_ID_USER SET PWD_ = ? WHERE ID_ = ?", "{SHA-512}" + new Sha512HashDigest().encrypt(PASSWORD + salt), carla);
        assertThat(storedHash(carla)).startsWith("{SHA-512}");

        assertThat(basic(carla, "not it", newAddress()).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(storedHash(carla)).startsWith("{SHA-512}");
        assertThat(basic(carla, PASSWORD, newAddress()).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(storedHash(carla)).startsWith("{BCRYPT}$2a$");
        assertThat(identity.checkPassword(carla, PASSWORD)).isTrue();
        assertThat(identity.checkPassword(carla, "not it")).isFalse();
    }

    @Test
    void aChangedPasswordIsTakenAtOnceAndTheOldOneNoLonger() {
        String carla = newCoder();
        assertThat(basic(carla, PASSWORD, newAddress()).getStatusCode()).isEqualTo(HttpStatus.OK); // now in the checked-password cache
        var user = identity.createUserQuery().userId(carla).singleResult();
        user.setPassword("a new one 8");
        identity.saveUser(user);
        assertThat(basic(carla, PASSWORD, newAddress()).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(basic(carla, "a new one 8", newAddress()).getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
