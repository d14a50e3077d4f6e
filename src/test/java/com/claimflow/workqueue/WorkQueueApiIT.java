package com.claimflow.workqueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.claimflow.audit.AuditEvent;
import com.claimflow.audit.AuditService;
import com.claimflow.intake.EncounterService;
import com.claimflow.support.ApiTestBase;
import com.claimflow.support.Encounters;
import com.claimflow.workqueue.internal.EngineClaims;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Reassignment's rules and the audit of every view of a task or a queue page, over HTTP. */
class WorkQueueApiIT extends ApiTestBase {
    @Autowired EncounterService encounters;
    @Autowired WorkQueueService queues;
    @Autowired AuditService audit;
    @Autowired ObjectMapper json;

    private String codingTask() {
        long encounterId = encounters.open(Encounters.visit().request()).id();
        driver.runJobs();
        return driver.task(encounterId, "CodeEncounter").taskId();
    }

    private JsonNode refusal(ResponseEntity<String> r) throws Exception {
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        return json.readTree(r.getBody()).get("fields");
    }

    @Test
    void reassignmentRefusesSomeoneWhoCannotHoldTheTaskNamingToUser() throws Exception {
        String taskId = codingTask();
        String path = "/api/tasks/" + taskId + "/reassign";

        assertThat(refusal(postJson("lena", path, "{\"toUser\": \"nobody-here\", \"reason\": \"cover\"}")).get("toUser").asText())
                .contains("no user 'nobody-here'");
        assertThat(refusal(postJson("lena", path, "{\"toUser\": \"bella\", \"reason\": \"cover\"}")).get("toUser").asText())
                .contains("bella").contains("coders, leads");
        assertThat(refusal(postJson("lena", path, "{\"toUser\": 5, \"reason\": \"cover\"}")).has("toUser")).isTrue();
        assertThat(refusal(postJson("lena", path, "{\"toUser\": \"" + "u".repeat(65) + "\", \"reason\": \"cover\"}")).has("toUser")).isTrue();
        assertThat(refusal(postJson("lena", path, "{\"toUser\": \"chen\", \"reason\": \"" + "r".repeat(301) + "\"}")).has("reason")).isTrue();
        assertThat(refusal(postJson("lena", path, "{\"toUser\": \"chen\"}")).has("reason")).isTrue();
        assertThat(queues.get(taskId).assignee()).isNull();
        assertThat(audit.forTask(taskId)).noneMatch(e -> e.getAction().equals("REASSIGNED"));

        assertThat(postJson("lena", path, "{\"toUser\": \"chen\", \"reason\": \"carla is out\"}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(queues.get(taskId).assignee()).isEqualTo("chen");
        assertThat(postJson("chen", path, "{\"toUser\": \"carla\", \"reason\": \"swap\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void everyViewOfATaskOrAQueuePageIsAuditedWithWhoWhatAndTheChannel() throws Exception {
        String taskId = codingTask();
        long encounterId = queues.get(taskId).encounterId();

        assertThat(as("carla").getForEntity("/api/tasks/" + taskId, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(audit.forTask(taskId)).anySatisfy(e -> {
            assertThat(e.getAction()).isEqualTo(AuditService.VIEWED_ENCOUNTER);
            assertThat(e.getActor()).isEqualTo("carla");
            assertThat(e.getEncounterId()).isEqualTo(encounterId);
            assertThat(e.getDetail()).isEqualTo("api");
        });

        ResponseEntity<String> page = as("chen").getForEntity("/api/queues/coders", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode rows = json.readTree(page.getBody());
        assertThat(rows.size()).isPositive();
        for (JsonNode row : rows) {
            assertThat(audit.forTask(row.get("taskId").asText())).as("row %s", row.get("taskId")).anySatisfy(e -> {
                assertThat(e.getAction()).isEqualTo(WorkQueueService.VIEWED_QUEUE);
                assertThat(e.getActor()).isEqualTo("chen");
                assertThat(e.getDetail()).isEqualTo("api coders queue page 0");
            });
        }

        // next task: the claim's one audit row is the record of the view, with the channel; no second row
        ResponseEntity<String> next = as("colin").postForEntity("/api/tasks/next", null, String.class);
        assertThat(next.getStatusCode()).isEqualTo(HttpStatus.OK);
        String handed = json.readTree(next.getBody()).get("taskId").asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> audit.forTask(handed).stream().anyMatch(e -> e.getAction().equals(EngineClaims.CLAIMED_NEXT)));
        List<AuditEvent> trail = audit.forTask(handed).stream().filter(e -> "colin".equals(e.getActor())).toList();
        assertThat(trail).extracting(AuditEvent::getAction).containsExactly(EngineClaims.CLAIMED_NEXT);
        assertThat(trail.get(0).getDetail()).endsWith(" via api");
    }
}
