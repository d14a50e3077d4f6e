package com.claimflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.identity.Worker;
import com.claimflow.workqueue.QueueCursor;
import com.claimflow.workqueue.TaskPriority;
import com.claimflow.workqueue.WorkItem;
import com.claimflow.workqueue.WorkQueueService;
import com.claimflow.workqueue.internal.WorkItemStore;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Work-queue latency on MySQL/MariaDB: the queue page and next-task from the {@code work_item} projection at 1,000,000 open
 * items, side by side with the same questions asked through Camunda's TaskQuery over 200,000 real open tasks, in one JVM run
 * against one database server. Not part of the test suite (surefire excludes *Benchmark); run it explicitly, see
 * docs/benchmarks.md. The data is seeded on the first run and reused by later runs (drop the database for a fresh start).
 *
 * <p>Data sets, all in {@code work_item} and the engine tables of one database:
 * <ul>
 * <li><b>synthetic</b>: {@code bench.workItems} (1,000,000) projection rows without engine tasks, in six queues
 * ({@link #SYN_QUEUES}), four payers, priority 0-100, about 10% assigned. They have no Camunda task, so next-task on them is
 * measured as the projection part of {@link WorkQueueService#next}: {@code WorkItemStore.unclaimed} of the worker's queues in
 * one read, then {@code assignIfFree} in one autocommit update (what next() does minus the mark that hands the claim on).
 * <li><b>real</b>: {@code bench.camundaTasks} (200,000) process instances of a one-user-task model with candidate group
 * {@code rt-*} ({@link #RT_QUEUES}), task priority 0-100 and process variables {@code payerId} and {@code priority}, about 10%
 * assigned. The first {@code bench.listenerSample} (2,000) are started through the product's engine with the projection listener
 * on (to measure what task creation costs in the product); the rest through a second engine on the same database without the
 * listener (the listener makes creation about eight times slower, which the run measures), and their work_item rows are then
 * written by SQL from the engine's tables. On these rows the full {@link WorkQueueService#next} is measured (the audit row in
 * its transaction, the engine's claim right after on the engine-claims thread, decision 0008; the run waits for the engine to
 * catch up and reports the lag), beside the old next with {@code TaskService.claim} inside the transaction.
 * With {@code -Dbench.paceMillis=N} the measured calls start N ms apart (an offered load) instead of back to back.
 * </ul>
 */
@SpringBootTest
@ActiveProfiles({"test", "mysql"})
class WorkQueueBenchmark {
    static final String DEFAULT_URL = "jdbc:mysql://127.0.0.1:3306/claimflow_bench?createDatabaseIfNotExist=true&sendFractionalSeconds=false"
            + "&nullCatalogMeansCurrent=true&useSSL=false&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true";
    static final String PROCESS_KEY = "benchQueueTask";
    static final String[] SYN_QUEUES = {"coders", "billers", "appeals", "collections", "compliance", "leads"};
    static final int[] QUEUE_WEIGHTS = {30, 30, 15, 10, 10, 5};
    static final String[] RT_QUEUES = {"rt-coders", "rt-billers", "rt-appeals", "rt-collections", "rt-compliance", "rt-leads"};
    static final String[] PAYERS = {"MCARE", "BCBS", "AETNA", "UHC"};
    static final int[] PAYER_WEIGHTS = {35, 30, 20, 15};
    static final Map<String, String[]> TASK_TYPES = Map.of(
            "coders", new String[] {"CodeEncounter", "FixCodingEdit", "CorrectCodingDenial", "ChaseProviderQuery"},
            "billers", new String[] {"FixClaimEdit", "FixRejectedClaim", "ResolveEligibility", "FollowUpClaimStatus", "FollowUpAcknowledgement"},
            "appeals", new String[] {"PrepareAppeal", "FollowUpAppeal"},
            "collections", new String[] {"ReviewCollections"},
            "compliance", new String[] {"AuditCoding"},
            "leads", new String[] {"ApproveWriteOff"});

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = System.getProperty("bench.db.url", DEFAULT_URL);
        if (!url.contains("claimflow_bench")) throw new IllegalStateException("refusing to benchmark on a database not named claimflow_bench*: " + url);
        registry.add("spring.datasource.url", () -> url);
    }

    @Autowired JdbcTemplate jdbc;
    @Autowired com.claimflow.audit.AuditService benchAudit;
    @Autowired com.claimflow.workqueue.internal.EngineClaims engineClaims;
    @Autowired WorkItemStore store;
    @Autowired WorkQueueService queues;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired RepositoryService repository;
    @Autowired PlatformTransactionManager txManager;
    @Autowired DataSource dataSource;
    @Autowired ProcessEngine engine;
    @Autowired TaskPriority priority;
    @Autowired DecisionService decisions;

    final int workItems = Integer.getInteger("bench.workItems", 1_000_000);
    final int camundaTasks = Integer.getInteger("bench.camundaTasks", 200_000);
    final int iterations = Integer.getInteger("bench.iterations", 2_000);
    final int warmup = Integer.getInteger("bench.warmup", 500);
    final int taskQueryIterations = Integer.getInteger("bench.taskQueryIterations", 2_000);
    final int taskQueryWarmup = Integer.getInteger("bench.taskQueryWarmup", 20);
    final int budgetSeconds = Integer.getInteger("bench.budgetSeconds", 180);
    /** Offered load: with a pace each measured call starts this many ms after the previous one started (0: back to back). */
    final int paceMillis = Integer.getInteger("bench.paceMillis", 0);
    final int seedThreads = Integer.getInteger("bench.seedThreads", 3);
    final int listenerSample = Integer.getInteger("bench.listenerSample", 2_000);
    static final int SEED_BATCH = 100;
    final Random random = new Random(20_240_601);
    final StringBuilder report = new StringBuilder();
    TransactionTemplate tx;
    boolean measuring;
    final String SYN = String.format(Locale.ROOT, "%,d rows", workItems);
    final String ALL = String.format(Locale.ROOT, "all %,d rows", workItems + camundaTasks);
    final String REAL = String.format(Locale.ROOT, "%,d real tasks", camundaTasks);
    final List<String> notes = new ArrayList<>();
    final Latencies selectPart = new Latencies("&nbsp;&nbsp;of which the selection (one read: the top 3 unclaimed of each of the worker's queues)");
    final Latencies claimPart = new Latencies("&nbsp;&nbsp;of which the claim (one autocommit conditional update)");

    @Test
    void queuePageAndNextTaskAtScale() throws Exception {
        tx = new TransactionTemplate(txManager);
        line("# Work-queue benchmark (MySQL) — " + ZonedDateTime.now().truncatedTo(ChronoUnit.SECONDS));
        line("");
        line("- database: `" + jdbc.queryForObject("select version()", String.class) + "`, schema `"
                + jdbc.queryForObject("select database()", String.class) + "`, innodb_buffer_pool_size "
                + jdbc.queryForObject("select @@innodb_buffer_pool_size", Long.class) / (1024 * 1024) + " MiB");
        line("- JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs, max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
        line("- load average at start (other builds share this machine): " + loadAverage());
        line("- iterations: " + iterations + " after " + warmup + " warm-up (TaskQuery: up to " + taskQueryIterations + " after "
                + taskQueryWarmup + ", at most " + budgetSeconds + " s per measurement)");

        seedSyntheticItems();
        seedCamundaTasks();
        if (!Boolean.getBoolean("bench.seedOnly")) measureCreation(Integer.getInteger("bench.creationSample", 1_000));
        if (Boolean.getBoolean("bench.creationOnly")) {
            write();
            return;
        }
        line("- work_item rows: " + jdbc.queryForObject("select count(*) from work_item", Long.class) + " (synthetic "
                + jdbc.queryForObject("select count(*) from work_item where queue not like 'rt-%'", Long.class) + ", projection of real tasks "
                + jdbc.queryForObject("select count(*) from work_item where queue like 'rt-%'", Long.class) + "); open Camunda tasks: "
                + jdbc.queryForObject("select count(*) from ACT_RU_TASK", Long.class) + "; ACT_RU_VARIABLE rows: "
                + jdbc.queryForObject("select count(*) from ACT_RU_VARIABLE", Long.class));
        jdbc.execute("analyze table work_item, ACT_RU_TASK, ACT_RU_IDENTITYLINK, ACT_RU_VARIABLE");
        if (Boolean.getBoolean("bench.seedOnly")) {
            write();
            return;
        }

        List<Latencies> results = new ArrayList<>();
        // 1. the projection at 1M rows
        Latencies pageSyn = add(results, measure("projection page, queue+payer, " + SYN + " (WorkQueueService.page)", iterations, warmup, () -> {
            String q = pick(SYN_QUEUES, QUEUE_WEIGHTS);
            String p = pick(PAYERS, PAYER_WEIGHTS);
            return () -> assertPage(queues.page(q, p, 0));
        }));
        results.add(measure("projection page, queue only, " + SYN + " (WorkQueueService.page)", iterations, warmup, () -> {
            String q = pick(SYN_QUEUES, QUEUE_WEIGHTS);
            return () -> assertPage(queues.page(q, null, 0));
        }));
        List<String> synClaimed = new ArrayList<>();
        Latencies nextSyn = add(results, measure("projection next-task selection + conditional claim, " + SYN
                + " (unclaimed of all the worker's queues in one read + assignIfFree)", iterations, warmup, () -> {
            Worker w = worker(SYN_QUEUES);
            return () -> synClaimed.add(projectionNext(w, false).orElseThrow().taskId());
        }));
        Latencies nextSynBefore = add(results, measure("baseline: projection next-task as before, one read of 10 per queue + assignIfFree + find, "
                + SYN, iterations, warmup, () -> {
            Worker w = worker(SYN_QUEUES);
            return () -> synClaimed.add(projectionNext(w, true).orElseThrow().taskId());
        }));
        results.add(selectPart);
        results.add(claimPart);
        if (selectPart.count() > 0) System.out.println("benchmark: " + selectPart.row() + "\nbenchmark: " + claimPart.row());
        jdbc.execute("create table if not exists bench_commit (id int primary key, n int not null)");
        jdbc.update("insert ignore into bench_commit values (1, 0)");
        results.add(measure("commit floor: one-row autocommit update of a 1-row table (this server's durable commit)", iterations, warmup,
                () -> () -> jdbc.update("update bench_commit set n = n + 1 where id = 1")));
        jdbc.execute("drop table bench_commit");
        // 2. the same questions on the 200k real tasks: projection rows of real tasks, then Camunda's TaskQuery
        Latencies pageRt = add(results, measure("projection page, queue+payer, real tasks (WorkQueueService.page)", iterations, warmup, () -> {
            String q = pick(RT_QUEUES, QUEUE_WEIGHTS);
            String p = pick(PAYERS, PAYER_WEIGHTS);
            return () -> assertPage(queues.page(q, p, 0));
        }));
        List<String> rtClaimed = new ArrayList<>();
        Latencies nextRt = add(results, measure("next task, full WorkQueueService.next: selection, conditional claim committed on its own; "
                + "the claim's audit row and the engine's assignee follow on the engine-claims thread (decision 0008), real tasks", iterations,
                warmup, () -> {
            Worker w = worker(RT_QUEUES);
            return () -> rtClaimed.add(queues.next(w).orElseThrow().taskId());
        }));
        engineCaughtUp("after the full next-task run");
        // the caller's own work with nothing beside it, now and as it was in ba9dc21 (audit row in the caller's transaction):
        // what the caller pays when the engine-claims thread is not sharing the cores; the sweep passes the claims on afterwards
        Latencies ownSelect = new Latencies("&nbsp;&nbsp;of which the selection");
        Latencies ownClaim = new Latencies("&nbsp;&nbsp;of which the claim (one autocommit conditional update)");
        Latencies own = add(results, measure("diagnostic: next task's own work now, no hand-off beside it, real tasks", iterations, warmup, () -> {
            Worker w = worker(RT_QUEUES);
            return () -> rtClaimed.add(nextWithoutHandOff(w, false, ownSelect, ownClaim).orElseThrow().taskId());
        }));
        addParts(results, own, ownSelect, ownClaim);
        Latencies ownBeforeSelect = new Latencies("&nbsp;&nbsp;of which the selection");
        Latencies ownBeforeClaim = new Latencies("&nbsp;&nbsp;of which the claim transaction (conditional claim, audit row, commit)");
        Latencies ownBefore = add(results, measure("diagnostic baseline: next task's own work as in ba9dc21, audit row in the caller's transaction, "
                + "no hand-off beside it, real tasks", iterations, warmup, () -> {
            Worker w = worker(RT_QUEUES);
            return () -> rtClaimed.add(nextWithoutHandOff(w, true, ownBeforeSelect, ownBeforeClaim).orElseThrow().taskId());
        }));
        addParts(results, ownBefore, ownBeforeSelect, ownBeforeClaim);
        Latencies nextRtSync = add(results, measure("baseline: next task as before decision 0008, TaskService.claim in the caller's "
                + "transaction (selection, conditional claim, engine claim, audit row, commit), real tasks", iterations, warmup, () -> {
            Worker w = worker(RT_QUEUES);
            return () -> rtClaimed.add(nextWithEngineClaimInline(w).orElseThrow().taskId());
        }));
        // the engine's share of it: TaskService.claim (with its assignment listener) in a transaction of its own
        results.add(measure("&nbsp;&nbsp;of which the engine: TaskService.claim alone in its own transaction, real tasks", iterations, warmup, () -> {
            String user = "bench-w" + random.nextInt(20);
            String id = store.unclaimed(List.of(pick(RT_QUEUES, QUEUE_WEIGHTS)), user, 1).get(0).taskId();
            rtClaimed.add(id);
            return () -> tx.executeWithoutResult(st -> tasks.claim(id, user));
        }));
        Latencies tqPage = add(results, measure("TaskQuery page, candidate group+payerId variable, real tasks", taskQueryIterations,
                taskQueryWarmup, () -> {
            String q = pick(RT_QUEUES, QUEUE_WEIGHTS);
            String p = pick(PAYERS, PAYER_WEIGHTS);
            return () -> assertPage(tasks.createTaskQuery().taskCandidateGroup(q).includeAssignedTasks().processVariableValueEquals("payerId", p)
                    .orderByTaskPriority().desc().orderByTaskCreateTime().asc().listPage(0, WorkQueueService.PAGE_SIZE));
        }));
        Latencies tqNext = add(results, measure("TaskQuery next-task: unassigned listPage(0,1) + TaskService.claim, real tasks",
                taskQueryIterations, taskQueryWarmup, () -> {
            Worker w = worker(RT_QUEUES);
            return () -> {
                List<Task> top = tasks.createTaskQuery().taskCandidateGroupIn(List.copyOf(w.groups())).taskUnassigned()
                        .orderByTaskPriority().desc().orderByTaskCreateTime().asc().listPage(0, 1);
                tasks.claim(top.get(0).getId(), w.userId());
                rtClaimed.add(top.get(0).getId());
            };
        }));
        // the foundation issue's query as written: without includeAssignedTasks (so unassigned only) and without the create-time tie-break
        Latencies tqLiteral = add(results, measure("TaskQuery page as literally specified (unassigned only, priority order only), real tasks",
                taskQueryIterations, taskQueryWarmup, () -> {
            String q = pick(RT_QUEUES, QUEUE_WEIGHTS);
            String p = pick(PAYERS, PAYER_WEIGHTS);
            return () -> assertPage(tasks.createTaskQuery().taskCandidateGroup(q).processVariableValueEquals("payerId", p)
                    .orderByTaskPriority().desc().listPage(0, WorkQueueService.PAGE_SIZE));
        }));
        // completing a task: Camunda looks for its sub-tasks (TaskManager.deleteTask -> findTasksByParentTaskId).
        // EngineTableIndexes gives ACT_RU_TASK an index on PARENT_TASK_ID_ (Camunda 7.24 has one only on SQL Server);
        // the baseline runs without it in the same run
        results.add(measure("TaskService.complete of one task (the instance then ends), " + REAL + " open, with CF_IDX_TASK_PARENT",
                200, 10, () -> {
            String id = openRealTask();
            return () -> tasks.complete(id);
        }));
        jdbc.execute("drop index CF_IDX_TASK_PARENT on ACT_RU_TASK");
        try {
            results.add(measure("baseline: the same without the index (Camunda's schema as shipped)", 200, 10, () -> {
                String id = openRealTask();
                return () -> tasks.complete(id);
            }));
        } finally {
            jdbc.execute("create index CF_IDX_TASK_PARENT on ACT_RU_TASK (PARENT_TASK_ID_)");
        }
        // what the projection listener spends on every task creation for the priority: the in-memory table, and as
        // baseline the same decision through Camunda's DecisionService (a latest-version lookup per call)
        results.add(measure("TaskPriority.of: the task-priority DMN evaluated in memory (DeployedDecision)", iterations, warmup,
                () -> () -> priority.of("CodeEncounter", 250.0, 30)));
        results.add(measure("baseline: the same decision through DecisionService.evaluateDecisionByKey", iterations, warmup,
                () -> () -> decisions.evaluateDecisionByKey(TaskPriority.DECISION).variables(Map.of("taskType", "CodeEncounter",
                        "amount", 250.0, "daysToDeadline", 30L)).evaluate().getSingleEntry()));
        // deep pages: page 201 (rows 10,001-10,050; the smallest queue has 50,000 rows) by cursor, and by OFFSET as the baseline
        Latencies deepCursor = add(results, measure("page 201 of a queue by cursor (WorkQueueService.pageAfter), queue only, " + SYN,
                200, 20, () -> {
            String q = pick(SYN_QUEUES, QUEUE_WEIGHTS);
            QueueCursor after = QueueCursor.after(store.page(q, null, 200 * WorkQueueService.PAGE_SIZE - 1, 1).get(0));
            return () -> assertPage(queues.pageAfter(q, null, after));
        }));
        Latencies deepOffset = add(results, measure("baseline: page 201 by LIMIT 50 OFFSET 10,000, queue only, " + SYN, 200, 20, () -> {
            String q = pick(SYN_QUEUES, QUEUE_WEIGHTS);
            return () -> assertPage(store.page(q, null, 200 * WorkQueueService.PAGE_SIZE, WorkQueueService.PAGE_SIZE));
        }));
        // beyond the criterion: what the UI does around the page. QueuePage.refresh counts the queue (for its pager, capped at
        // WorkQueueService.COUNT_CAP since 10ad713) and then reads the page; MyWorkView counts each of the worker's queues for its
        // tab labels; QueuesView (leads) and GET /api/queues show stats()
        results.add(measure("UI queue page as QueuePage.refresh does it: count (capped) + page, queue+payer, " + SYN, iterations, warmup, () -> {
            String q = pick(SYN_QUEUES, QUEUE_WEIGHTS);
            String p = pick(PAYERS, PAYER_WEIGHTS);
            return () -> {
                queues.count(q, p);
                assertPage(queues.page(q, p, 0));
            };
        }));
        results.add(measure("queue tab label count(queue, null) (MyWorkView; capped), " + SYN, iterations, warmup, () -> {
            String q = pick(SYN_QUEUES, QUEUE_WEIGHTS);
            return () -> queues.count(q, null);
        }));
        results.add(measure("queue overview, " + ALL + " (WorkQueueService.stats)", 20, 2, () -> () -> queues.stats()));
        results.add(measure("escalated(50), " + ALL + " (WorkQueueService.escalated)", 200, 20, () -> () -> queues.escalated(50)));
        // the criterion's page once more, after the engine's queries and the full scans went through the buffer pool
        results.add(measure("projection page, queue+payer, " + SYN + ", repeated at the end (after the TaskQuery runs and full scans)",
                iterations, warmup, () -> {
            String q = pick(SYN_QUEUES, QUEUE_WEIGHTS);
            String p = pick(PAYERS, PAYER_WEIGHTS);
            return () -> assertPage(queues.page(q, p, 0));
        }));

        line("");
        line("## Latency (single caller, wall clock per call, ms)");
        line("");
        line(Latencies.header());
        results.stream().filter(r -> r.count() > 0).forEach(r -> line(r.row()));
        line("");
        line("## Ratios (TaskQuery / projection)");
        line("");
        line("| question | p50 ratio | p99 ratio |\n|---|---:|---:|");
        ratio("queue page: TaskQuery on " + REAL + " / projection at " + SYN, tqPage, pageSyn);
        ratio("queue page: TaskQuery / projection, both on the same " + REAL, tqPage, pageRt);
        ratio("queue page: the literal TaskQuery on " + REAL + " / projection at " + SYN, tqLiteral, pageSyn);
        ratio("next task: TaskQuery + claim on " + REAL + " / projection selection + conditional claim at " + SYN, tqNext, nextSyn);
        ratio("next task: TaskQuery + claim / WorkQueueService.next, both on the same " + REAL, tqNext, nextRt);
        ratio("page 201: OFFSET / cursor, " + SYN, deepOffset, deepCursor);
        ratio("next task, projection part: before / now, " + SYN, nextSynBefore, nextSyn);
        ratio("next task: engine claim in the caller's transaction / after its commit (decision 0008), " + REAL, nextRtSync, nextRt);
        ratio("next task's own work: audit row in the caller's transaction (ba9dc21) / one autocommit claim, " + REAL, ownBefore, own);
        line("");
        line("- load average at end: " + loadAverage());
        notes.forEach(n -> line("- " + n));
        explainAll();
        restore(synClaimed, rtClaimed);
        write();
        if (System.getProperty("bench.only") == null) assertThat(pageSyn.count()).as("projection page measured").isPositive();
    }

    // ---- measured operations

    /**
     * {@link WorkQueueService#next} without the engine: the top 3 unclaimed of each of the worker's queues in one read,
     * then the conditional update in a transaction. {@code perQueueReads} measures the selection the service had before
     * (one read of 10 per queue, merged in Java, the item read again after the claim) as the same run's baseline.
     */
    Optional<WorkItem> projectionNext(Worker worker, boolean perQueueReads) {
        long t0 = System.nanoTime();
        List<WorkItem> pool = new ArrayList<>();
        if (perQueueReads) {
            for (String queue : worker.groups()) pool.addAll(store.unclaimed(List.of(queue), worker.userId(), 10));
            pool.sort(Comparator.comparingInt(WorkItem::priority).reversed().thenComparing(WorkItem::createdAt));
        } else {
            pool.addAll(store.unclaimed(worker.groups(), worker.userId(), 3));
        }
        long t1 = System.nanoTime();
        try {
            for (WorkItem item : pool) {
                if (worker.userId().equals(item.excludedUser())) continue;
                // now one autocommit conditional update, as WorkQueueService.next takes a task; before, a transaction of its own
                boolean taken = perQueueReads ? Boolean.TRUE.equals(tx.execute(s -> store.assignIfFree(item.taskId(), worker.userId())))
                        : store.assignIfFree(item.taskId(), worker.userId());
                if (taken) {
                    return perQueueReads ? store.find(item.taskId()) : Optional.of(item.claimedBy(worker.userId()));
                }
            }
            return Optional.empty();
        } finally {
            if (measuring && !perQueueReads) {
                selectPart.add(t1 - t0);
                claimPart.add(System.nanoTime() - t1);
            }
        }
    }

    /** An unclaimed real task, from a random rt- queue (the caller completes it; the next run's seeding tops the set up again). */
    String openRealTask() {
        return jdbc.queryForObject("select task_id from work_item where queue = ? and assignee is null order by priority desc, created_at limit 1",
                String.class, pick(RT_QUEUES, QUEUE_WEIGHTS));
    }

    /** A worker of one queue (half the calls) or two queues, with a benchmark user id (so its claims can be undone afterwards). */
    Worker worker(String[] queueNames) {
        String first = pick(queueNames, QUEUE_WEIGHTS);
        String user = "bench-w" + random.nextInt(20);
        if (random.nextBoolean()) return new Worker(user, Set.of(first));
        String second;
        do second = pick(queueNames, QUEUE_WEIGHTS); while (second.equals(first));
        return new Worker(user, Set.of(first, second));
    }

    static void assertPage(List<?> page) {
        if (page.isEmpty() || page.size() > WorkQueueService.PAGE_SIZE) throw new AssertionError("unexpected page size " + page.size());
    }

    /**
     * Runs {@code warm} unmeasured then up to {@code n} measured calls; each call's arguments are drawn before the clock starts.
     * Stops early when the time budget is spent (the n column then shows how many ran). With {@code -Dbench.only=text|other} only the
     * measurements whose name contains the text run.
     */
    Latencies measure(String name, int n, int warm, Supplier<Runnable> call) {
        Latencies l = new Latencies(name);
        String only = System.getProperty("bench.only");
        if (only != null && java.util.Arrays.stream(only.split("\\|")).noneMatch(name::contains)) return l;
        System.out.println("benchmark: " + name);
        long budgetEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(budgetSeconds);
        for (int i = 0; i < warm; i++) call.get().run();
        long jvmCpu0 = jvmCpuNanos();
        long dbCpu0 = databaseCpuNanos();
        measuring = true;
        for (int i = 0; i < n; i++) {
            Runnable r = call.get();
            long t0 = System.nanoTime();
            r.run();
            long took = System.nanoTime() - t0;
            l.add(took);
            if (paceMillis > 0) LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(paceMillis) - took);
            if (System.nanoTime() > budgetEnd) {
                System.out.println("benchmark: time budget spent after " + (i + 1) + " calls");
                break;
            }
        }
        measuring = false;
        System.out.println("benchmark: " + l.row());
        if (l.count() > 0 && dbCpu0 >= 0) {
            String cpu = String.format(Locale.ROOT, "CPU per call of \"%s\": JVM %.2f ms, mariadbd %.2f ms (%d calls; work still queued when the "
                    + "loop ended is not in it)", name, (jvmCpuNanos() - jvmCpu0) / 1e6 / l.count(), (databaseCpuNanos() - dbCpu0) / 1e6 / l.count(), l.count());
            System.out.println("benchmark: " + cpu);
            notes.add(cpu);
        }
        return l;
    }

    /** CPU time of this JVM, all threads (GC and JIT included). */
    static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU time of the local mariadbd (user + system, from /proc), or -1 when there is none on this machine. */
    static long databaseCpuNanos() {
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path proc : (Iterable<Path>) procs::iterator) {
                if (!proc.getFileName().toString().matches("\\d+")) continue;
                try {
                    if (!Files.readString(proc.resolve("comm")).trim().equals("mariadbd")) continue;
                    String stat = Files.readString(proc.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14 and 15 of stat)
                    return ticks * 10_000_000L; // USER_HZ is 100 on Linux
                } catch (IOException | RuntimeException gone) {
                    // the process ended, or is not ours to read
                }
            }
        } catch (IOException | RuntimeException noProc) {
            return -1;
        }
        return -1;
    }

    static Latencies add(List<Latencies> results, Latencies l) {
        results.add(l);
        return l;
    }

    void ratio(String question, Latencies baseline, Latencies projection) {
        if (baseline.count() == 0 || projection.count() == 0) return;
        line(String.format(Locale.ROOT, "| %s | %s | %s |", question, times(baseline.percentileMs(50) / projection.percentileMs(50)),
                times(baseline.percentileMs(99) / projection.percentileMs(99))));
    }

    /** A ratio as "391x", or "1.6x" below ten, where the tenths still say something. */
    static String times(double ratio) {
        return String.format(Locale.ROOT, ratio < 10 ? "%.1fx" : "%.0fx", ratio);
    }

    // ---- data

    void seedSyntheticItems() throws Exception {
        long have = jdbc.queryForObject("select count(*) from work_item where queue not like 'rt-%'", Long.class);
        if (have == workItems) {
            line("- synthetic work items: " + have + " already there (seeded by an earlier run)");
            return;
        }
        jdbc.update("delete from work_item where queue not like 'rt-%'");
        long t0 = System.nanoTime();
        int chunk = 10_000;
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(seedThreads);
        List<Future<?>> futures = new ArrayList<>();
        for (int start = 0; start < workItems; start += chunk) {
            int from = start;
            int to = Math.min(workItems, start + chunk);
            futures.add(pool.submit(() -> {
                Random r = new Random(from);
                List<WorkItem> rows = new ArrayList<>(to - from);
                for (int i = from; i < to; i++) rows.add(syntheticItem(r));
                tx.executeWithoutResult(s -> store.insertBatch(rows));
                long d = done.addAndGet(rows.size());
                if (d % 100_000 == 0) System.out.println("benchmark: " + d + " synthetic work items");
            }));
        }
        for (Future<?> f : futures) f.get();
        pool.shutdown();
        line(String.format(Locale.ROOT, "- synthetic work items: %d inserted in %.1f s (WorkItemStore.insertBatch, %d threads, %d rows per transaction)",
                workItems, (System.nanoTime() - t0) / 1e9, seedThreads, chunk));
    }

    WorkItem syntheticItem(Random r) {
        String queue = pick(SYN_QUEUES, QUEUE_WEIGHTS, r);
        String[] types = TASK_TYPES.get(queue);
        String type = types[r.nextInt(types.length)];
        Instant created = Instant.now().minusSeconds(r.nextInt(60 * 24 * 3600)).truncatedTo(ChronoUnit.MILLIS);
        int sla = r.nextInt(100);
        return new WorkItem(UUID.randomUUID().toString(), UUID.randomUUID().toString(), 1L + r.nextInt(500_000),
                r.nextInt(3) == 0 ? null : 1L + r.nextInt(700_000), type, type, queue, pick(PAYERS, PAYER_WEIGHTS, r),
                BigDecimal.valueOf(2_500 + r.nextInt(500_000), 2), r.nextInt(101), created, created.plus(Duration.ofDays(14)),
                r.nextInt(10) == 0 ? "user" + r.nextInt(40) : null,
                sla < 85 ? WorkItem.SlaState.OK : sla < 95 ? WorkItem.SlaState.WARNED : WorkItem.SlaState.ESCALATED,
                "AuditCoding".equals(type) ? "user" + r.nextInt(40) : null);
    }

    void seedCamundaTasks() throws Exception {
        if (repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY).count() == 0) {
            BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS_KEY).camundaHistoryTimeToLive(180)
                    .startEvent("start")
                    .userTask("BenchTask").name("Benchmark task").camundaCandidateGroups("${queue}").camundaAssignee("${assignee}")
                    .camundaPriority("${priority}")
                    .endEvent("end").done();
            repository.createDeployment().name("claimflow-benchmark").addModelInstance(PROCESS_KEY + ".bpmn", model).deploy();
        }
        String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY).latestVersion().singleResult().getId();
        long have = tasks.createTaskQuery().processDefinitionKey(PROCESS_KEY).count();
        if (have >= camundaTasks) {
            line("- real Camunda tasks: " + have + " already there (seeded by an earlier run)");
            return;
        }
        // (a) a sample through the product's engine, projection listener on: what task creation costs in the product
        long sample = Math.max(0, Math.min(listenerSample, camundaTasks) - have);
        if (sample > 0) {
            double rate = startInstances(sample, have, batchStarter(engineConfiguration(), definitionId, null));
            line(String.format(Locale.ROOT, "- real Camunda tasks, through the product's engine (projection listener on): %d instances at %.0f/s "
                    + "(%d threads, %d per command)", sample, rate, seedThreads, SEED_BATCH));
            have += sample;
        }
        // (b) the rest through a second engine on the same database, without the product's listener (history level audit as the
        // product); their work_item rows are then written by SQL from the engine's tables
        long rest = camundaTasks - have;
        if (rest > 0) {
            ProcessEngineConfigurationImpl cfg = seederConfiguration();
            ProcessEngine seeder = cfg.buildProcessEngine();
            try {
                double rate = startInstances(rest, have, batchStarter(cfg, definitionId, null));
                line(String.format(Locale.ROOT, "- real Camunda tasks, through a second engine without the listener: %d instances at %.0f/s "
                        + "(%d threads, %d per command)", rest, rate, seedThreads, SEED_BATCH));
            } finally {
                seeder.close();
            }
        }
        // the projection rows of the real tasks: those the listener did not write, and the task's own priority for all (the listener
        // takes it from the task-priority DMN), so that both sides order the same data
        int inserted = jdbc.update("insert into work_item (" + "task_id, process_instance_id, encounter_id, claim_id, task_type, task_name, queue, "
                + "payer_id, amount, priority, created_at, due_at, assignee, sla_state, excluded_user) "
                + "select t.ID_, t.PROC_INST_ID_, null, null, t.TASK_DEF_KEY_, t.NAME_, i.GROUP_ID_, v.TEXT_, 0, t.PRIORITY_, t.CREATE_TIME_, "
                + "t.DUE_DATE_, t.ASSIGNEE_, 'OK', null from ACT_RU_TASK t "
                + "join ACT_RU_IDENTITYLINK i on i.TASK_ID_ = t.ID_ and i.TYPE_ = 'candidate' "
                + "join ACT_RU_VARIABLE v on v.PROC_INST_ID_ = t.PROC_INST_ID_ and v.TASK_ID_ is null and v.NAME_ = 'payerId' "
                + "where t.PROC_DEF_ID_ = ? and not exists (select 1 from work_item w where w.task_id = t.ID_)", definitionId);
        int synced = jdbc.update("update work_item w join ACT_RU_TASK t on t.ID_ = w.task_id set w.priority = t.PRIORITY_ where w.queue like 'rt-%'");
        line("- work_item rows of real tasks: " + inserted + " written from the engine tables, " + synced + " priorities set to the task's priority");
    }

    interface BatchStarter {
        void start(List<Map<String, Object>> variables);
    }

    ProcessEngineConfigurationImpl engineConfiguration() {
        return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    /** A second engine on the product's database and data source: no Spring, so none of the product's listeners. */
    ProcessEngineConfigurationImpl seederConfiguration() {
        StandaloneProcessEngineConfiguration cfg = new StandaloneProcessEngineConfiguration();
        cfg.setProcessEngineName("claimflow-bench-seeder");
        cfg.setDataSource(dataSource);
        cfg.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
        cfg.setHistory(ProcessEngineConfiguration.HISTORY_AUDIT);
        cfg.setJobExecutorActivate(false);
        cfg.setMetricsEnabled(false);
        cfg.setIdGenerator(new StrongUuidGenerator());
        return cfg;
    }

    /** Starts each batch in one command (one flush, one transaction) of the given engine; collects the instance ids if asked. */
    static BatchStarter batchStarter(ProcessEngineConfigurationImpl cfg, String definitionId, Collection<String> ids) {
        RuntimeService runtime = cfg.getRuntimeService();
        return vars -> cfg.getCommandExecutorTxRequired().execute(ctx -> {
            for (Map<String, Object> v : vars) {
                String id = runtime.startProcessInstanceById(definitionId, v).getId();
                if (ids != null) ids.add(id);
            }
            return null;
        });
    }

    /**
     * Task creation rate in this run, with and without the product's projection listener (same model, same batching, same
     * threads); the instances are deleted again afterwards.
     */
    void measureCreation(int count) throws Exception {
        if (count <= 0) return;
        String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY).latestVersion().singleResult().getId();
        Collection<String> ids = new ConcurrentLinkedQueue<>();
        double with = startInstances(count, 50_000_000, batchStarter(engineConfiguration(), definitionId, ids));
        ProcessEngineConfigurationImpl cfg = seederConfiguration();
        ProcessEngine seeder = cfg.buildProcessEngine();
        double without;
        try {
            without = startInstances(count, 60_000_000, batchStarter(cfg, definitionId, ids));
        } finally {
            seeder.close();
        }
        // clean-up; deleting a task looks for its sub-tasks by PARENT_TASK_ID_, which has no index (see the completion measurement),
        // so the clean-up adds one for its own duration
        List<String> all = new ArrayList<>(ids);
        jdbc.execute("create index ix_bench_task_parent on ACT_RU_TASK (PARENT_TASK_ID_)");
        try {
            for (int i = 0; i < all.size(); i += 100) {
                List<String> slice = all.subList(i, Math.min(all.size(), i + 100));
                tx.executeWithoutResult(s -> runtime.deleteProcessInstances(slice, "benchmark clean-up", false, true));
            }
        } finally {
            jdbc.execute("drop index ix_bench_task_parent on ACT_RU_TASK");
        }
        line(String.format(Locale.ROOT, "- task creation (one-user-task instances, %d threads, %d per command, %d each): %.0f/s through the product's "
                + "engine with the projection listener, %.0f/s through a second engine without it", seedThreads, SEED_BATCH, count, with, without));
    }

    /** Starts {@code count} instances from {@link #seedThreads} threads in batches; returns instances per second. */
    double startInstances(long count, long seedOffset, BatchStarter starter) throws Exception {
        long t0 = System.nanoTime();
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(seedThreads);
        List<Future<?>> futures = new ArrayList<>();
        for (long start = 0; start < count; start += SEED_BATCH) {
            long seed = seedOffset + start;
            int size = (int) Math.min(SEED_BATCH, count - start);
            futures.add(pool.submit(() -> {
                Random r = new Random(seed);
                List<Map<String, Object>> batch = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    Map<String, Object> vars = new HashMap<>();
                    vars.put("queue", pick(RT_QUEUES, QUEUE_WEIGHTS, r));
                    vars.put("payerId", pick(PAYERS, PAYER_WEIGHTS, r));
                    vars.put("priority", r.nextInt(101));
                    vars.put("assignee", r.nextInt(10) == 0 ? "user" + r.nextInt(40) : null);
                    batch.add(vars);
                }
                starter.start(batch);
                long d = done.addAndGet(size);
                if (d % 10_000 < SEED_BATCH) {
                    System.out.printf(Locale.ROOT, "benchmark: %d real tasks, %.0f/s%n", d, d / ((System.nanoTime() - t0) / 1e9));
                }
            }));
        }
        for (Future<?> f : futures) f.get();
        pool.shutdown();
        return count / ((System.nanoTime() - t0) / 1e9);
    }

    /** What next() did before decision 0008: the engine's claim inside the caller's transaction, before the commit. */
    Optional<WorkItem> nextWithEngineClaimInline(Worker worker) {
        return Optional.ofNullable(tx.execute(s -> {
            for (WorkItem item : store.unclaimed(worker.groups(), worker.userId(), 3)) {
                if (!store.assignIfFree(item.taskId(), worker.userId())) continue;
                tasks.claim(item.taskId(), worker.userId());
                benchAudit.record(worker.userId(), "CLAIMED_NEXT", item.encounterId(), item.taskId(), item.taskType());
                return item.claimedBy(worker.userId());
            }
            return null;
        }));
    }

    /**
     * {@link WorkQueueService#next}'s reads and writes without the hand-off to the engine: now (one autocommit update), or as
     * in ba9dc21 (the claim and its audit row in one transaction). The claims stay marked for {@link #addParts}'s sweep, which
     * writes their audit rows again for the ones made the old way (a benchmark database only).
     */
    Optional<WorkItem> nextWithoutHandOff(Worker worker, boolean auditInTransaction, Latencies selection, Latencies claim) {
        long t0 = System.nanoTime();
        List<WorkItem> pool = store.unclaimed(worker.groups(), worker.userId(), 3);
        long t1 = System.nanoTime();
        try {
            for (WorkItem item : pool) {
                boolean taken = !auditInTransaction ? store.assignIfFreeAheadOfEngine(item.taskId(), worker.userId())
                        : Boolean.TRUE.equals(tx.execute(s -> {
                            if (!store.assignIfFreeAheadOfEngine(item.taskId(), worker.userId())) return false;
                            benchAudit.record(worker.userId(), "CLAIMED_NEXT", item.encounterId(), item.taskId(), item.taskType());
                            return true;
                        }));
                if (taken) return Optional.of(item.claimedBy(worker.userId()));
            }
            return Optional.empty();
        } finally {
            if (measuring) {
                selection.add(t1 - t0);
                claim.add(System.nanoTime() - t1);
            }
        }
    }

    /** Reports a diagnostic's parts under it and passes on the claims it left marked. */
    void addParts(List<Latencies> results, Latencies whole, Latencies... parts) {
        if (whole.count() == 0) return;
        for (Latencies part : parts) {
            results.add(part);
            System.out.println("benchmark: " + part.row());
        }
        while (engineClaims.sweep() > 0) {
            // until nothing is left marked
        }
    }

    /** Waits until the engine has every claim next() took (the engine-claims thread drains behind the caller) and says how long. */
    void engineCaughtUp(String when) {
        long t0 = System.nanoTime();
        int pending = store.pendingEngineClaims(100_000).size();
        while (!store.pendingEngineClaims(1).isEmpty() && System.nanoTime() - t0 < TimeUnit.MINUTES.toNanos(5)) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        String note = String.format(Locale.ROOT, "engine caught up %s: %d claims were still to pass on when the loop ended, all passed on %.0f ms later",
                when, pending, (System.nanoTime() - t0) / 1e6);
        System.out.println("benchmark: " + note);
        notes.add(note);
    }

    /** Undoes the claims the next-task measurements made, so that a later run starts from the same data. */
    void restore(List<String> synClaimed, List<String> rtClaimed) {
        engineCaughtUp("before the claims are released");
        int syn = jdbc.update("update work_item set assignee = null where assignee like 'bench-w%' and queue not like 'rt-%'");
        for (int i = 0; i < rtClaimed.size(); i += 200) {
            List<String> slice = rtClaimed.subList(i, Math.min(rtClaimed.size(), i + 200));
            tx.executeWithoutResult(s -> slice.forEach(id -> tasks.setAssignee(id, null)));
        }
        System.out.println("benchmark: released " + syn + " synthetic and " + rtClaimed.size() + " real claims (" + synClaimed.size()
                + " synthetic next-task calls)");
    }

    void explainAll() {
        line("");
        line("## Query plans on this data");
        line("");
        line("`ANALYZE` (MariaDB: runs the statement and adds the rows actually read, `r_rows`) for the reads; `EXPLAIN` for the update. "
                + "The projection's statements are WorkItemStore's, with its full column list.");
        String cols = "task_id, process_instance_id, encounter_id, claim_id, task_type, task_name, queue, payer_id, amount, priority, created_at, "
                + "due_at, assignee, sla_state, excluded_user";
        explain("analyze", "WorkItemStore.page (queue + payer), page 1", "select " + cols + " from work_item where queue = 'billers' and payer_id = 'UHC' "
                + "order by priority desc, created_at limit 50 offset 0");
        explain("analyze", "WorkItemStore.page (queue only), page 1", "select " + cols + " from work_item where queue = 'billers' "
                + "order by priority desc, created_at limit 50 offset 0");
        explain("analyze", "WorkItemStore.unclaimed (one queue; with the index it names on MySQL)", "select " + cols
                + " from work_item force index (ix_work_item_next) where queue = 'billers' and assignee is null"
                + " and (excluded_user is null or excluded_user <> 'x') order by priority desc, created_at limit 3");
        explain("explain", "WorkItemStore.assignIfFree", "update work_item set assignee = 'x' where task_id = 'none' and assignee is null");
        explain("analyze", "WorkItemStore.countUpTo (queue + payer, cap 1,000)", "select count(*) from (select 1 from work_item where queue = 'billers' "
                + "and payer_id = 'UHC' limit 1001) t");
        explain("analyze", "WorkItemStore.stats (queue overview: GET /api/queues, the leads' Queues view)", "select queue, count(*), "
                + "sum(case when assignee is null then 1 else 0 end), min(created_at), sum(case when sla_state = 'WARNED' then 1 else 0 end), "
                + "sum(case when sla_state = 'ESCALATED' then 1 else 0 end) from work_item group by queue order by queue");
        explain("analyze", "WorkItemStore.escalated", "select " + cols + " from work_item where sla_state = 'ESCALATED' "
                + "order by priority desc, created_at limit 50");
        // Camunda 7.24's selectTaskByQueryCriteria as MyBatis renders it on MySQL for the TaskQuery calls above (captured with
        // logging.level.org.camunda.bpm.engine.impl.persistence.entity.TaskEntity=DEBUG)
        String columns = "RES.REV_, RES.ID_, RES.NAME_, RES.PARENT_TASK_ID_, RES.DESCRIPTION_, RES.PRIORITY_, RES.CREATE_TIME_, RES.OWNER_, "
                + "RES.ASSIGNEE_, RES.DELEGATION_, RES.EXECUTION_ID_, RES.PROC_INST_ID_, RES.PROC_DEF_ID_, RES.CASE_EXECUTION_ID_, RES.CASE_INST_ID_, "
                + "RES.CASE_DEF_ID_, RES.TASK_DEF_KEY_, RES.DUE_DATE_, RES.FOLLOW_UP_DATE_, RES.SUSPENSION_STATE_, RES.TENANT_ID_, RES.LAST_UPDATED_, "
                + "RES.TASK_STATE_";
        explain("analyze", "Camunda TaskQuery page: taskCandidateGroup + includeAssignedTasks + processVariableValueEquals(payerId), by priority, create time",
                "select distinct " + columns + " from ACT_RU_TASK RES left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_ WHERE ( 1 = 1 and "
                        + "( I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( 'rt-billers' ) ) ) and EXISTS ( select ID_ from ACT_RU_VARIABLE "
                        + "WHERE NAME_= 'payerId' and TASK_ID_ is null and RES.PROC_INST_ID_ = PROC_INST_ID_ and ( ( TYPE_ is not null and "
                        + "TYPE_ = 'string' and TEXT_ is not null and TEXT_ = 'UHC' ) ) ) ) order by RES.PRIORITY_ desc, RES.CREATE_TIME_ asc "
                        + "LIMIT 50 OFFSET 0");
        explain("analyze", "Camunda TaskQuery next task: taskCandidateGroupIn(2 groups) + taskUnassigned, by priority, create time, listPage(0, 1)",
                "select distinct " + columns + " from ACT_RU_TASK RES left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_ WHERE ( 1 = 1 and "
                        + "RES.ASSIGNEE_ IS NULL and ( RES.ASSIGNEE_ is null and I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( 'rt-coders' , "
                        + "'rt-billers' ) ) ) ) order by RES.PRIORITY_ desc, RES.CREATE_TIME_ asc LIMIT 1 OFFSET 0");
    }

    void explain(String how, String title, String sql) {
        line("");
        line("### " + title);
        line("");
        line("```");
        line(sql);
        List<Map<String, Object>> rows = jdbc.queryForList(how + " " + sql);
        if (!rows.isEmpty()) {
            line(String.join(" | ", rows.get(0).keySet()));
            for (Map<String, Object> row : rows) line(String.join(" | ", row.values().stream().map(String::valueOf).toList()));
        }
        line("```");
    }

    // ---- helpers

    String pick(String[] values, int[] weights) {
        return pick(values, weights, random);
    }

    static String pick(String[] values, int[] weights, Random r) {
        int total = 0;
        for (int w : weights) total += w;
        int x = r.nextInt(total);
        for (int i = 0; i < values.length; i++) {
            x -= weights[i];
            if (x < 0) return values[i];
        }
        return values[values.length - 1];
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "n/a";
        }
    }

    void line(String s) {
        report.append(s).append('\n');
    }

    void write() throws IOException {
        Path out = Path.of("target", "benchmarks", "work-queue-mysql.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
        System.out.println("benchmark: written to " + out.toAbsolutePath());
    }

}
