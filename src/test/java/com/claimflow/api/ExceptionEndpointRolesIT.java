package com.claimflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.intake.EncounterService;
import com.claimflow.support.ApiTestBase;
import com.claimflow.support.Encounters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Who may call the calls that work an encounter's exceptions, role by role (coder carla, biller bella, lead lena,
 * compliance cora, admin adam, and nobody signed in), and that a call its role may make answers bad input with a 4xx
 * naming the field, never a 500.
 */
class ExceptionEndpointRolesIT extends ApiTestBase {
    private static final List<String> PEOPLE = List.of("carla", "bella", "lena", "cora", "adam");

    @Autowired EncounterService encounters;

    private ResponseEntity<String> call(String user, HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        HttpEntity<String> body = new HttpEntity<>(json, headers);
        return (user == null ? http : as(user)).exchange(path, method, body, String.class);
    }

    private void onlyThese(HttpMethod method, String path, String json, List<String> allowed) {
        assertThat(call(null, method, path, json).getStatusCode()).as("anonymous %s %s", method, path).isEqualTo(HttpStatus.UNAUTHORIZED);
        for (String user : PEOPLE) {
            ResponseEntity<String> r = call(user, method, path, json);
            if (allowed.contains(user)) {
                assertThat(r.getStatusCode().value()).as("%s %s %s: %s", user, method, path, r.getBody()).isNotEqualTo(403).isLessThan(500);
            } else {
                assertThat(r.getStatusCode()).as("%s %s %s", user, method, path).isEqualTo(HttpStatus.FORBIDDEN);
            }
        }
    }

    @Test
    void eachCallIsOpenToItsRolesOnly() {
        long id = encounters.open(Encounters.visit().request()).id();
        String e = "/api/encounters/" + id;
        onlyThese(HttpMethod.POST, e + "/payment-plan", "{\"monthlyAmount\": 10.00, \"firstDueDate\": \"2099-01-01\"}", List.of("bella", "lena"));
        onlyThese(HttpMethod.POST, e + "/void", "{\"reason\": \"sent to the wrong payer\"}", List.of("bella", "lena"));
        onlyThese(HttpMethod.POST, e + "/appeal-decision", "{\"decision\": \"UPHELD\", \"note\": \"letter of 1 Dec\"}", List.of("bella", "lena"));
        onlyThese(HttpMethod.POST, e + "/provider-answer", "{\"answer\": \"left knee\"}", List.of("carla", "lena"));
        onlyThese(HttpMethod.POST, e + "/close", "{\"kind\": \"NOT_BILLABLE\", \"reasonCode\": \"NO_DOCUMENTATION\", \"note\": \"none\"}", List.of("lena"));
        onlyThese(HttpMethod.GET, e + "/timeline", null, PEOPLE);
        onlyThese(HttpMethod.GET, "/api/documents?encounterId=" + id, null, PEOPLE);
    }

    @Test
    void badInputIsA4xxNamingTheField() {
        long id = encounters.open(Encounters.visit().request()).id();
        String e = "/api/encounters/" + id;
        Map<String, String[]> cases = Map.of(
                e + "/payment-plan", new String[] {"bella", "{\"monthlyAmount\": -1, \"firstDueDate\": \"2099-01-01\"}", "monthlyAmount"},
                e + "/void", new String[] {"bella", "{\"reason\": \"never sent\"}", "claim"},
                e + "/close", new String[] {"lena", "{\"kind\": \"NOT_BILLABLE\", \"reasonCode\": \"BECAUSE\", \"note\": \"x\"}", "reasonCode"},
                e + "/patient-payments", new String[] {"bella", "{\"amount\": -5}", "amount"});
        cases.forEach((path, c) -> {
            ResponseEntity<String> r = call(c[0], HttpMethod.POST, path, c[1]);
            assertThat(r.getStatusCode().value()).as("%s: %s", path, r.getBody()).isBetween(400, 499);
            assertThat(r.getBody()).as(path).contains(c[2]);
        });
        ResponseEntity<String> notADate = call("bella", HttpMethod.POST, e + "/payment-plan", "{\"monthlyAmount\": 5, \"firstDueDate\": \"soon\"}");
        assertThat(notADate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notADate.getBody()).contains("firstDueDate");
    }
}
