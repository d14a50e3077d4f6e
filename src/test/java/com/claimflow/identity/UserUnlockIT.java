package com.claimflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** An admin sees why a user cannot log in and unlocks them; nobody else can. */
class UserUnlockIT extends LoginTestBase {

    @Test
    void anAdminSeesTheLockAndUnlocksTheUserWhoThenLogsInAtOnce() {
        String carla = newCoder();
        lockByGuessing(carla);
        assertThat(basic(carla, PASSWORD, newAddress()).getStatusCode()).isNotEqualTo(HttpStatus.OK);

        ResponseEntity<String> state = as("adam").getForEntity("/api/admin/users/" + carla + "/login-state", String.class);
        assertThat(state.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(JsonPath.<Integer>read(state.getBody(), "$.throttledForSeconds")).isPositive();
        assertThat(JsonPath.<Integer>read(state.getBody(), "$.locksInARow")).isEqualTo(1);
        assertThat(JsonPath.<String>read(state.getBody(), "$.passwordHash")).isEqualTo("BCRYPT");

        ResponseEntity<String> unlock = as("adam").postForEntity("/api/admin/users/" + carla + "/unlock", null, String.class);
        assertThat(unlock.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(JsonPath.<Integer>read(unlock.getBody(), "$.throttledForSeconds")).isZero();
        assertThat(basic(carla, PASSWORD, newAddress()).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(lastDetail("adam", "USER_UNLOCKED")).contains("user=" + carla).contains("throttledFor=");
    }

    @Test
    void anAdminUnlocksAClientAddress() {
        String office = newAddress();
        for (int i = 0; i < 10; i++) basic("nobody" + i, "guess", office);
        String carla = newCoder();
        assertThat(basic(carla, PASSWORD, office).getStatusCode()).isNotEqualTo(HttpStatus.OK);
        assertThat(as("adam").postForEntity("/api/admin/login-addresses/" + office + "/unlock", null, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(basic(carla, PASSWORD, office).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(lastDetail("adam", "LOGIN_ADDRESS_UNLOCKED")).contains("address=" + office);
    }

    @Test
    void anUnknownUserIsNotFound() {
        assertThat(as("adam").postForEntity("/api/admin/users/nosuchuser/unlock", null, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as("adam").getForEntity("/api/admin/users/nosuchuser/login-state", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void coderAndLeadCannotUnlockOrLook() {
        String carla = newCoder();
        lockByGuessing(carla);
        for (String user : new String[] {"carla", "bella", "lena", "cora"}) {
            assertThat(as(user).postForEntity("/api/admin/users/" + carla + "/unlock", null, String.class).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(as(user).getForEntity("/api/admin/users/" + carla + "/login-state", String.class).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(http.postForEntity("/api/admin/users/" + carla + "/unlock", null, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(basic(carla, PASSWORD, newAddress()).getStatusCode()).isNotEqualTo(HttpStatus.OK);
    }
}
