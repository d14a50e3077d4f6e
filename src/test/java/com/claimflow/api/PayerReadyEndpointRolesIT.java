package com.claimflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.support.ApiTestBase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue #15's calls role by role (coder carla, biller bella, lead lena, compliance cora, admin adam, and nobody signed
 * in), and bad input answered with a 4xx naming the field.
 */
class PayerReadyEndpointRolesIT extends ApiTestBase {
    private static final List<String> PEOPLE = List.of("carla", "bella", "lena", "cora", "adam");

    private void onlyThese(String path, List<String> allowed) {
        assertThat(http.getForEntity(path, String.class).getStatusCode()).as("anonymous %s", path).isEqualTo(HttpStatus.UNAUTHORIZED);
        for (String user : PEOPLE) {
            ResponseEntity<String> r = as(user).getForEntity(path, String.class);
            if (allowed.contains(user)) assertThat(r.getStatusCode()).as("%s %s: %s", user, path, r.getBody()).isEqualTo(HttpStatus.OK);
            else assertThat(r.getStatusCode()).as("%s %s", user, path).isEqualTo(HttpStatus.FORBIDDEN);
        }
    }

    @Test
    void insuranceReceivablesAreForBillersLeadsComplianceAndAdmins() {
        onlyThese("/api/receivables/insurance", List.of("bella", "lena", "cora", "adam"));
        onlyThese("/api/receivables/insurance/claims", List.of("bella", "lena", "cora", "adam"));
        ResponseEntity<String> r = as("lena").getForEntity("/api/receivables/insurance?payerId=BCBS", String.class);
        assertThat(r.getBody()).contains("\"buckets\":[\"0-30\",\"31-60\",\"61-90\",\"91-120\",\"over 120\"]").contains("\"payers\"");
    }

    @Test
    void aPayerIdThatCannotBeOneIsA400NamingIt() {
        ResponseEntity<String> r = as("bella").getForEntity("/api/receivables/insurance?payerId=" + "X".repeat(21), String.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r.getBody()).contains("payerId");
        r = as("bella").getForEntity("/api/receivables/insurance/claims?payerId=" + "X".repeat(21), String.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r.getBody()).contains("payerId");
    }
}
