package com.claimflow.overview.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.audit.AuditService;
import com.claimflow.overview.EncounterStory;
import com.claimflow.support.ApiTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** GET /api/encounters/{id}/timeline: what happened to the encounter, newest first, audited as a view of it. */
class EncounterTimelineIT extends ApiTestBase {
    @Autowired EncounterStory story;
    @Autowired AuditService audit;
    @Autowired ObjectMapper json;

    @Test
    void theTimelineIsNewestFirstWithTheTaskItsNoteAndThePaymentAndTheReadIsAudited() throws Exception {
        long id = story.paidWithPatientShare();

        ResponseEntity<String> r = as("cora").getForEntity("/api/encounters/" + id + "/timeline", String.class);

        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
        List<JsonNode> events = new ArrayList<>();
        json.readTree(r.getBody()).forEach(events::add);
        assertThat(events).extracting(e -> Instant.parse(e.get("at").asText())).isSortedAccordingTo(Comparator.<Instant>naturalOrder().reversed());
        assertThat(events).anySatisfy(e -> {
            assertThat(e.get("kind").asText()).isEqualTo("TASK");
            assertThat(e.get("title").asText()).isEqualTo("Code encounter (completed)");
            assertThat(e.get("actor").asText()).isEqualTo("carla");
            assertThat(e.get("detail").asText()).contains(EncounterStory.CODING_NOTE);
        });
        assertThat(events).anySatisfy(e -> {
            assertThat(e.get("kind").asText()).isEqualTo("FILE");
            assertThat(e.get("title").asText()).isEqualTo("835 claim payment for claim version 1: PAID");
            assertThat(e.get("detail").asText()).contains("paid 100.00", "patient 8.75");
        });
        assertThat(events).anyMatch(e -> e.get("kind").asText().equals("POSTING") && e.get("title").asText().startsWith("Charge"));
        assertThat(events.get(events.size() - 1).get("title").asText()).isEqualTo("Encounter opened");
        assertThat(audit.forEncounter(id)).anyMatch(a -> a.getActor().equals("cora") && a.getAction().equals(AuditService.VIEWED_ENCOUNTER)
                && a.getDetail().equals("api timeline"));
    }

    @Test
    void anUnknownEncounterIsNotFoundAndNobodyReadsItWithoutSigningIn() {
        assertThat(as("bella").getForEntity("/api/encounters/987654321/timeline", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        long id = story.sent();
        assertThat(http.getForEntity("/api/encounters/" + id + "/timeline", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
