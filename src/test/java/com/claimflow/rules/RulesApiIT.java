package com.claimflow.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.intake.EncounterService;
import com.claimflow.support.ApiTestBase;
import com.claimflow.support.Encounters;
import com.claimflow.workqueue.WorkItem;
import com.claimflow.workqueue.WorkQueueService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Decision tables over HTTP on the real engine: refused files, empty reasons and other people's tables deploy nothing;
 * an accepted upload is the answer the next task gets; an old version comes back by restore.
 */
class RulesApiIT extends ApiTestBase {
    private final ObjectMapper json = new ObjectMapper();
    @Autowired RepositoryService repository;
    @Autowired org.camunda.bpm.engine.ManagementService management;
    @Autowired JdbcTemplate jdbc;
    @Autowired EncounterService encounters;
    @Autowired WorkQueueService queues;

    @AfterEach
    void shippedTablesAgain() {
        RuleFiles.resetToShipped(repository);
    }

    /**
     * A multipart upload as browsers and curl send it, with its length (a chunked body to a JSON-limited path is read
     * ahead by base.api.RequestSizeFilter, which leaves no parts for the multipart parser).
     */
    private ResponseEntity<String> upload(String user, String path, String file, String reason) {
        StringBuilder body = new StringBuilder("--cfboundary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"table.dmn\"\r\n"
                + "Content-Type: application/xml\r\n\r\n").append(file).append("\r\n");
        if (reason != null) body.append("--cfboundary\r\nContent-Disposition: form-data; name=\"reason\"\r\n\r\n").append(reason).append("\r\n");
        body.append("--cfboundary--\r\n");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("multipart/form-data; boundary=cfboundary"));
        return as(user).exchange(path, HttpMethod.POST, new HttpEntity<>(body.toString().getBytes(StandardCharsets.UTF_8), headers), String.class);
    }

    private ResponseEntity<String> postXml(String user, String path, String xml) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_XML);
        return as(user).exchange(path, HttpMethod.POST, new HttpEntity<>(xml, headers), String.class);
    }

    private int latestVersion(String key) {
        return repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult().getVersion();
    }

    private int recorded(String key) {
        return jdbc.queryForObject("select count(*) from rule_version where decision_key = ?", Integer.class, key);
    }

    private java.util.List<String> keys(ResponseEntity<String> tables) throws Exception {
        assertThat(tables.getStatusCode()).as(tables.getBody()).isEqualTo(HttpStatus.OK);
        java.util.List<String> keys = new java.util.ArrayList<>();
        body(tables).forEach(t -> keys.add(t.get("key").asText()));
        return keys;
    }

    private JsonNode body(ResponseEntity<String> response) throws Exception {
        return json.readTree(response.getBody());
    }

    @Test
    void aFileThatDoesNotParseIsRefusedAndNothingIsDeployed() throws Exception {
        int before = latestVersion("task-priority");
        int rows = recorded("task-priority");

        ResponseEntity<String> notXml = upload("adam", "/api/rules/task-priority", "taskType;priority\nCodeEncounter;99", "faster coding");
        ResponseEntity<String> broken = upload("adam", "/api/rules/task-priority",
                RuleFiles.shipped(RuleTable.TASK_PRIORITY).replace("hitPolicy=\"FIRST\"", "hitPolicy=\"SOMETIMES\""), "faster coding");

        assertThat(notXml.getStatusCode()).as(notXml.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(body(notXml).at("/fields/file").asText()).startsWith("the file is not XML");
        assertThat(broken.getStatusCode()).as(broken.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(body(broken).at("/fields/file").asText()).startsWith("the DMN engine cannot parse the file").contains("SOMETIMES");
        assertThat(latestVersion("task-priority")).isEqualTo(before);
        assertThat(recorded("task-priority")).isEqualTo(rows);
    }

    @Test
    void aFileWithoutAnOutputItsCallersReadIsRefused() throws Exception {
        int before = latestVersion("sla-policy");
        String renamed = RuleFiles.shipped(RuleTable.SLA_POLICY).replace("name=\"escalateAfter\"", "name=\"escalateLater\"");

        ResponseEntity<String> refused = upload("adam", "/api/rules/sla-policy", renamed, "shorter SLAs");

        assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(body(refused).at("/fields/file").asText()).contains("no output column named 'escalateAfter'", "SlaPolicy");
        assertThat(latestVersion("sla-policy")).isEqualTo(before);
    }

    @Test
    void anEmptyReasonIsRefusedAndNothingIsDeployed() throws Exception {
        int before = latestVersion("task-priority");

        ResponseEntity<String> blank = upload("adam", "/api/rules/task-priority", RuleFiles.everyTaskPriority(7), "   ");
        ResponseEntity<String> missing = upload("adam", "/api/rules/task-priority", RuleFiles.everyTaskPriority(7), null);

        for (ResponseEntity<String> r : java.util.List.of(blank, missing)) {
            assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(body(r).at("/fields/reason").asText()).startsWith("is required");
        }
        assertThat(latestVersion("task-priority")).isEqualTo(before);
    }

    @Test
    void aCheckAnswersTheSamplesWithBothVersionsAndChangesNothing() throws Exception {
        int before = latestVersion("task-priority");

        ResponseEntity<String> check = postXml("lena", "/api/rules/task-priority/check", RuleFiles.everyTaskPriority(7));

        assertThat(check.getStatusCode()).as(check.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode answers = body(check).get("answers");
        assertThat(answers).isNotEmpty().allMatch(a -> a.get("uploaded").asText().equals("7") && a.get("changed").asBoolean());
        assertThat(answers.get(0).get("inputs").asText()).isEqualTo("{taskType=CodeEncounter, amount=120.0, daysToDeadline=30}");
        assertThat(answers.get(0).get("current").asText()).isEqualTo("60");
        assertThat(latestVersion("task-priority")).isEqualTo(before);
    }

    @Test
    void anUploadedPriorityTableIsTheAnswerTheNextTaskGets() throws Exception {
        int before = latestVersion("task-priority");

        ResponseEntity<String> deployed = upload("lena", "/api/rules/task-priority", RuleFiles.everyTaskPriority(7), "every task at 7 for the test");

        assertThat(deployed.getStatusCode()).as(deployed.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(body(deployed).get("version").asInt()).isEqualTo(before + 1);
        assertThat(body(deployed).get("deployedBy").asText()).isEqualTo("lena");
        long encounter = encounters.open(Encounters.visit().request()).id();
        driver.runJobs();
        assertThat(queues.forEncounter(encounter)).isNotEmpty().extracting(WorkItem::priority).containsOnly(7);

        JsonNode versions = body(as("lena").getForEntity("/api/rules/task-priority/versions", String.class));
        assertThat(versions.get(0).get("version").asInt()).isEqualTo(before + 1);
        assertThat(versions.get(0).get("reason").asText()).isEqualTo("every task at 7 for the test");
        assertThat(versions.get(0).get("current").asBoolean()).isTrue();
        assertThat(versions.findValuesAsText("origin")).contains(RuleVersion.SHIPPED);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where actor = 'lena' and action = 'RULE_DEPLOYED' and detail like ?",
                Integer.class, "task-priority version " + (before + 1) + ":%")).isEqualTo(1);
    }

    @Test
    void anUploadedSlaPolicyIsTheDeadlineOfTheNextTask() throws Exception {
        long before = encounters.open(Encounters.visit().request()).id();
        driver.runJobs();
        assertThat(slaTimersInDays(before)).as("the shipped policy: coding warns and escalates within days").allMatch(d -> d < 10);

        ResponseEntity<String> deployed = upload("lena", "/api/rules/sla-policy",
                RuleFiles.withFirstRule(RuleTable.SLA_POLICY, 2, "\"P30D\"", "\"P40D\""), "a month for every task during the migration");
        assertThat(deployed.getStatusCode()).as(deployed.getBody()).isEqualTo(HttpStatus.CREATED);
        long after = encounters.open(Encounters.visit().request()).id();
        driver.runJobs();

        // the answers kept for the earlier version are not the next task's: its timers are the new table's
        assertThat(slaTimersInDays(after)).containsExactlyInAnyOrder(30L, 40L);
    }

    /** Days from now to each timer of the encounter's open task's process (its SLA warning and escalation). */
    private java.util.List<Long> slaTimersInDays(long encounter) {
        WorkItem task = queues.forEncounter(encounter).get(0);
        long now = System.currentTimeMillis();
        return management.createJobQuery().timers().processInstanceId(task.processInstanceId()).list().stream()
                .map(j -> Math.round((j.getDuedate().getTime() - now) / 86_400_000.0)).toList();
    }

    @Test
    void anUploadedAuditSampleDecidesTheNextCodingOfAProcessAlreadyDeployed() throws Exception {
        ResponseEntity<String> deployed = upload("adam", "/api/rules/coding-audit-sampling",
                RuleFiles.withFirstRule(RuleTable.CODING_AUDIT_SAMPLING, 3, "true"), "audit every coding this week");
        assertThat(deployed.getStatusCode()).as(deployed.getBody()).isEqualTo(HttpStatus.CREATED);

        long encounter = encounters.open(Encounters.visit().request()).id();
        driver.runJobs();
        // carla is no new coder and the charge is small: the shipped table audits 5 % of such codings at random
        driver.complete(encounter, "CodeEncounter", "carla", "coders",
                java.util.Map.of("diagnosisCodes", "I10", "procedureLines", "99213 1 1", "queryProvider", false));

        assertThat(driver.openTaskTypes(encounter)).contains("AuditCoding");
    }

    @Test
    void anOldVersionIsRestoredAsANewVersionAndIsUsedAgain() throws Exception {
        int shipped = latestVersion("task-priority");
        upload("adam", "/api/rules/task-priority", RuleFiles.everyTaskPriority(7), "every task at 7 for the test");

        ResponseEntity<String> noReason = as("adam").postForEntity("/api/rules/task-priority/versions/" + shipped + "/restore", null, String.class);
        ResponseEntity<String> restored = as("adam").postForEntity("/api/rules/task-priority/versions/" + shipped + "/restore?reason={r}", null,
                String.class, "back to the product's priorities");

        assertThat(noReason.getStatusCode()).as(noReason.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(restored.getStatusCode()).as(restored.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(body(restored).get("version").asInt()).isEqualTo(shipped + 2);
        assertThat(body(restored).get("restoredFrom").asInt()).isEqualTo(shipped);
        assertThat(body(restored).get("origin").asText()).isEqualTo("restored from version " + shipped);
        assertThat(as("adam").getForObject("/api/rules/task-priority/versions/" + (shipped + 2) + "/dmn", String.class))
                .isEqualTo(as("adam").getForObject("/api/rules/task-priority/versions/" + shipped + "/dmn", String.class));
        long encounter = encounters.open(Encounters.visit().request()).id();
        driver.runJobs();
        assertThat(queues.forEncounter(encounter)).isNotEmpty().extracting(WorkItem::priority).doesNotContain(7);
    }

    @Test
    void codersAreRefusedLeadsChangeOnlyTheirTablesAdminsEvery() throws Exception {
        String payerRules = RuleFiles.shipped(RuleTable.PAYER_RULES);

        assertThat(as("carla").getForEntity("/api/rules", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(postXml("carla", "/api/rules/task-priority/check", RuleFiles.everyTaskPriority(7)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(keys(as("lena").getForEntity("/api/rules", String.class))).containsExactly("sla-policy", "task-priority");
        assertThat(as("lena").getForEntity("/api/rules/payer-rules/versions", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(upload("lena", "/api/rules/payer-rules", payerRules, "lead tries").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(keys(as("adam").getForEntity("/api/rules", String.class))).hasSize(RuleTable.values().length);
        assertThat(postXml("adam", "/api/rules/payer-rules/check", payerRules).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<String> deployed = upload("adam", "/api/rules/payer-rules", payerRules, "same rules, deployed by an admin");
        assertThat(deployed.getStatusCode()).as(deployed.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(as("adam").getForEntity("/api/rules/no-such-table/versions", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
