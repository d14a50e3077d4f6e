package com.claimflow.workqueue;

import com.claimflow.identity.Worker;
import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.audit.AuditEvent;
import com.claimflow.audit.AuditService;
import com.claimflow.intake.EncounterService;
import com.claimflow.support.ApiTestBase;
import com.claimflow.support.Encounters;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** "A task that cannot be completed can always be sent to the leads" (issue #11), through the API and the real models. */
class TaskEscalationIT extends ApiTestBase {
    @Autowired EncounterService encounters;
    @Autowired WorkQueueService queues;
    @Autowired TaskService tasks;
    @Autowired AuditService audit;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;

    private String codingTask() {
        long encounterId = encounters.open(Encounters.visit().request()).id();
        driver.runJobs();
        return driver.task(encounterId, "CodeEncounter").taskId();
    }

    private ResponseEntity<String> escalate(String user, String taskId, String body) {
        return postJson(user, "/api/tasks/" + taskId + "/escalate", body);
    }

    private List<String> candidateGroups(String taskId) {
        return tasks.getIdentityLinksForTask(taskId).stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
                .map(IdentityLink::getGroupId).toList();
    }

    /** Everything next task hands a coder until the coders' queue is empty. */
    private List<String> drainCoders() {
        Worker coder = new Worker("coder-" + UUID.randomUUID().toString().substring(0, 8), Set.of("coders"));
        List<String> handed = new ArrayList<>();
        for (Optional<WorkItem> n = queues.next(coder); n.isPresent(); n = queues.next(coder)) handed.add(n.get().taskId());
        return handed;
    }

    @Test
    void aCodingTaskWhoseEncounterHasImpossibleDataIsSentToTheLeadsAndNextTaskNoLongerHandsItToACoder() throws Exception {
        String taskId = codingTask();
        // a birth date after the visit, as intake took such dates before it refused them: no coding of it can be completed
        jdbc.update("update encounter set patient_birth_date = ? where id = ?", Date.valueOf(LocalDate.now().plusYears(20)), queues.get(taskId).encounterId());
        assertThat(postJson("carla", "/api/tasks/" + taskId + "/claim", "").getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<String> sent = escalate("carla", taskId, "{\"reason\": \"the patient is born 20 years after the visit\"}");

        assertThat(sent.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode task = json.readTree(sent.getBody());
        assertThat(task.get("queue").asText()).isEqualTo("leads");
        assertThat(task.get("escalatedFrom").asText()).isEqualTo("coders");
        assertThat(task.get("assignee").isNull()).isTrue();
        assertThat(task.get("slaState").asText()).isEqualTo("ESCALATED");
        assertThat(queues.assignedTo("carla")).extracting(WorkItem::taskId).doesNotContain(taskId);
        assertThat(candidateGroups(taskId)).contains("leads").doesNotContain("coders");
        assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
        assertThat(audit.forTask(taskId)).anySatisfy(e -> {
            assertThat(e.getAction()).isEqualTo(WorkQueueService.ESCALATED);
            assertThat(e.getActor()).isEqualTo("carla");
            assertThat(e.getDetail()).isEqualTo("coders -> leads: the patient is born 20 years after the visit");
        });

        assertThat(drainCoders()).doesNotContain(taskId);
        assertThat(as("carla").getForEntity("/api/tasks/" + taskId, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(queues.page("leads", null, 0)).extracting(WorkItem::taskId).contains(taskId);

        // the lead decides: back to the coders' queue, where next task hands it out again
        assertThat(postJson("lena", "/api/tasks/" + taskId + "/reassign",
                "{\"toUser\": null, \"reason\": \"birth date corrected with the registration desk\"}").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        WorkItem returned = queues.get(taskId);
        assertThat(returned.queue()).isEqualTo("coders");
        assertThat(returned.escalatedFrom()).isNull();
        assertThat(candidateGroups(taskId)).contains("coders");
        assertThat(audit.forTask(taskId)).extracting(AuditEvent::getAction, AuditEvent::getDetail)
                .contains(org.assertj.core.groups.Tuple.tuple("REASSIGNED", "leads -> coders queue: birth date corrected with the registration desk"));
        assertThat(drainCoders()).contains(taskId);
    }

    @Test
    void sendingToTheLeadsNeedsAReasonAndSomeoneWhoMayWorkTheTaskAndALeadMayMoveItToACoder() throws Exception {
        String taskId = codingTask();

        for (String outsider : new String[] {"bella", "cora", "adam"}) { // not in the coding queue
            assertThat(escalate(outsider, taskId, "{\"reason\": \"not mine\"}").getStatusCode()).as(outsider).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(http.postForEntity("/api/tasks/" + taskId + "/escalate", null, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> noReason = escalate("carla", taskId, "{\"reason\": \" \"}");
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(noReason.getBody()).get("fields").has("reason")).isTrue();
        ResponseEntity<String> numberReason = escalate("carla", taskId, "{\"reason\": 5}");
        assertThat(numberReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(numberReason.getBody()).get("fields").has("reason")).isTrue();
        assertThat(escalate("carla", taskId, "{\"reason\": \"" + "x".repeat(WorkQueueService.REASON_MAX + 1) + "\"}").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);

        assertThat(postJson("chen", "/api/tasks/" + taskId + "/claim", "").getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<String> notHers = escalate("carla", taskId, "{\"reason\": \"chen is stuck\"}");
        assertThat(notHers.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(notHers.getBody()).contains("claimed by chen");

        assertThat(escalate("lena", taskId, "{\"reason\": \"chen cannot reach the provider\"}").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(escalate("lena", taskId, "{\"reason\": \"again\"}").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();

        assertThat(postJson("lena", "/api/tasks/" + taskId + "/reassign", "{\"toUser\": \"colin\", \"reason\": \"colin knows this provider\"}")
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        WorkItem moved = queues.get(taskId);
        assertThat(moved.queue()).isEqualTo("coders");
        assertThat(moved.assignee()).isEqualTo("colin");
        assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("colin");
    }
}
