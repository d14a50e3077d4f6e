package com.claimflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.support.ApiTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The audit trail as compliance reads it through the API: filtered pages newest first, the CSV, bad filters, roles, and the reads themselves audited. */
class AuditTrailIT extends ApiTestBase {
    @Autowired AuditService audit;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;

    private final String actor = "zed-" + UUID.randomUUID().toString().substring(0, 8);

    private JsonNode get(String user, String path, Object... args) throws Exception {
        ResponseEntity<String> r = as(user).getForEntity(path, String.class, args);
        assertThat(r.getStatusCode()).as(path + ": " + r.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(r.getBody());
    }

    @Test
    void anActorsRowsComeNewestFirstAPageAtATimeWithTheirChannelAndTheReadIsAudited() throws Exception {
        for (int i = 0; i < 60; i++) audit.record(actor, AuditService.VIEWED_ENCOUNTER, 1000L + i, "task-" + i, i % 2 == 0 ? "ui" : "api");

        JsonNode first = get("cora", "/api/audit/events?actor={a}", actor);
        assertThat(first.get("rows")).hasSize(50);
        assertThat(first.get("rows").get(0).get("encounterId").asLong()).isEqualTo(1059);
        assertThat(first.get("rows").get(0).get("channel").asText()).isEqualTo("api");
        assertThat(first.get("rows").get(1).get("channel").asText()).isEqualTo("ui");
        JsonNode second = get("cora", "/api/audit/events?actor={a}&after={n}", actor, first.get("next").asText());
        assertThat(second.get("rows")).hasSize(10);
        assertThat(second.get("next").isNull()).isTrue();
        List<Long> seen = new ArrayList<>();
        first.get("rows").forEach(r -> seen.add(r.get("encounterId").asLong()));
        second.get("rows").forEach(r -> seen.add(r.get("encounterId").asLong()));
        assertThat(seen).hasSize(60).doesNotHaveDuplicates().isSortedAccordingTo((a, b) -> Long.compare(b, a));

        JsonNode one = get("adam", "/api/audit/events?encounterId=1042&action=viewed_encounter&taskId=task-42");
        assertThat(one.get("rows")).singleElement().satisfies(r -> assertThat(r.get("actor").asText()).isEqualTo(actor));

        // each read is in the trail: who read, with which filter, through the API
        JsonNode reads = get("cora", "/api/audit/events?actor=cora&action=" + AuditTrail.VIEWED);
        assertThat(reads.get("rows")).anySatisfy(r -> assertThat(r.get("detail").asText()).startsWith("api; ").contains("actor " + actor)
                .contains("after "));
        assertThat(get("cora", "/api/audit/events?actor=adam&action=" + AuditTrail.VIEWED).get("rows").get(0).get("encounterId").asLong())
                .isEqualTo(1042);
    }

    @Test
    void theCsvHoldsEveryMatchingRowQuotedAndNeutralisedAndTheExportIsAudited() throws Exception {
        audit.record(actor, "REASSIGNED", 7L, "t-csv", "queue -> carla: \"urgent\", see note");
        audit.record(actor, "COMPLETED", 7L, "t-csv", "=HYPERLINK(\"http://x\")");
        long exports = jdbc.queryForObject("select count(*) from audit_event where action = ?", Long.class, AuditTrail.EXPORTED);

        ResponseEntity<String> csv = as("cora").getForEntity("/api/audit/events.csv?actor={a}", String.class, actor);

        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        List<String> lines = Arrays.asList(csv.getBody().split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("id,occurred_at,actor,action,encounter_id,task_id,channel,detail");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).contains("," + actor + ",COMPLETED,7,t-csv,,\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(lines.get(2)).endsWith("," + actor + ",REASSIGNED,7,t-csv,,\"queue -> carla: \"\"urgent\"\", see note\"");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = ?", Long.class, AuditTrail.EXPORTED)).isEqualTo(exports + 1);
        assertThat(audit.forEncounter(7)).isNotEmpty();
    }

    @Test
    void badFiltersAreRefusedNamingTheParameterAndNothingIsRecorded() throws Exception {
        long reads = jdbc.queryForObject("select count(*) from audit_event where action in (?, ?)", Long.class, AuditTrail.VIEWED, AuditTrail.EXPORTED);
        String[][] cases = {
                {"/api/audit/events?from=2026-12-07&to=2026-12-01", "from"},
                {"/api/audit/events.csv?from=2026-12-07&to=2026-12-01", "from"},
                {"/api/audit/events.csv?from=2024-01-01&to=2026-01-01", "to"},
                {"/api/audit/events?to=12/01/2026", "to"},
                {"/api/audit/events?encounterId=abc", "encounterId"},
                {"/api/audit/events?actor=a%3Bdrop", "actor"},
                {"/api/audit/events?taskId=" + "x".repeat(65), "taskId"},
                {"/api/audit/events?after=yesterday", "after"}};
        for (String[] c : cases) {
            ResponseEntity<String> r = as("cora").getForEntity(c[0], String.class);
            assertThat(r.getStatusCode()).as(c[0]).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(json.readTree(r.getBody()).get("fields").has(c[1])).as(c[0] + " names " + c[1] + ": " + r.getBody()).isTrue();
        }
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action in (?, ?)", Long.class, AuditTrail.VIEWED, AuditTrail.EXPORTED))
                .isEqualTo(reads);
    }

    @Test
    void onlyComplianceAndAdminsReadTheTrail() {
        for (String path : List.of("/api/audit/events", "/api/audit/events.csv")) {
            for (String user : List.of("carla", "bella", "lena")) {
                assertThat(as(user).getForEntity(path, String.class).getStatusCode()).as(user + " " + path).isEqualTo(HttpStatus.FORBIDDEN);
            }
            for (String user : List.of("cora", "adam")) {
                assertThat(as(user).getForEntity(path, String.class).getStatusCode()).as(user + " " + path).isEqualTo(HttpStatus.OK);
            }
        }
    }
}
