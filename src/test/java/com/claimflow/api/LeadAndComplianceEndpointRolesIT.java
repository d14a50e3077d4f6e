package com.claimflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.support.ApiTestBase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Issue #14's calls role by role (coder carla, biller bella, lead lena, compliance cora, admin adam, and nobody signed
 * in): the workload board and bulk moves, the SLA register, the audit trail, the dashboard and the decision tables; and
 * bad input to each answered with a 4xx naming the field, never a 500.
 */
class LeadAndComplianceEndpointRolesIT extends ApiTestBase {
    private static final List<String> PEOPLE = List.of("carla", "bella", "lena", "cora", "adam");

    private ResponseEntity<String> call(String user, HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return (user == null ? http : as(user)).exchange(path, method, new HttpEntity<>(json, headers), String.class);
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
        onlyThese(HttpMethod.GET, "/api/workload", null, List.of("lena"));
        onlyThese(HttpMethod.GET, "/api/workload/tasks?queue=coders", null, List.of("lena"));
        onlyThese(HttpMethod.POST, "/api/workload/moves", "{\"taskIds\": [\"no-such-task\"], \"reason\": \"rebalance\"}", List.of("lena"));
        onlyThese(HttpMethod.POST, "/api/workload/out-today", "{\"person\": \"colin\", \"reason\": \"ill\"}", List.of("lena"));
        onlyThese(HttpMethod.GET, "/api/sla-events", null, List.of("lena", "cora", "adam"));
        onlyThese(HttpMethod.GET, "/api/audit/events", null, List.of("cora", "adam"));
        onlyThese(HttpMethod.GET, "/api/metrics/ar-days", null, List.of("lena", "cora", "adam"));
        onlyThese(HttpMethod.GET, "/api/rules", null, List.of("lena", "adam"));
    }

    private void badInput(String user, HttpMethod method, String path, String json, String field) {
        ResponseEntity<String> r = call(user, method, path, json);
        assertThat(r.getStatusCode().value()).as("%s %s: %s", method, path, r.getBody()).isBetween(400, 499);
        assertThat(r.getBody()).as(path).contains(field);
    }

    @Test
    void badInputIsA4xxNamingTheField() {
        badInput("lena", HttpMethod.GET, "/api/workload/tasks?queue=coders&olderThanDays=-1", null, "olderThanDays");
        badInput("lena", HttpMethod.GET, "/api/workload/tasks?queue=coders&slaState=late", null, "slaState");
        badInput("lena", HttpMethod.GET, "/api/workload/tasks?queue=coders&after=nonsense", null, "after");
        badInput("lena", HttpMethod.POST, "/api/workload/moves", "{\"taskIds\": [\"x\"], \"toUser\": \"nobody-here\", \"reason\": \"r\"}", "toUser");
        badInput("lena", HttpMethod.POST, "/api/workload/moves", "{\"taskIds\": [], \"reason\": \"r\"}", "taskIds");
        badInput("lena", HttpMethod.POST, "/api/workload/out-today", "{\"person\": \"nobody-here\", \"reason\": \"r\"}", "person");
        badInput("cora", HttpMethod.GET, "/api/sla-events?from=2026-12-31&to=2026-01-01", null, "from");
        badInput("cora", HttpMethod.GET, "/api/audit/events?from=yesterday", null, "from");
        badInput("cora", HttpMethod.GET, "/api/metrics/ar-days?from=2026-13-01", null, "from");
        badInput("cora", HttpMethod.GET, "/api/metrics/no-such-figure", null, "figure");
    }
}
