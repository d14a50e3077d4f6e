package com.claimflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.claim.Claim;
import com.claimflow.claim.ClaimService;
import com.claimflow.collections.CollectionsService;
import com.claimflow.demo.DemoReferenceData;
import com.claimflow.demo.DemoUsers;
import com.claimflow.denial.Denial;
import com.claimflow.denial.DenialService;
import com.claimflow.identity.Worker;
import com.claimflow.intake.Encounter;
import com.claimflow.intake.EncounterRequest;
import com.claimflow.intake.EncounterService;
import com.claimflow.remittance.AccountService;
import com.claimflow.remittance.RemittanceAdvice;
import com.claimflow.remittance.RemittanceService;
import com.claimflow.support.ProcessDriver;
import com.claimflow.workqueue.WorkItem;
import com.claimflow.workqueue.WorkQueueService;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * End-to-end throughput of the demo encounter mix: each encounter is opened through {@link EncounterService#open}, worked by
 * the demo people through {@link WorkQueueService#complete} and answered by a payer played here through
 * {@link RemittanceService} (acknowledgement, remittance), {@link DenialService#decideAppeal} and
 * {@link CollectionsService#postPatientPayment} until its process ends paid. Job executor off (test profile): async
 * continuations run in the driving thread through {@link ProcessDriver#runJobs()} after every step, so this is one worker
 * thread doing everything, one encounter after the other. Subclasses choose the database.
 *
 * <p>The mix, as {@code DemoDataLoader} builds it: payers MCARE/BCBS/AETNA/UHC in turn, every 11th encounter without a member
 * id (a biller resolves eligibility), the demo's eight codings by carla, chen, carla and colin in turn (colin is a new coder:
 * all his coding is audited by cora; UHC has no fee for 20610, so the first such claim goes to a biller, who loads the fee).
 * Unlike the demo, every date of service is recent (the demo's visits past the timely filing limit can never be paid). The
 * payer answers with PayerSimulator's odds and a repeatable roll per claim and question: 8% of first acknowledgements rejected
 * (a biller fixes and resends), 55% paid, 25% paid with a patient share (the patient pays after the first statement), 20%
 * denied with the simulator's CARC mix (coding denials re-coded, billing denials corrected and resubmitted, medical-necessity
 * and timely-filing denials appealed); here every appeal is overturned and every corrected claim paid, so every encounter ends
 * paid.
 */
abstract class AbstractRevenueCycleBenchmark {
    private static final String[] PAYERS = {"MCARE", "BCBS", "AETNA", "UHC"};
    private static final String[] CODERS = {"carla", "chen", "carla", "colin"}; // as DemoDataLoader: colin is new, all his coding audited
    private static final String[][] CODINGS = {
            {"I10, E785", "99213 1 1,2\n36415 1 1\n80053 1 2"},
            {"E119, I10", "99214 25 1 1,2\n93000 1 2"},
            {"J069", "99213 1 1"},
            {"M1711", "99213 25 1 1\n20610 RT 1 1\nJ1100 4 1"},
            {"Z0000", "G0439 1 1\n85025 1 1"},
            {"R0789, I10", "99214 1 1,2\n93000 1 1\n71046 1 1"},
            {"J45909", "99213 1 1"},
            {"R519", "99203 1 1"}};
    private static final String[][] DENIALS = {{"50", "N115", "35"}, {"16", "M51", "25"}, {"11", "N30", "20"}, {"197", "N54", "15"}, {"29", "N211", "5"}};

    @Autowired EncounterService encounters;
    @Autowired WorkQueueService queues;
    @Autowired ProcessDriver driver;
    @Autowired ClaimService claims;
    @Autowired RemittanceService payer;
    @Autowired DenialService denials;
    @Autowired CollectionsService collections;
    @Autowired AccountService account;
    @Autowired HistoryService history;
    @Autowired ManagementService management;
    @Autowired DemoReferenceData reference;
    @Autowired DemoUsers users;
    @Autowired JdbcTemplate jdbc;

    final int count = measured();
    final int warmupCount = warmup();

    /** Encounters measured ({@code bench.encounters}, 200). */
    int measured() {
        return Integer.getInteger("bench.encounters", 200);
    }

    /** At least this many encounters before the measured ones ({@code bench.e2eWarmup}, 200); {@link #warmUp()} goes on until the JIT settles. */
    int warmup() {
        return Integer.getInteger("bench.e2eWarmup", 200);
    }

    /**
     * The compiler threads' share of the JVM's CPU over a round of warm-up below which the JIT counts as settled
     * ({@code bench.warmup.jitShare}, 0.05), and the most encounters warm-up may take ({@code bench.warmup.max}, 1500). On
     * two busy cores C2 works through the product's hot code for two to three minutes: 300 encounters were not enough, and
     * the measured window paid a quarter of its JVM CPU to the compiler (docs/benchmarks.md).
     */
    static final double SETTLED_JIT_SHARE = Double.parseDouble(System.getProperty("bench.warmup.jitShare", "0.05"));
    static final int MAX_WARMUP = Integer.getInteger("bench.warmup.max", 1500);
    static final int WARMUP_ROUND = 100;

    /** Encounters warm-up took, and the compiler threads' share of the JVM's CPU over its last round (NaN: no round after the first part). */
    int warmedUp;
    double lastRoundJitShare = Double.NaN;

    /** {@link #warmup()} encounters, then rounds of {@value #WARMUP_ROUND} until the JIT settled or {@link #MAX_WARMUP} were run. */
    void warmUp() {
        runAll(warmupCount, "W");
        warmedUp = warmupCount;
        while (warmedUp + WARMUP_ROUND <= MAX_WARMUP) {
            long jit0 = LifecycleMeter.jitMillis(), cpu0 = WorkQueueBenchmark.jvmCpuNanos();
            runAll(WARMUP_ROUND, "W" + warmedUp + "-");
            warmedUp += WARMUP_ROUND;
            lastRoundJitShare = (LifecycleMeter.jitMillis() - jit0) * 1e6 / Math.max(1, WorkQueueBenchmark.jvmCpuNanos() - cpu0);
            if (lastRoundJitShare < SETTLED_JIT_SHARE) return;
        }
    }

    final String run = Long.toString(System.currentTimeMillis(), 36);
    final Random random = new Random(42);
    final Map<String, Integer> steps = new ConcurrentHashMap<>();
    final Set<Long> rejectedOnce = ConcurrentHashMap.newKeySet();
    final Set<Long> deniedEncounters = ConcurrentHashMap.newKeySet();
    /** each encounter's process instance, read once ({@link #root}) */
    final Map<Long, String> roots = new ConcurrentHashMap<>();
    /** looks at the database that found an encounter's jobs not done yet (the parallel run) */
    final AtomicInteger looks = new AtomicInteger();
    /** engine steps of the measured encounters: process starts, user tasks completed, messages correlated, async jobs run */
    final AtomicInteger starts = new AtomicInteger(), userTasks = new AtomicInteger(), messages = new AtomicInteger(), jobs = new AtomicInteger();

    /**
     * Engine steps per encounter of the last one-thread run in this JVM (the parallel run cannot count its jobs, which the
     * job executor runs): its per-step figures use it. 13.98 as measured on 2026-12-07 when there was none.
     */
    static double lastStepsPerEncounter = Double.parseDouble(System.getProperty("bench.stepsPerEncounter", "13.98"));

    abstract String databaseName();

    /** Worker threads driving encounters; above 1 the job executor runs the jobs (a subclass turns it on) and the drivers wait. */
    int workers() {
        return 1;
    }

    /** A JDBC URL of the server for {@link LifecycleMeter} (null: no server counters, e.g. H2) and the product's database name. */
    String meterUrl() {
        return null;
    }

    String meterDatabase() {
        return null;
    }

    @Test
    void demoMixThroughput() throws IOException {
        reference.load();
        users.load();
        // the one-thread run reports the product's statements by shape; the parallel run only when asked (bench.shapes: the
        // counting costs the JVM CPU the report charges to the product)
        StatementCounter.byText = workers() == 1 || Boolean.getBoolean("bench.shapes");
        String db = jdbc.queryForObject("select " + (databaseName().equals("H2") ? "H2VERSION()" : "version()"), String.class);
        String loadAtStart = WorkQueueBenchmark.loadAverage();

        warmUp();
        steps.clear();
        looks.set(0);
        starts.set(0);
        userTasks.set(0);
        messages.set(0);
        jobs.set(0);

        LifecycleMeter meter = meterUrl() == null ? null : new LifecycleMeter(meterUrl(), meterDatabase());
        if (meter != null) meter.start();
        Map<String, Long> shapes0 = StatementCounter.snapshot();
        long t0 = System.nanoTime();
        runAll(count, "M");
        double seconds = (System.nanoTime() - t0) / 1e9;
        double perSecond = count / seconds;
        LifecycleMeter.Result cost = meter == null ? null : meter.stop();

        StringBuilder out = new StringBuilder();
        out.append("# End-to-end throughput, demo encounter mix, ").append(databaseName()).append(" — ")
                .append(ZonedDateTime.now().truncatedTo(ChronoUnit.SECONDS)).append("\n\n");
        out.append("- database: ").append(db).append("\n");
        out.append("- JVM: ").append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.runtime.version"))
                .append(", ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs\n");
        out.append("- load average at start / end (other builds share this machine): ").append(loadAtStart).append(" / ")
                .append(WorkQueueBenchmark.loadAverage()).append("\n");
        out.append(String.format(Locale.ROOT, "- %d encounters (after %d warm-up) opened, worked and paid in %.1f s: **%.2f encounters/s** "
                + "(%.0f ms each), %s%n", count, warmedUp, seconds, perSecond, 1000 * seconds / count,
                workers() == 1 ? "one thread, job executor off, jobs run by the driver" : workers() + " worker threads, job executor on"));
        out.append(String.format(Locale.ROOT, "- warm-up: %d encounters, then rounds of %d until the JIT's compiler threads took under %.0f %% of the JVM's "
                + "CPU in a round (at most %d in all): %s%n", warmupCount, WARMUP_ROUND, 100 * SETTLED_JIT_SHARE, MAX_WARMUP,
                Double.isNaN(lastRoundJitShare) ? "no round run" : String.format(Locale.ROOT, "%.1f %% in the last of %d rounds%s",
                        100 * lastRoundJitShare, (warmedUp - warmupCount) / WARMUP_ROUND,
                        lastRoundJitShare < SETTLED_JIT_SHARE ? "" : ", **not settled**: the window pays the JIT")));
        out.append("- steps taken (measured encounters): ").append(new TreeMap<>(steps)).append("\n");
        if (workers() == 1) {
            out.append(String.format(Locale.ROOT, "- engine steps per encounter: %.2f (%.2f starts, %.2f user tasks, %.2f messages, %.2f jobs)%n",
                    engineSteps() / (double) count, starts.get() / (double) count, userTasks.get() / (double) count,
                    messages.get() / (double) count, jobs.get() / (double) count));
        }
        if (workers() > 1) {
            out.append(String.format(Locale.ROOT, "- the drivers' looks at the database that found an encounter's jobs not yet run: %.1f an encounter "
                    + "(each after the job executor finished a batch of jobs, or 50 ms)%n", looks.get() / (double) count));
        }
        if (cost != null) report(out, cost);
        Map<String, Long> shapes1 = StatementCounter.snapshot();
        if (StatementCounter.byText && StatementCounter.total(shapes1) > StatementCounter.total(shapes0)) {
            // counted in this JVM by the Connector/J interceptor on the URL (MariaDB runs), the benchmark's own reads left out
            out.append(String.format(Locale.ROOT, "%n%.1f statements an encounter sent by the product (this JVM's count); the 60 most frequent shapes, "
                    + "per encounter:%n%n```%n", (StatementCounter.total(shapes1) - StatementCounter.total(shapes0)) / (double) count));
            StatementCounter.top(shapes0, shapes1, 60, count).forEach(l -> out.append(l).append('\n'));
            out.append("```\n");
        }
        Path file = Path.of("target", "benchmarks", "revenue-cycle-" + databaseName().toLowerCase(Locale.ROOT) + ".md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out);
        System.out.println(out);
        assertThat(perSecond).isPositive();
    }

    int engineSteps() {
        return starts.get() + userTasks.get() + messages.get() + jobs.get();
    }

    /** Opens and drives n encounters, one after the other on each of {@link #workers()} threads. */
    void runAll(int n, String prefix) {
        if (workers() == 1) {
            for (int i = 0; i < n; i++) drive(open(i, prefix), i);
            return;
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers());
        try {
            List<Future<?>> done = new java.util.ArrayList<>();
            for (int w = 0; w < workers(); w++) {
                done.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) drive(open(i, prefix), i);
                }));
            }
            for (Future<?> f : done) f.get();
        } catch (Exception e) {
            throw new AssertionError("a worker failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Per encounter and per engine step; the ratios to the bare engine when the script gave its figures (bench.baseline.file). */
    void report(StringBuilder out, LifecycleMeter.Result c) {
        if (workers() == 1) lastStepsPerEncounter = engineSteps() / (double) count;
        double steps = workers() == 1 ? engineSteps() : lastStepsPerEncounter * count;
        double jvmMs = c.jvmCpuWithoutJit() / 1e6, dbMs = c.dbCpuNanos() / 1e6;
        out.append(String.format(Locale.ROOT, "- server counters over the window (MariaDB global status; the benchmark's own %d statements, of them %d commits "
                + "and %d SET autocommit/read-only, taken off): %s%n", c.own(), c.ownCommits(), c.ownSets(), c.delta()));
        out.append(String.format(Locale.ROOT, "- other clients busy in %d of %d looks at the process list%s%n", c.busySamples(), c.samples(),
                c.busySamples() == 0 ? "" : " (e.g. " + c.busyExample() + "): the server counters include their work"));
        out.append(String.format(Locale.ROOT, "- load average at the window's start / end: %s / %s (CPU figures depend on it; counts do not)%n",
                c.loadStart(), c.loadEnd()));
        out.append("\n| per | statements | commits | rows written | SET autocommit & co (Com_set_option) | JVM CPU ms (JIT and the benchmark's reads off) | JIT ms | mariadbd CPU ms |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (double[] per : new double[][] {{count, 0}, {steps, 1}}) {
            double n = per[0];
            out.append(String.format(Locale.ROOT, "| %s | %.1f | %.2f | %.1f | %.1f | %.2f | %.2f | %.2f |%n", per[1] == 0 ? "encounter" : "engine step",
                    c.statements() / n, c.commits() / n, c.rowsWritten() / n, c.setOptions() / n, jvmMs / n,
                    c.jitNanos() / 1e6 / n, dbMs / n));
        }
        String baselineFile = System.getProperty("bench.baseline.file");
        if (baselineFile != null && workers() == 1) {
            java.util.Properties b = new java.util.Properties();
            try (var in = Files.newInputStream(Path.of(baselineFile))) {
                b.load(in);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            double bs = Double.parseDouble(b.getProperty("statementsPerStep")), bc = Double.parseDouble(b.getProperty("commitsPerStep"));
            double bcpu = Double.parseDouble(b.getProperty("jvmCpuMsPerStep")), brows = Double.parseDouble(b.getProperty("rowsPerStep", "NaN"));
            double bdb = Double.parseDouble(b.getProperty("dbCpuMsPerStep", "NaN"));
            out.append(String.format(Locale.ROOT, "%n| per engine step | product | bare engine | ratio | target |%n|---|---:|---:|---:|---|%n"
                    + "| statements | %.1f | %.1f | **%.2f** | <= 1.5 |%n| commits | %.2f | %.2f | **%.2f** | <= 1.3 |%n"
                    + "| rows written | %.1f | %.1f | %.2f | |%n| JVM CPU ms | %.2f | %.2f | **%.2f** | <= 1.5 |%n| mariadbd CPU ms | %.2f | %.2f | %.2f | |%n",
                    c.statements() / steps, bs, c.statements() / steps / bs, c.commits() / steps, bc, c.commits() / steps / bc,
                    c.rowsWritten() / steps, brows, c.rowsWritten() / steps / brows, jvmMs / steps, bcpu, jvmMs / steps / bcpu, dbMs / steps, bdb,
                    dbMs / steps / bdb));
            out.append("- bare engine: ").append(b.getProperty("note", "")).append("\n");
        }
    }

    /** Batches of jobs the job executor has finished so far (the parallel run counts them). */
    long jobsDone() {
        return 0;
    }

    /** Waits for the job executor to finish a batch of jobs after {@code seen} were (the parallel run), or a moment. */
    void awaitJobs(long seen) {
        pause(10);
    }

    /** Runs the encounter's due async jobs in this thread (job executor off), or waits for the job executor to run them. */
    void settle(Encounter e) {
        if (workers() == 1) {
            for (int round = 0; round < 500; round++) {
                // one at a time: a job can remove others (a completed task takes its SLA jobs with it); what the job query's
                // messages().executable() asks, as one plain statement
                List<String> due = OwnReads.own(() -> jdbc.queryForList("select ID_ from ACT_RU_JOB where TYPE_ = 'message' and RETRIES_ > 0 "
                        + "and (DUEDATE_ is null or DUEDATE_ <= ?) order by ID_ limit 1", String.class, new java.sql.Timestamp(System.currentTimeMillis())));
                if (due.isEmpty()) return;
                management.executeJob(due.get(0));
                jobs.incrementAndGet();
            }
            throw new AssertionError("async jobs did not settle after 500 jobs");
        }
        String root = root(e);
        long until = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < until) {
            long seen = jobsDone(); // read before the look: a batch finished after it wakes the wait below at once
            // settled: no async job of the encounter's processes left (by their executions: a job the job executor has locked
            // shows no ROOT_PROC_INST_ID_), and the encounter waits for someone (a task, a message) or has ended
            Integer busy = OwnReads.own(() -> jdbc.queryForObject("select (select count(*) from ACT_RU_JOB j join ACT_RU_EXECUTION p on p.ID_ = j.PROCESS_INSTANCE_ID_ "
                    + "where (p.ROOT_PROC_INST_ID_ = ? or p.ID_ = p.ROOT_PROC_INST_ID_ and p.ID_ = ?) and j.TYPE_ = 'message' and j.RETRIES_ > 0) + case when exists (select 1 from ACT_RU_TASK t join ACT_RU_EXECUTION x on x.ID_ = t.PROC_INST_ID_ "
                    + "where x.ROOT_PROC_INST_ID_ = ?) or exists (select 1 from ACT_RU_EVENT_SUBSCR s join ACT_RU_EXECUTION x on x.ID_ = s.EXECUTION_ID_ "
                    + "where x.ROOT_PROC_INST_ID_ = ? and s.EVENT_TYPE_ = 'message') or not exists (select 1 from ACT_RU_EXECUTION where ID_ = ?) "
                    + "then 0 else 1 end", Integer.class, root, root, root, root, root));
            if (busy == 0) return;
            looks.incrementAndGet();
            awaitJobs(seen);
        }
        throw new AssertionError("encounter " + e.id() + ": the job executor did not run its jobs within 60 s");
    }

    String engineState(Encounter e) {
        String root = encounters.get(e.id()).processInstanceId();
        return jdbc.queryForList("select x.ID_, x.PROC_DEF_ID_, x.ACT_ID_, x.ROOT_PROC_INST_ID_, x.PROC_INST_ID_ from ACT_RU_EXECUTION x where x.ROOT_PROC_INST_ID_ = ? or x.ID_ = ?", root, root)
                + " jobs " + jdbc.queryForList("select j.TYPE_, j.HANDLER_CFG_, j.ROOT_PROC_INST_ID_, j.PROCESS_INSTANCE_ID_, j.LOCK_OWNER_, j.RETRIES_, j.DUEDATE_ from ACT_RU_JOB j "
                + "where j.PROCESS_INSTANCE_ID_ in (select PROC_INST_ID_ from ACT_RU_EXECUTION where ROOT_PROC_INST_ID_ = ? or ID_ = ?)", root, root);
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ie);
        }
    }

    Encounter open(int i, String prefix) {
        boolean missingMemberId = i % 11 == 7;
        String payerId = PAYERS[i % PAYERS.length];
        LocalDate dos = LocalDate.now().minusDays(1 + random.nextInt(20));
        Encounter e = encounters.open(new EncounterRequest("BENCH-" + run + "-" + prefix + i,
                new EncounterRequest.Patient("Bench", "Patient" + i, LocalDate.of(1940 + random.nextInt(60), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                        random.nextBoolean() ? "F" : "M"),
                new EncounterRequest.Coverage(payerId, missingMemberId ? null : memberId(payerId, random)),
                DemoReferenceData.CLINIC_NPI, i % 2 == 0 ? DemoReferenceData.DR_ADAMS_NPI : DemoReferenceData.DR_BAKER_NPI,
                i % 5 == 0 ? DemoReferenceData.npi("112233445") : null, i % 7 == 0 ? "PA" + (5000 + i) : null, dos, "11",
                "PROFESSIONAL", "Synthetic visit note " + i + ". No real patient data.",
                i % 5 == 0 ? "Carter, Dana MD" : null, null)); // the referring physician is not on file: intake takes the name
        step("open");
        starts.incrementAndGet();
        settle(e);
        return e;
    }

    /** Works and answers one encounter until its process has ended. */
    void drive(Encounter e, int i) {
        int waited = 0;
        for (int round = 0; round < 80 + waited; round++) {
            if (ended(e)) {
                step(passed(e, "PaidInFull") ? "end: paid in full" : "end: closed after patient payment");
                return;
            }
            List<WorkItem> open = OwnReads.own(() -> queues.forEncounter(e.id()));
            if (!open.isEmpty()) {
                for (WorkItem w : open) work(w, e, i);
                continue;
            }
            java.util.Optional<Claim> latest = OwnReads.own(() -> claims.latestFor(e.id()));
            if (latest.isEmpty() && workers() > 1 && waited++ < 200) { // the job executor has not got to it yet
                pause(10);
                continue;
            }
            Claim c = latest.orElseThrow(() -> new AssertionError("encounter " + e.id() + " has no claim and no task"));
            switch (c.status()) {
                case SUBMITTED -> {
                    boolean accept = rejectedOnce.contains(c.id()) || roll(c.id(), "ACK") >= 8;
                    if (!accept) rejectedOnce.add(c.id());
                    payer.acknowledge(c.id(), accept, accept ? "PCN" + c.id() + "V" + c.version() : null,
                            accept ? null : "A7:164 entity's contract/member number invalid");
                    step(accept ? "payer: acknowledged" : "payer: rejected");
                }
                case ACCEPTED -> remit(e, c);
                case DENIED -> {
                    Denial d = OwnReads.own(() -> denials.current(c.id()));
                    if (d.getStatus() == Denial.Status.APPEALED) {
                        denials.decideAppeal(c.id(), true);
                        step("payer: appeal overturned");
                    } else if (d.getStatus() == Denial.Status.OVERTURNED) {
                        payer.post(paid(c, "bench-appeal-" + c.id(), false));
                        step("payer: paid after appeal");
                    } else {
                        throw new AssertionError("encounter " + e.id() + ": denial " + d.getStatus() + " with no open task");
                    }
                }
                case PARTIALLY_PAID -> {
                    BigDecimal owed = OwnReads.own(() -> account.balance(e.id()).patient());
                    if (owed.signum() <= 0 || OwnReads.own(() -> collections.statements(e.id())).isEmpty()) {
                        throw new AssertionError("encounter " + e.id() + " partly paid, patient owes " + owed + ", statements "
                                + collections.statements(e.id()).size());
                    }
                    collections.postPatientPayment(e.id(), owed, "bench check " + e.id(), "ben");
                    step("patient: paid statement");
                }
                default -> throw new AssertionError("encounter " + e.id() + ": claim " + c.id() + " is " + c.status()
                        + " with no open task; stage " + encounters.stage(e) + "; engine: " + engineState(e));
            }
            messages.incrementAndGet();
            settle(e);
        }
        throw new AssertionError("encounter " + e.id() + " did not end after 80 rounds; open tasks " + driver.openTaskTypes(e.id()));
    }

    void remit(Encounter e, Claim c) {
        String ref = "bench-" + c.id() + "-v" + c.version();
        if (deniedEncounters.contains(e.id())) {
            payer.post(paid(c, ref, false)); // a corrected claim is paid
            step("payer: paid corrected claim");
            return;
        }
        int roll = roll(c.id(), "REMIT");
        if (roll < 55) {
            payer.post(paid(c, ref, false));
            step("payer: paid");
        } else if (roll < 80) {
            payer.post(paid(c, ref, true));
            step("payer: paid with patient share");
        } else {
            deniedEncounters.add(e.id());
            int pick = roll(c.id(), "CARC");
            String[] denial = DENIALS[DENIALS.length - 1];
            int cumulative = 0;
            for (String[] d : DENIALS) {
                cumulative += Integer.parseInt(d[2]);
                if (pick < cumulative) {
                    denial = d;
                    break;
                }
            }
            payer.post(new RemittanceAdvice(ref, c.id(), c.payerClaimNumber(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, true,
                    "CO", denial[0], denial[1]));
            step("payer: denied CARC " + denial[0]);
        }
    }

    /** The demo people at work: each task type completed with the form its person would submit. */
    void work(WorkItem w, Encounter e, int i) {
        String type = w.taskType();
        switch (type) {
            case "CodeEncounter" -> {
                String[] coding = CODINGS[i % CODINGS.length];
                complete(w, e, CODERS[i % CODERS.length], "coders", Map.of("diagnosisCodes", coding[0], "procedureLines", coding[1], "queryProvider", false));
            }
            case "AuditCoding" -> complete(w, e, "cora", "compliance", Map.of("auditPassed", true));
            case "FixCodingEdit", "CorrectCodingDenial" -> complete(w, e, "carla", "coders",
                    Map.of("diagnosisCodes", "I10", "procedureLines", "99213 1 1", "note", "re-coded"));
            case "ResolveEligibility" -> complete(w, e, "bella", "billers", Map.of("memberId", memberId(e.payerId(), random)));
            case "FixClaimEdit" -> {
                // the demo's only biller-owned scrub failure: UHC's fee schedule has no amount for 20610; the biller loads it
                if (OwnReads.own(() -> jdbc.queryForObject("select count(*) from fee_schedule_entry where payer_id = 'UHC' and code = '20610'", Integer.class)) == 0) {
                    jdbc.update("insert into fee_schedule_entry (payer_id, code, allowed_amount, valid_from) values ('UHC', '20610', 71.30, '2015-10-01')");
                }
                complete(w, e, "bella", "billers", Map.of("note", "fee schedule loaded"));
            }
            case "FixRejectedClaim" -> complete(w, e, "ben", "billers", Map.of("memberId", OwnReads.own(() -> encounters.get(e.id()).memberId()), "note", "member id checked"));
            case "CorrectBillingDenial" -> complete(w, e, "ben", "billers", Map.of("note", "authorization attached"));
            case "PrepareAppeal" -> complete(w, e, "bella", "billers", Map.of("appealDecision", "APPEAL", "note", "records attached"));
            default -> throw new AssertionError("encounter " + e.id() + ": no one here works " + type);
        }
    }

    void complete(WorkItem w, Encounter e, String user, String group, Map<String, Object> form) {
        queues.complete(w.taskId(), new HashMap<>(form), new Worker(user, Set.of(group)));
        step("task: " + w.taskType());
        userTasks.incrementAndGet();
        settle(e);
    }

    /**
     * The encounter's process instance, read once: the benchmark's own reads are work the server does beside the product's,
     * in its CPU figure, so they are as few and as plain as they can be (one statement, no transaction).
     */
    String root(Encounter e) {
        return roots.computeIfAbsent(e.id(), id -> OwnReads.own(() -> encounters.get(id).processInstanceId()));
    }

    boolean ended(Encounter e) {
        String root = root(e);
        return OwnReads.own(() -> jdbc.queryForObject("select count(*) from ACT_RU_EXECUTION where ID_ = ?", Integer.class, root) == 0);
    }

    boolean passed(Encounter e, String activityId) {
        return OwnReads.own(() -> history.createHistoricActivityInstanceQuery().processInstanceId(root(e))
                .activityId(activityId).list().stream().map(HistoricActivityInstance::getActivityId).anyMatch(activityId::equals));
    }

    void step(String name) {
        steps.merge(name, 1, Integer::sum);
    }

    static RemittanceAdvice paid(Claim claim, String ref, boolean withPatientShare) {
        BigDecimal charge = claim.totalCharge();
        BigDecimal adjustment = pct(charge, 20);
        BigDecimal patient = withPatientShare ? pct(charge, 20) : BigDecimal.ZERO;
        return new RemittanceAdvice(ref, claim.id(), claim.payerClaimNumber(), charge.subtract(adjustment).subtract(patient), adjustment,
                patient, false, withPatientShare ? "PR" : "CO", withPatientShare ? "2" : "45", null);
    }

    static BigDecimal pct(BigDecimal amount, int percent) {
        return amount.multiply(BigDecimal.valueOf(percent)).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    /**
     * A repeatable 0-99 roll per claim and question, independent between questions: PayerSimulator's roll since commit 4e6b6e1
     * (before it, the roll was linear in the question's hash, so the CARC roll followed the remittance roll and every denial was
     * CARC 50).
     */
    static int roll(long claimId, String question) {
        return new SplittableRandom(claimId * 1_000_003L + question.hashCode()).nextInt(100);
    }

    /** A member id in the payer's format, as DemoDataLoader makes them. */
    static String memberId(String payer, Random r) {
        return switch (payer) {
            case "MCARE" -> (1 + r.nextInt(9)) + "EG4TE5MK73".substring(0, 10);
            case "BCBS" -> "XYZ" + String.format("%09d", r.nextInt(1_000_000_000));
            case "AETNA" -> "W" + String.format("%09d", r.nextInt(1_000_000_000));
            default -> String.format("%09d", r.nextInt(1_000_000_000));
        };
    }
}
