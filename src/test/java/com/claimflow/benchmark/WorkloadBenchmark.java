package com.claimflow.benchmark;

import static com.claimflow.benchmark.BenchmarkReport.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.identity.Worker;
import com.claimflow.workqueue.BoardCursor;
import com.claimflow.workqueue.BulkMoves;
import com.claimflow.workqueue.MoveSummary;
import com.claimflow.workqueue.MoveTarget;
import com.claimflow.workqueue.WorkFilter;
import com.claimflow.workqueue.WorkItem;
import com.claimflow.workqueue.WorkQueueService;
import com.claimflow.workqueue.WorkSort;
import com.claimflow.workqueue.Workload;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The leads' workload board on MariaDB (issue #14): {@code bench.workItems} (1,000,000) open work items and
 * {@code bench.doneItems} (300,000) completed this week, written with INSERT ... SELECT over MariaDB's sequence engine.
 * Measures the board as a lead reads it (the kept board) beside computing it afresh (the baseline: what every read would
 * cost without keeping it), the filtered task list over the whole queue in each order (first page and a page 20 deep by
 * cursor) beside the same page by OFFSET, and a bulk move of {@code bench.moveTasks} (1,000) real engine tasks spread
 * over three coders beside the same moves made one reassignment at a time through {@link WorkQueueService#reassign}.
 * Not part of the test suite; see docs/benchmarks.md, "Workload board". The database is dropped and made anew each run.
 */
@SpringBootTest
@ActiveProfiles({"test", "mysql"})
class WorkloadBenchmark {
    static final String DATABASE = "claimflow_bench_workload";

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) throws SQLException {
        FreshBenchDatabase.use(DATABASE, registry);
    }

    @Autowired JdbcTemplate jdbc;
    @Autowired Workload workload;
    @Autowired WorkQueueService queues;
    @Autowired BulkMoves moves;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired IdentityService identity;

    final int workItems = Integer.getInteger("bench.workItems", 1_000_000);
    final int doneItems = Integer.getInteger("bench.doneItems", 300_000);
    final int iterations = Integer.getInteger("bench.iterations", 300);
    final int moveTasks = Integer.getInteger("bench.moveTasks", 1_000);
    /** Which parts run: {@code board}, {@code list}, {@code move} (comma-separated; all by default). */
    final String parts = System.getProperty("bench.parts", "board,list,move");
    final Random random = new Random(14);
    static final String[] QUEUES = {"coders", "billers", "leads", "compliance"};
    static final String[] PAYERS = {"MCARE", "BCBS", "AETNA", "UHC"};

    @Test
    void boardListAndBulkMoveAtAMillionOpenTasks() {
        line("# Workload board benchmark (MariaDB) — " + ZonedDateTime.now().truncatedTo(ChronoUnit.SECONDS));
        long t0 = System.nanoTime();
        seed();
        line(String.format(Locale.ROOT, "- seeded %,d open and %,d completed work items in %.1f s", workItems, doneItems, (System.nanoTime() - t0) / 1e9));
        jdbc.execute("analyze table work_item, work_item_done, work_done_daily");

        line("");
        line(Latencies.header());
        if (parts.contains("board")) measureBoard();
        if (parts.contains("list")) measureList();
        if (parts.contains("move")) bulkMove();
    }

    private void measureBoard() {
        workload.fresh();
        Latencies fresh = measure("board computed afresh (baseline: every read without the kept board)", Math.min(iterations, 30), () -> workload.fresh());
        Latencies kept = measure("board as a lead reads it (kept, refreshed behind when older than 15 s)", iterations, () -> workload.board());
        line(fresh.row());
        line(kept.row());
    }

    private void measureList() {
        for (WorkSort sort : WorkSort.values()) {
            Latencies first = measure("task list, coders, " + sort.name().toLowerCase() + ", first page", iterations,
                    () -> queues.matching(WorkFilter.queue("coders"), sort, null));
            line(first.row());
        }
        WorkFilter narrow = new WorkFilter("billers", null, "BCBS", null, WorkItem.SlaState.WARNED, 7, new BigDecimal("100"), null);
        line(measure("task list, billers + payer + warned + older than 7 days + amount ≥ 100, oldest first", iterations,
                () -> queues.matching(narrow, WorkSort.OLDEST, null)).row());
        line(measure("task list, one person's tasks across queues, priority", iterations,
                () -> queues.matching(WorkFilter.heldBy("user7"), WorkSort.PRIORITY, null)).row());
        List<WorkItem> page = queues.matching(WorkFilter.queue("coders"), WorkSort.OLDEST, null);
        for (int i = 0; i < 19; i++) page = queues.matching(WorkFilter.queue("coders"), WorkSort.OLDEST, BoardCursor.after(page.get(page.size() - 1)));
        BoardCursor deep = BoardCursor.after(page.get(page.size() - 1));
        line(measure("task list, coders, oldest, page 21 by cursor", iterations,
                () -> queues.matching(WorkFilter.queue("coders"), WorkSort.OLDEST, deep)).row());
        line(measure("baseline: the same page 21 by OFFSET 1000", iterations, () -> jdbc.queryForList(
                "select * from work_item where queue = 'coders' order by created_at, task_id limit 50 offset 1000")).row());
    }

    private void bulkMove() {
        for (String u : List.of("bcoder1", "bcoder2", "bcoder3", "blead")) {
            if (identity.createUserQuery().userId(u).count() == 0) {
                User user = identity.newUser(u);
                user.setPassword("bench-only");
                identity.saveUser(user);
            }
        }
        if (identity.createGroupQuery().groupId("benchcoders").count() == 0) identity.saveGroup(identity.newGroup("benchcoders"));
        for (String u : List.of("bcoder1", "bcoder2", "bcoder3")) identity.createMembership(u, "benchcoders");
        repository.createDeployment().name("claimflow-workload-benchmark").addModelInstance("benchMove.bpmn",
                Bpmn.createExecutableProcess("benchMove").camundaHistoryTimeToLive(180).startEvent().userTask("BenchMove").name("Bench move")
                        .camundaCandidateGroups("benchcoders").endEvent().done()).deploy();
        List<String> first = start(moveTasks);
        List<String> second = start(moveTasks);
        Worker lead = new Worker("blead", Set.of("leads"));

        long t0 = System.nanoTime();
        MoveSummary summary = moves.move(first, new MoveTarget.Spread(List.of("bcoder1", "bcoder2", "bcoder3")), "benchmark spread", lead, done -> { });
        double bulkSeconds = (System.nanoTime() - t0) / 1e9;
        assertThat(summary.moved()).hasSize(moveTasks);

        long t1 = System.nanoTime();
        String[] to = {"bcoder1", "bcoder2", "bcoder3"};
        for (int i = 0; i < second.size(); i++) queues.reassign(second.get(i), to[i % 3], "benchmark one by one", lead);
        double singleSeconds = (System.nanoTime() - t1) / 1e9;
        line("");
        line(String.format(Locale.ROOT, "- bulk move of %,d real engine tasks spread over three coders: %.2f s (%.1f ms a task); "
                        + "baseline, the same as %,d single reassignments: %.2f s; ratio %.2f", moveTasks, bulkSeconds, bulkSeconds * 1000 / moveTasks,
                moveTasks, singleSeconds, bulkSeconds / singleSeconds));
    }

    private List<String> start(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) runtime.startProcessInstanceByKey("benchMove");
        jdbc.query("select task_id from work_item where task_type = 'BenchMove' and assignee is null order by created_at, task_id", rs -> {
            ids.add(rs.getString(1));
        });
        return ids.subList(ids.size() - n, ids.size());
    }

    private void seed() {
        String seq = "seq_1_to_" + workItems;
        jdbc.update("insert into work_item (task_id, process_instance_id, encounter_id, claim_id, task_type, task_name, queue, payer_id, amount, priority,"
                + " created_at, due_at, assignee, sla_state, excluded_user) select concat('w', seq), concat('p', seq), seq, null, 'CodeEncounter', 'Code',"
                + " elt(1 + seq % 4, 'coders', 'billers', 'leads', 'compliance'), elt(1 + (seq div 4) % 4, 'MCARE', 'BCBS', 'AETNA', 'UHC'),"
                + " (seq * 7919) % 500000 / 100, seq % 101, now(3) - interval (seq % 5184000) second, null,"
                + " if((seq div 7) % 10 = 0, concat('user', (seq div 3) % 40), null), elt(1 + if(seq % 20 < 17, 0, if(seq % 20 < 19, 1, 2)), 'OK', 'WARNED', 'ESCALATED'), null"
                + " from " + seq);
        String done = "seq_1_to_" + doneItems;
        jdbc.update("insert into work_item_done (task_id, encounter_id, task_type, queue, payer_id, completed_by, created_at, claimed_at, ended_at, completed,"
                + " sla_state) select concat('d', seq), seq, 'CodeEncounter', elt(1 + seq % 4, 'coders', 'billers', 'leads', 'compliance'), 'MCARE',"
                + " concat('user', seq % 40), now(3) - interval 1 day, now(3) - interval (seq % 3600) second,"
                + " now(3) - interval (seq % (3600 * 24 * weekday(now()) + 3600)) second, true, 'OK' from " + done);
        jdbc.update("insert into work_done_daily (done_on, queue, worker, completed, warned, escalated, handle_ms) select date(ended_at), queue,"
                + " completed_by, count(*), 0, 0, sum(timestampdiff(second, claimed_at, ended_at)) * 1000 from work_item_done group by date(ended_at),"
                + " queue, completed_by");
    }

    private Latencies measure(String name, int n, Supplier<?> call) {
        for (int i = 0; i < Math.min(20, n); i++) call.get();
        Latencies l = new Latencies(name);
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            call.get();
            l.add(System.nanoTime() - t);
        }
        return l;
    }
}
