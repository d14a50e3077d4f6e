package com.claimflow.workqueue;

import com.claimflow.identity.Worker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class NextTaskIT extends ApiTestBase {
    @Autowired EncounterService encounters;
    @Autowired WorkQueueService queues;
    @Autowired TaskService tasks;
    @Autowired ObjectMapper json;
    @Autowired org.springframework.transaction.PlatformTransactionManager txManager;
    @Autowired com.claimflow.workqueue.internal.WorkItemStore store;
    @Autowired com.claimflow.workqueue.internal.EngineClaims engineClaims;
    @Autowired org.camunda.bpm.engine.HistoryService history;
    @Autowired org.camunda.bpm.engine.RuntimeService runtime;
    @Autowired AuditService audit;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    private List<String> openCodingTasks(int n) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) ids.add(encounters.open(Encounters.visit().request()).id());
        driver.runJobs();
        return ids.stream().map(id -> driver.task(id, "CodeEncounter").taskId()).toList();
    }

    /** Drains the coders queue from many threads at once: every task is handed out exactly once. */
    @Test
    void concurrentCallersNeverGetTheSameTask() throws Exception {
        Set<String> created = new HashSet<>(openCodingTasks(30));
        // take anything else waiting in the coders queue out of the way first, so only this test's tasks remain
        Worker sweeper = new Worker("sweeper", Set.of("coders"));
        while (queues.page("coders", null, 0).stream().anyMatch(w -> w.assignee() == null && !created.contains(w.taskId()))) {
            queues.next(sweeper);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<List<String>>> results = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Worker coder = new Worker("coder-" + t, Set.of("coders"));
            Callable<List<String>> drain = () -> {
                List<String> mine = new ArrayList<>();
                while (true) {
                    var next = queues.next(coder);
                    if (next.isEmpty()) return mine;
                    mine.add(next.get().taskId());
                }
            };
            results.add(pool.submit(drain));
        }
        List<String> handedOut = new ArrayList<>();
        for (Future<List<String>> f : results) handedOut.addAll(f.get(2, TimeUnit.MINUTES));
        pool.shutdown();

        assertThat(handedOut).doesNotHaveDuplicates();
        assertThat(new HashSet<>(handedOut)).containsAll(created);
        // the engine hears of each claim right after its commit (decision 0008)
        for (String taskId : created) {
            String holder = queues.get(taskId).assignee();
            assertThat(holder).startsWith("coder-");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(engineAssignee(taskId)).isEqualTo(holder);
                assertThat(claimsAudited(taskId)).containsExactly(holder); // and the audit trail, once
            });
        }
    }

    /** Next task's claim reaches the audit trail right after the caller has the task, with the time it was taken. */
    @Test
    void aNextTaskClaimIsAuditedWithTheTimeItWasTaken() throws Exception {
        String taskId = openCodingTasks(1).get(0);
        Worker colin = new Worker("colin", Set.of("coders"));
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        while (true) { // the queue's older tasks go first; take until this one is handed out
            WorkItem handedOut = queues.next(colin).orElseThrow();
            if (handedOut.taskId().equals(taskId)) break;
        }
        Instant handedOutAt = Instant.now();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(claimsAudited(taskId)).containsExactly("colin"));
        AuditEvent claimed = audit.forTask(taskId).stream().filter(e -> e.getAction().equals(EngineClaims.CLAIMED_NEXT)).findFirst().orElseThrow();
        // stored to the millisecond on every database (MySQL's driver drops a TIMESTAMP's fraction here: claimed_at_ms keeps it)
        assertThat(claimed.getOccurredAt()).isBetween(before, handedOutAt);
        assertThat(claimed.getDetail()).isEqualTo("CodeEncounter");
        assertThat(claimed.getEncounterId()).isEqualTo(queues.get(taskId).encounterId());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(engineAssignee(taskId)).isEqualTo("colin"));
    }

    /** A claim the engine was not told of before a crash (the row marked, the JVM gone) reaches it with the next sweep. */
    @Test
    void aClaimLeftPendingByACrashReachesTheEngineOnTheSweep() throws InterruptedException {
        String taskId = openCodingTasks(1).get(0);
        // next()'s claim without the hand-off after it: what a crash right after the claim's commit leaves
        assertThat(store.assignIfFreeAheadOfEngine(taskId, "colin")).isTrue();
        Instant claimedBy = Instant.now();
        assertThat(engineAssignee(taskId)).isNull();
        assertThat(claimsAudited(taskId)).isEmpty();
        assertThat(store.pendingEngineClaims(10_000)).containsEntry(taskId, "colin");
        Thread.sleep(1_100); // MySQL keeps whole seconds here (sendFractionalSeconds=false): the sweep's own time is a second later

        engineClaims.sweep();

        assertThat(engineAssignee(taskId)).isEqualTo("colin");
        assertThat(claimsAudited(taskId)).containsExactly("colin");
        assertThat(audit.forTask(taskId).get(0).getOccurredAt()).isBefore(claimedBy.plusMillis(1)); // when it was taken, not when passed on
        assertThat(queues.get(taskId).assignee()).isEqualTo("colin");
        assertThat(store.pendingEngineClaims(10_000)).doesNotContainKey(taskId);
        assertThat(engineClaims.passOn(taskId, "colin")).isFalse(); // nothing is passed on twice
        assertThat(claimsAudited(taskId)).containsExactly("colin");
    }

    /**
     * The hand-off and the listener (Cockpit reassigning, the process ending the task) can reach the same claim at once:
     * one takes it, the other waits for the row and finds it gone, so the claim is audited once.
     */
    @Test
    void aClaimTakenByTheHandOffAndTheListenerAtOnceIsAuditedOnce() throws Exception {
        String taskId = openCodingTasks(1).get(0);
        assertThat(store.assignIfFreeAheadOfEngine(taskId, "colin")).isTrue();
        var tx = new org.springframework.transaction.support.TransactionTemplate(txManager);
        java.util.concurrent.CountDownLatch handOffHoldsTheRow = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch finishHandOff = new java.util.concurrent.CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> handOff = pool.submit(() -> tx.executeWithoutResult(s -> {
                assertThat(engineClaims.passOnNow(taskId, "colin")).isTrue();
                handOffHoldsTheRow.countDown();
                try {
                    finishHandOff.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(handOffHoldsTheRow.await(20, TimeUnit.SECONDS)).isTrue();
            Future<?> listener = pool.submit(() -> tx.executeWithoutResult(s -> engineClaims.recordUnpassedClaim(taskId)));
            Thread.sleep(200); // the listener is now at the row, or past it
            finishHandOff.countDown();
            handOff.get(30, TimeUnit.SECONDS);
            listener.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        assertThat(claimsAudited(taskId)).containsExactly("colin");
        assertThat(engineAssignee(taskId)).isEqualTo("colin");
    }

    /** A claim marked by the build before V10 (no time kept) had its audit row written with it: passing it on adds none. */
    @Test
    void aClaimMarkedBeforeTheClaimTimeWasKeptIsNotAuditedTwice() {
        String taskId = openCodingTasks(1).get(0);
        jdbc.update("update work_item set assignee = 'colin', engine_claim_pending = true where task_id = ?", taskId);

        engineClaims.sweep();

        assertThat(engineAssignee(taskId)).isEqualTo("colin");
        assertThat(claimsAudited(taskId)).isEmpty();
    }

    /**
     * Claims are passed on together; one the engine refuses (its task gone from the engine) rolls back only the joint
     * attempt: the others reach the engine one by one, and the refused one stays marked for the next sweep.
     */
    @Test
    void oneClaimTheEngineRefusesDoesNotHoldUpTheOthersPassedOnWithIt() {
        List<String> taskIds = openCodingTasks(2);
        String gone = java.util.UUID.randomUUID().toString(); // a projection row whose engine task no longer exists
        store.insert(new WorkItem(gone, "no-such-instance", 1L, null, "CodeEncounter", "Code encounter", "coders", "MCARE",
                java.math.BigDecimal.ZERO, 0, java.time.Instant.now(), null, null, WorkItem.SlaState.OK, null));
        try {
            var tx = new org.springframework.transaction.support.TransactionTemplate(txManager);
            tx.executeWithoutResult(s -> {
                assertThat(store.assignIfFreeAheadOfEngine(taskIds.get(0), "colin")).isTrue();
                assertThat(store.assignIfFreeAheadOfEngine(gone, "colin")).isTrue();
                assertThat(store.assignIfFreeAheadOfEngine(taskIds.get(1), "colin")).isTrue();
            });

            assertThat(engineClaims.sweep()).isGreaterThanOrEqualTo(2);

            assertThat(engineAssignee(taskIds.get(0))).isEqualTo("colin");
            assertThat(engineAssignee(taskIds.get(1))).isEqualTo("colin");
            assertThat(store.pendingEngineClaims(10_000)).containsEntry(gone, "colin").doesNotContainKeys(taskIds.get(0), taskIds.get(1));
        } finally {
            store.delete(gone);
        }
    }

    /** A release or reassignment made before the engine heard of the claim wins: the late hand-off changes nothing. */
    @Test
    void aReleaseOrReassignmentBeforeTheEngineHearsOfTheClaimWins() {
        List<String> taskIds = openCodingTasks(2);
        var tx = new org.springframework.transaction.support.TransactionTemplate(txManager);
        tx.executeWithoutResult(s -> taskIds.forEach(id -> assertThat(store.assignIfFreeAheadOfEngine(id, "colin")).isTrue()));

        queues.release(taskIds.get(0), new Worker("colin", Set.of("coders")));
        queues.reassign(taskIds.get(1), "chen", "colin is out today", new Worker("lena", Set.of("leads")));
        engineClaims.sweep();

        assertThat(queues.get(taskIds.get(0)).assignee()).isNull();
        assertThat(engineAssignee(taskIds.get(0))).isNull();
        assertThat(queues.get(taskIds.get(1)).assignee()).isEqualTo("chen");
        assertThat(engineAssignee(taskIds.get(1))).isEqualTo("chen");
        // the audit trail has the claim, then what ended it, each once
        assertThat(audit.forTask(taskIds.get(0))).extracting(AuditEvent::getAction, AuditEvent::getActor)
                .containsExactly(tuple(EngineClaims.CLAIMED_NEXT, "colin"), tuple("RELEASED", "colin"));
        assertThat(audit.forTask(taskIds.get(1))).extracting(AuditEvent::getAction, AuditEvent::getActor)
                .containsExactly(tuple(EngineClaims.CLAIMED_NEXT, "colin"), tuple("REASSIGNED", "lena"));
    }

    /** A task the engine ends, or Cockpit gives to someone else, before next task's claim reached it: the claim is still audited. */
    @Test
    void aClaimOvertakenByTheEngineIsStillAudited() {
        List<String> taskIds = openCodingTasks(2);
        taskIds.forEach(id -> assertThat(store.assignIfFreeAheadOfEngine(id, "colin")).isTrue());
        String ended = taskIds.get(0);
        String encounter = runtime.createProcessInstanceQuery().processDefinitionKey("encounter")
                .processInstanceBusinessKey(String.valueOf(queues.get(ended).encounterId())).singleResult().getId();

        runtime.deleteProcessInstance(encounter, "encounter withdrawn"); // its stage's instance and the task go with it
        tasks.setAssignee(taskIds.get(1), "chen"); // as Cockpit does: straight to the engine
        engineClaims.sweep();

        assertThat(claimsAudited(ended)).containsExactly("colin");
        assertThat(claimsAudited(taskIds.get(1))).containsExactly("colin");
        assertThat(queues.get(taskIds.get(1)).assignee()).isEqualTo("chen");
        assertThat(engineAssignee(taskIds.get(1))).isEqualTo("chen");
    }

    /** Completing a task the engine has not yet been told is claimed still records who completed it in the engine's history. */
    @Test
    void completingBeforeTheEngineHearsOfTheClaimRecordsTheAssigneeInHistory() {
        long encounterId = encounters.open(Encounters.visit().request()).id();
        driver.runJobs();
        String taskId = driver.task(encounterId, "CodeEncounter").taskId();
        new org.springframework.transaction.support.TransactionTemplate(txManager)
                .executeWithoutResult(s -> assertThat(store.assignIfFreeAheadOfEngine(taskId, "carla")).isTrue());

        driver.code(encounterId, "I10", "99213 1 1");

        assertThat(history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("carla");
        assertThat(audit.forTask(taskId)).extracting(AuditEvent::getAction).containsExactly(EngineClaims.CLAIMED_NEXT, "COMPLETED");
    }

    /** Who the audit trail says next task handed the task to, one entry per CLAIMED_NEXT row. */
    private List<String> claimsAudited(String taskId) {
        return audit.forTask(taskId).stream().filter(e -> e.getAction().equals(EngineClaims.CLAIMED_NEXT)).map(AuditEvent::getActor).toList();
    }

    private String engineAssignee(String taskId) {
        return tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee();
    }

    @Test
    void nextTaskOverTheApiHandsOutTheHighestPriorityTaskAndThenNothingForOtherQueues() throws Exception {
        openCodingTasks(2);
        ResponseEntity<String> next = postJson("carla", "/api/tasks/next", "");
        assertThat(next.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode task = json.readTree(next.getBody());
        assertThat(task.get("queue").asText()).isEqualTo("coders");
        assertThat(task.get("assignee").asText()).isEqualTo("carla");

        // compliance has no audit work waiting here: 204
        ResponseEntity<String> none = postJson("cora", "/api/tasks/next", "");
        assertThat(none.getStatusCode()).isIn(HttpStatus.NO_CONTENT, HttpStatus.OK);
        if (none.getStatusCode() == HttpStatus.OK) assertThat(json.readTree(none.getBody()).get("queue").asText()).isEqualTo("compliance");
    }

    @Test
    void queueSizesAreCountedExactlyUpToTheCapAndShownAsMoreBeyondIt() throws Exception {
        String queue = "captest" + System.nanoTime() % 100000;
        java.util.List<WorkItem> items = new ArrayList<>();
        for (int i = 0; i < WorkQueueService.COUNT_CAP + 50; i++) {
            items.add(new WorkItem("cap-" + queue + "-" + i, "none", null, null, "CodeEncounter", "Code encounter", queue, "BCBS",
                    java.math.BigDecimal.TEN, i % 100, java.time.Instant.now(), null, null, WorkItem.SlaState.OK, null));
        }
        store.insertBatch(items);
        try {
            assertThat(queues.count(queue, "BCBS")).isEqualTo(WorkQueueService.COUNT_CAP + 1);
            assertThat(WorkQueueService.countLabel(queues.count(queue, null))).isEqualTo("1,000+");
            assertThat(WorkQueueService.countLabel(queues.count(queue, "AETNA"))).isEqualTo("0");
            assertThat(queues.page(queue, "BCBS", 20)).hasSize(WorkQueueService.PAGE_SIZE);
            assertThat(queues.page(queue, null, 0).get(0).priority()).isEqualTo(99);

            // over the API: numbered pages end at the counted range, deeper pages follow the Link header's cursor
            ResponseEntity<String> tooDeep = as("lena").getForEntity("/api/queues/" + queue + "?page=21", String.class);
            assertThat(tooDeep.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(json.readTree(tooDeep.getBody()).get("fields").get("page").asText()).contains("after=");
            assertThat(as("lena").getForEntity("/api/queues/" + queue + "?after=99~x", String.class).getStatusCode())
                    .isEqualTo(HttpStatus.BAD_REQUEST);
            Set<String> walked = new HashSet<>();
            String link = "/api/queues/" + queue + "?payerId=BCBS&page=0";
            int pages = 0;
            while (link != null) {
                ResponseEntity<String> page = as("lena").getForEntity(link, String.class);
                assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
                json.readTree(page.getBody()).forEach(row -> assertThat(walked.add(row.get("taskId").asText())).isTrue());
                String header = page.getHeaders().getFirst("Link");
                link = header == null ? null : header.substring(1, header.indexOf('>'));
                pages++;
            }
            assertThat(walked).hasSize(items.size());
            assertThat(pages).isEqualTo(items.size() / WorkQueueService.PAGE_SIZE + 1);
        } finally {
            items.forEach(w -> store.delete(w.taskId()));
        }
    }

    /** next() skips the listener's second write of the same assignee; any other assignment in that transaction still lands. */
    @Test
    void theProjectionFollowsEveryAssignmentMadeInTheClaimsTransaction() {
        String codingTask = openCodingTasks(1).get(0);
        new org.springframework.transaction.support.TransactionTemplate(txManager).executeWithoutResult(s -> {
            queues.claim(codingTask, new Worker("carla", Set.of("coders")));
            tasks.setAssignee(codingTask, "colin");
            tasks.setAssignee(codingTask, "carla");
            tasks.setAssignee(codingTask, "chen");
        });
        assertThat(queues.get(codingTask).assignee()).isEqualTo("chen");
        assertThat(tasks.createTaskQuery().taskId(codingTask).singleResult().getAssignee()).isEqualTo("chen");

        queues.release(codingTask, new Worker("chen", Set.of("coders")));
        assertThat(queues.get(codingTask).assignee()).isNull();
        WorkItem handedOut = queues.next(new Worker("colin", Set.of("coders"))).orElseThrow();
        assertThat(handedOut.assignee()).isEqualTo("colin");
        assertThat(queues.get(handedOut.taskId()).assignee()).isEqualTo("colin");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(engineAssignee(handedOut.taskId())).isEqualTo("colin"));
    }

    @Test
    void roleMatrixKeepsEachQueueToItsPeople() throws Exception {
        String codingTask = openCodingTasks(1).get(0);
        assertThat(postJson("bella", "/api/tasks/" + codingTask + "/claim", "").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("bella").getForEntity("/api/tasks/" + codingTask, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("bella").getForEntity("/api/queues/coders", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("carla").getForEntity("/api/queues", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("lena").getForEntity("/api/queues", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(as("cora").getForEntity("/api/queues/coders", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(postJson("cora", "/api/tasks/" + codingTask + "/claim", "").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(postJson("carla", "/api/tasks/" + codingTask + "/claim", "").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(postJson("colin", "/api/tasks/" + codingTask + "/claim", "").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(postJson("carla", "/api/tasks/" + codingTask + "/reassign", "{\"toUser\":\"colin\",\"reason\":\"x\"}").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(postJson("lena", "/api/tasks/" + codingTask + "/reassign", "{\"toUser\":\"colin\"}").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(postJson("lena", "/api/tasks/" + codingTask + "/reassign", "{\"toUser\":\"colin\",\"reason\":\"carla is out today\"}")
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(queues.get(codingTask).assignee()).isEqualTo("colin");
    }

    @Test
    void completingWithAnUnknownCodeIsRefusedNamingTheFieldAndTheTaskStaysOpen() throws Exception {
        String codingTask = openCodingTasks(1).get(0);
        postJson("carla", "/api/tasks/" + codingTask + "/claim", "");
        ResponseEntity<String> refused = postJson("carla", "/api/tasks/" + codingTask + "/complete",
                "{\"diagnosisCodes\":\"Z99.999\",\"procedureLines\":\"99213 1 1\",\"queryProvider\":false}");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(refused.getBody()).get("fields").get("diagnosisCodes").asText()).contains("Z99999").contains("not in the loaded code set");
        assertThat(queues.get(codingTask).assignee()).isEqualTo("carla");

        ResponseEntity<String> done = postJson("carla", "/api/tasks/" + codingTask + "/complete",
                "{\"diagnosisCodes\":\"I10\",\"procedureLines\":\"99213 1 1\",\"queryProvider\":false}");
        assertThat(done.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(tasks.createTaskQuery().taskId(codingTask).count()).isZero();
    }
}
