package com.claimflow.workqueue;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.audit.AuditService;
import com.claimflow.identity.Worker;
import com.claimflow.intake.EncounterService;
import com.claimflow.support.ApiTestBase;
import com.claimflow.support.Encounters;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue #14, leads: the workload board and bulk moves over the API, on the real models. Each test marks its own coding
 * tasks with a payer id of its own in the projection, so "all matching the filter" is exactly those tasks.
 */
class WorkloadIT extends ApiTestBase {
    private static final List<String> THREE_CODERS = List.of("carla", "chen", "colin");

    @Autowired EncounterService encounters;
    @Autowired WorkQueueService queues;
    @Autowired CompletedWork completed;
    @Autowired Workload workload;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired AuditService audit;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;

    /** Opens {@code n} encounters and returns their coding tasks, marked with a payer id no other test uses. */
    private Marked codingTasks(int n) {
        String payer = "WL" + UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long encounterId = encounters.open(Encounters.visit().request()).id();
            driver.runJobs();
            ids.add(driver.task(encounterId, "CodeEncounter").taskId());
        }
        for (String id : ids) jdbc.update("update work_item set payer_id = ? where task_id = ?", payer, id);
        return new Marked(payer, ids);
    }

    private record Marked(String payer, List<String> taskIds) {
    }

    private JsonNode move(String body) throws Exception {
        ResponseEntity<String> r = postJson("lena", "/api/workload/moves", body);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(r.getBody());
    }

    @Test
    void aLeadSpreadsEveryTaskMatchingAFilterEvenlyOverThreeCodersInOneAction() throws Exception {
        Marked mine = codingTasks(6);

        JsonNode summary = move("{\"filter\": {\"queue\": \"coders\", \"payerId\": \"" + mine.payer() + "\"}, \"toUsers\": [\"carla\", \"chen\", \"colin\"],"
                + " \"reason\": \"spread the backlog\"}");

        assertThat(summary.get("asked").asInt()).isEqualTo(6);
        assertThat(summary.get("notMoved")).isEmpty();
        Map<String, Integer> perCoder = new java.util.TreeMap<>();
        for (String id : mine.taskIds()) {
            String holder = queues.get(id).assignee();
            assertThat(tasks.createTaskQuery().taskId(id).singleResult().getAssignee()).isEqualTo(holder);
            perCoder.merge(holder, 1, Integer::sum);
            assertThat(audit.forTask(id)).anySatisfy(e -> {
                assertThat(e.getAction()).isEqualTo("REASSIGNED");
                assertThat(e.getDetail()).contains("spread the backlog");
            });
        }
        assertThat(perCoder.keySet()).containsExactlyElementsOf(THREE_CODERS);
        assertThat(audit.latest()).anySatisfy(e -> {
            assertThat(e.getAction()).isEqualTo(BulkMoves.BULK_MOVED);
            assertThat(e.getActor()).isEqualTo("lena");
            assertThat(e.getDetail()).startsWith("6 of 6 moved").contains("spread the backlog");
        });
    }

    @Test
    void aTaskThatEndedMeanwhileAndATargetOutsideTheTasksGroupAreReportedAndTheRestMoves() throws Exception {
        Marked mine = codingTasks(3);
        String ended = mine.taskIds().get(0);
        runtime.deleteProcessInstance(queues.get(ended).processInstanceId(), "test: the encounter was cancelled");

        JsonNode toBiller = move("{\"taskIds\": [\"" + mine.taskIds().get(1) + "\"], \"toUser\": \"bella\", \"reason\": \"try a biller\"}");
        assertThat(toBiller.get("moved")).isEmpty();
        assertThat(toBiller.get("notMoved").get(0).get("why").asText()).contains("bella is in none of the task's groups");
        assertThat(queues.get(mine.taskIds().get(1)).assignee()).isNull();

        JsonNode summary = move("{\"taskIds\": " + json.writeValueAsString(mine.taskIds()) + ", \"toUser\": \"chen\", \"reason\": \"chen has time\"}");
        assertThat(summary.get("moved")).hasSize(2);
        assertThat(summary.get("notMoved")).hasSize(1);
        assertThat(summary.get("notMoved").get(0).get("taskId").asText()).isEqualTo(ended);
        assertThat(summary.get("notMoved").get(0).get("why").asText()).isEqualTo("the task ended meanwhile");
        assertThat(queues.get(mine.taskIds().get(2)).assignee()).isEqualTo("chen");
    }

    @Test
    void badMovesAreRefusedWholeNamingTheFieldAndChangeNothing() throws Exception {
        Marked mine = codingTasks(2);
        String ids = json.writeValueAsString(mine.taskIds());

        ResponseEntity<String> noReason = postJson("lena", "/api/workload/moves", "{\"taskIds\": " + ids + ", \"toUser\": \"chen\", \"reason\": \" \"}");
        ResponseEntity<String> nobody = postJson("lena", "/api/workload/moves", "{\"taskIds\": " + ids + ", \"toUsers\": [\"chen\", \"nobody-here\"], \"reason\": \"x\"}");
        ResponseEntity<String> noTeam = postJson("lena", "/api/workload/moves", "{\"taskIds\": " + ids + ", \"toTeam\": \"astronauts\", \"reason\": \"x\"}");
        ResponseEntity<String> both = postJson("lena", "/api/workload/moves", "{\"taskIds\": " + ids + ", \"filter\": {\"queue\": \"coders\"}, \"reason\": \"x\"}");
        ResponseEntity<String> byCoder = postJson("carla", "/api/workload/moves", "{\"taskIds\": " + ids + ", \"toUser\": \"carla\", \"reason\": \"mine\"}");

        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noReason.getBody()).contains("reason");
        assertThat(nobody.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(nobody.getBody()).contains("toUsers").contains("nobody-here");
        assertThat(noTeam.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noTeam.getBody()).contains("toTeam").contains("astronauts");
        assertThat(both.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(byCoder.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        for (String id : mine.taskIds()) {
            assertThat(queues.get(id).assignee()).isNull();
            assertThat(audit.forTask(id)).noneMatch(e -> e.getAction().equals("REASSIGNED"));
        }
    }

    @Test
    void outTodayPutsEverythingAPersonHoldsBackInTheQueueOrWithNamedColleagues() throws Exception {
        Marked mine = codingTasks(4);
        String person = "colin";
        move("{\"taskIds\": " + json.writeValueAsString(mine.taskIds()) + ", \"toUser\": \"" + person + "\", \"reason\": \"colin's day\"}");
        assertThat(queues.assignedTo(person)).extracting(WorkItem::taskId).containsAll(mine.taskIds());

        ResponseEntity<String> toHimself = postJson("lena", "/api/workload/out-today", "{\"person\": \"colin\", \"toUsers\": [\"colin\"], \"reason\": \"sick\"}");
        assertThat(toHimself.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        ResponseEntity<String> out = postJson("lena", "/api/workload/out-today", "{\"person\": \"colin\", \"toUsers\": [\"carla\", \"chen\"], \"reason\": \"colin is ill\"}");
        assertThat(out.getStatusCode()).as(out.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(queues.assignedTo(person)).isEmpty();
        assertThat(mine.taskIds()).allSatisfy(id -> assertThat(queues.get(id).assignee()).isIn("carla", "chen"));

        ResponseEntity<String> nothingHeld = postJson("lena", "/api/workload/out-today", "{\"person\": \"colin\", \"reason\": \"again\"}");
        assertThat(nothingHeld.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(nothingHeld.getBody()).contains("holds no tasks");
    }

    @Test
    void theListSortsAndFiltersTheWholeQueueAndPagesByCursor() throws Exception {
        Marked mine = codingTasks(3);
        jdbc.update("update work_item set amount = 500 where task_id = ?", mine.taskIds().get(1));
        jdbc.update("update work_item set amount = 20 where task_id = ?", mine.taskIds().get(0));
        jdbc.update("update work_item set amount = 100 where task_id = ?", mine.taskIds().get(2));

        JsonNode byAmount = json.readTree(as("lena").getForObject("/api/workload/tasks?queue=coders&payerId=" + mine.payer() + "&sort=amount", String.class));
        assertThat(byAmount).extracting(n -> n.get("taskId").asText())
                .containsExactly(mine.taskIds().get(1), mine.taskIds().get(2), mine.taskIds().get(0));
        JsonNode over50 = json.readTree(as("lena").getForObject("/api/workload/tasks?queue=coders&payerId=" + mine.payer() + "&minAmount=50", String.class));
        assertThat(over50).hasSize(2);

        WorkFilter filter = new WorkFilter("coders", null, mine.payer(), null, null, null, null, null);
        List<WorkItem> first = queues.matching(filter, WorkSort.OLDEST, null);
        List<WorkItem> afterFirst = queues.matching(filter, WorkSort.OLDEST, BoardCursor.after(first.get(0)));
        assertThat(afterFirst).extracting(WorkItem::taskId).containsExactlyElementsOf(first.subList(1, first.size()).stream().map(WorkItem::taskId).toList());

        ResponseEntity<String> badSort = as("lena").getForEntity("/api/workload/tasks?queue=coders&sort=sideways", String.class);
        assertThat(badSort.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badSort.getBody()).contains("sort");
        ResponseEntity<String> noQueue = as("lena").getForEntity("/api/workload/tasks", String.class);
        assertThat(noQueue.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(as("carla").getForEntity("/api/workload", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aCompletedTaskIsKeptAsWorkDoneAndCountsOnTheBoardForItsWorkerAndQueue() throws Exception {
        Marked mine = codingTasks(1);
        String taskId = mine.taskIds().get(0);
        String coder = "chen";
        long before = workload.fresh().people().stream().filter(p -> p.person().equals(coder)).mapToLong(WorkloadBoard.PersonLoad::completedToday).sum();
        queues.claim(taskId, new Worker(coder, Set.of("coders")));
        queues.complete(taskId, Map.of("diagnosisCodes", "I10", "procedureLines", "99213 1 1", "queryProvider", false), new Worker(coder, Set.of("coders")));

        Map<String, Object> done = jdbc.queryForMap("select completed_by, queue, completed, claimed_at from work_item_done where task_id = ?", taskId);
        assertThat(done.get("completed_by")).isEqualTo(coder);
        assertThat(done.get("queue")).isEqualTo("coders");
        assertThat(done.get("claimed_at")).isNotNull();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(completed.daily(today, today.plusDays(1))).anySatisfy(d -> {
            assertThat(d.worker()).isEqualTo(coder);
            assertThat(d.queue()).isEqualTo("coders");
            assertThat(d.completed()).isPositive();
        });
        WorkloadBoard board = workload.fresh();
        assertThat(board.people()).anySatisfy(p -> {
            assertThat(p.person()).isEqualTo(coder);
            assertThat(p.completedToday()).isEqualTo(before + 1);
            assertThat(p.medianHandle()).isNotNull();
        });
        assertThat(board.queues()).anySatisfy(q -> {
            assertThat(q.queue()).isEqualTo("coders");
            assertThat(q.completedToday()).isPositive();
        });
    }
}
