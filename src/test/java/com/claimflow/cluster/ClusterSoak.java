package com.claimflow.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Cluster soak: two product nodes on one MariaDB database, encounters opened and tasks pulled through both, one node
 * killed with SIGKILL twice and restarted, then checks by SQL and through the API that nothing was lost or done twice.
 * Optionally measures the same load on one node and on two first. Run by scripts/cluster-soak.sh (docs/cluster.md), which
 * builds the jar and puts this class, Jackson and the MySQL driver on the class path. Prints PASS/FAIL per check and exits
 * 1 on any failure.
 */
public final class ClusterSoak {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] PAYERS = {"MCARE", "BCBS", "AETNA", "UHC"};
    /** The demo's codings (DemoDataLoader, AbstractRevenueCycleBenchmark): some a scrubber or payer objects to. */
    private static final String[][] CODINGS = {
            {"I10, E785", "99213 1 1,2\n36415 1 1\n80053 1 2"},
            {"E119, I10", "99214 25 1 1,2\n93000 1 2"},
            {"J069", "99213 1 1"},
            {"M1711", "99213 25 1 1\n20610 RT 1 1\nJ1100 4 1"},
            {"Z0000", "G0439 1 1\n85025 1 1"},
            {"R0789, I10", "99214 1 1,2\n93000 1 1\n71046 1 1"},
            {"J45909", "99213 1 1"},
            {"R519", "99203 1 1"}};
    /** One thread per person (next-task returns only unclaimed tasks, so one user on two threads would be one worker). */
    private static final String[] WORKERS = {"carla", "chen", "colin", "bella", "ben", "bianca", "lena", "cora"};
    private static final String OPENER = "adam";
    /** A node starts in 1-2 minutes alone on this machine, in up to 10 when other builds share its two cores. */
    private static final int READY_SECONDS = 1200;

    private final Options opt;
    private final PrintStream out = System.out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).version(HttpClient.Version.HTTP_1_1).build();
    private final List<Node> nodes = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final StringBuilder report = new StringBuilder();

    // what the driver saw, for the checks
    private final Map<Long, String> acknowledged = new ConcurrentHashMap<>();
    private final Map<Long, Integer> encounterIndex = new ConcurrentHashMap<>();
    private final Map<Long, String> memberIds = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Handout> handouts = new ConcurrentLinkedQueue<>();
    private final Set<Long> patientPaid = ConcurrentHashMap.newKeySet();
    private final AtomicInteger encounterSeq = new AtomicInteger();
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private volatile Phase phase;
    private String dbName;

    record Options(Path jar, Path workDir, String dbBase, String dbHost, int basePort, int soakSeconds, int benchSeconds, int kills,
                   int drainSeconds, int backlog, String heap, List<String> jvmOptions) {
        static Options parse(String[] args) {
            Map<String, String> a = new HashMap<>();
            for (String s : args) {
                if (!s.startsWith("--")) throw new IllegalArgumentException("unknown argument " + s);
                int eq = s.indexOf('=');
                a.put(eq < 0 ? s.substring(2) : s.substring(2, eq), eq < 0 ? "true" : s.substring(eq + 1));
            }
            boolean shortMode = a.containsKey("short");
            return new Options(Path.of(a.getOrDefault("jar", "target/claimflow-0.1.0-SNAPSHOT.jar")).toAbsolutePath(),
                    Path.of(a.getOrDefault("work-dir", "target/cluster-soak")).toAbsolutePath(), a.getOrDefault("db", "cf_cluster"),
                    a.getOrDefault("db-host", "127.0.0.1:3306"), Integer.parseInt(a.getOrDefault("base-port", "18161")),
                    Integer.parseInt(a.getOrDefault("soak-seconds", shortMode ? "90" : "600")),
                    Integer.parseInt(a.getOrDefault("bench-seconds", shortMode ? "0" : "180")),
                    Integer.parseInt(a.getOrDefault("kills", "2")), Integer.parseInt(a.getOrDefault("drain-seconds", shortMode ? "45" : "120")),
                    Integer.parseInt(a.getOrDefault("backlog", "25")), a.getOrDefault("heap", "640m"),
                    // the short mode measures nothing: C1 alone starts a node in about half the CPU time
                    List.of(a.getOrDefault("jvm-options", shortMode ? "-XX:TieredStopAtLevel=1" : "").split(" ")));
        }
    }

    /** One next-task hand-out as the driver saw it: who got which task, when, and when they let go of it. */
    static final class Handout {
        final String taskId;
        final String worker;
        final String taskType;
        final long askedAt;
        final long gotAt;
        volatile long endedAt = Long.MAX_VALUE;
        volatile String how = "held";

        Handout(String taskId, String worker, String taskType, long askedAt, long gotAt) {
            this.taskId = taskId;
            this.worker = worker;
            this.taskType = taskType;
            this.askedAt = askedAt;
            this.gotAt = gotAt;
        }
    }

    /** Counters and latencies of one stretch of load. */
    static final class Phase {
        final String name;
        final long startedAt = System.currentTimeMillis();
        volatile long endedAt;
        final AtomicInteger opened = new AtomicInteger();
        final AtomicInteger nextCalls = new AtomicInteger();
        final AtomicInteger completed = new AtomicInteger();
        final AtomicInteger connectionErrors = new AtomicInteger();
        final ConcurrentLinkedQueue<Long> nextMicros = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Long> allMicros = new ConcurrentLinkedQueue<>();
        volatile boolean stopOpening;
        volatile boolean stopWorking;
        final AtomicLong lastWorkAt = new AtomicLong(System.currentTimeMillis());

        Phase(String name) {
            this.name = name;
        }
    }

    /** A product process: started, killed with SIGKILL, stopped, each recorded in its log and pid file for the script's trap. */
    final class Node {
        final String name;
        final int port;
        final List<String> extra;
        Process process;

        Node(String name, int port, List<String> extra) {
            this.name = name;
            this.port = port;
            this.extra = extra;
        }

        String base() {
            return "http://127.0.0.1:" + port;
        }

        void start() throws IOException {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + opt.heap(),
                    "-XX:+UseSerialGC"));
            opt.jvmOptions().stream().filter(o -> !o.isBlank()).forEach(cmd::add);
            cmd.addAll(List.of("-jar", opt.jar().toString(),
                    "--spring.profiles.active=mysql,demo", "--server.port=" + port, "--claimflow.demo.encounters=0",
                    "--claimflow.payer-simulator.ack-delay=PT3S", "--claimflow.payer-simulator.remittance-delay=PT10S",
                    // the production SLA policy: the demo's minutes-long SLAs would add timers the soak does not measure
                    "--claimflow.sla.time-scale=1",
                    // the demo's HL7 listener: both nodes run on this one host, so each takes a free port (the soak sends none)
                    "--claimflow.hl7.port=0",
                    // a job a killed node had locked is taken up by the other node after this, not after the default 5 minutes
                    "--camunda.bpm.job-execution.lock-time-in-millis=30000"));
            cmd.addAll(extra);
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(opt.workDir().toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(opt.workDir().resolve(name + ".out").toFile()));
            pb.environment().put("CLAIMFLOW_DB_URL", jdbcUrl(dbName));
            process = pb.start();
            Files.writeString(opt.workDir().resolve(name + ".pid"), Long.toString(process.pid()));
            log("%s started on port %d (pid %d)", name, port, process.pid());
        }

        void awaitReady(int seconds) throws Exception {
            long deadline = System.currentTimeMillis() + seconds * 1000L;
            while (System.currentTimeMillis() < deadline) {
                if (!process.isAlive()) throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + name + ".out");
                try {
                    HttpResponse<String> r = send(this, "GET", "/api/tasks/mine", "cora", null);
                    if (r.statusCode() == 200) {
                        log("%s ready", name);
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(1000);
            }
            throw new IllegalStateException(name + " not ready after " + seconds + " s; see " + name + ".out");
        }

        void kill9() throws InterruptedException {
            log("kill -9 %s (pid %d)", name, process.pid());
            process.destroyForcibly(); // SIGKILL on Linux
            process.waitFor();
        }

        void stop() throws InterruptedException {
            if (process == null || !process.isAlive()) return;
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
            log("%s stopped", name);
        }
    }

    ClusterSoak(Options opt) {
        this.opt = opt;
    }

    public static void main(String[] args) throws Exception {
        ClusterSoak soak = new ClusterSoak(Options.parse(args));
        int rc;
        try {
            rc = soak.runAll();
        } finally {
            for (Node n : soak.nodes) {
                if (n.process != null && n.process.isAlive()) n.process.destroyForcibly();
            }
        }
        System.exit(rc);
    }

    int runAll() throws Exception {
        Files.createDirectories(opt.workDir());
        report.append("- load average at start: ").append(loadAverage()).append('\n');
        Map<String, Object> one = null;
        Map<String, Object> two = null;
        if (opt.benchSeconds() > 0) {
            dbName = opt.dbBase() + "_one";
            recreateDatabase(dbName);
            Node solo = new Node("bench-one", opt.basePort() + 2, List.of());
            nodes.add(solo);
            solo.start();
            solo.awaitReady(READY_SECONDS);
            one = load("one node", List.of(solo), opt.benchSeconds(), false);
            solo.stop();
            nodes.remove(solo);
            dropDatabase(dbName);
            // the checks are about the cluster's database and folder only
            deleteTree(opt.workDir().resolve("data"));
            acknowledged.clear();
            encounterIndex.clear();
            memberIds.clear();
            handouts.clear();
            patientPaid.clear();
        }
        dbName = opt.dbBase();
        recreateDatabase(dbName);
        // A loads demo users and reference data alone; B starts once they exist, so no two nodes load them at once.
        // The payer simulator polls on A only: its poll reads due answers without a lock, so two pollers answer one claim
        // twice. B keeps the simulator bean (the hand-off event that schedules an answer is local to the node that sent
        // the file) but polls once, at start, while nothing is due yet; A is the node that is killed and restarted.
        Node a = new Node("node-a", opt.basePort(), List.of());
        Node b = new Node("node-b", opt.basePort() + 1, List.of("--claimflow.payer-simulator.poll-millis=86400000"));
        nodes.add(a);
        nodes.add(b);
        a.start();
        a.awaitReady(READY_SECONDS);
        b.start();
        b.awaitReady(READY_SECONDS);
        if (opt.benchSeconds() > 0) two = load("two nodes", List.of(a, b), opt.benchSeconds(), false);
        Map<String, Object> soak = load("soak, two nodes, node-a killed " + opt.kills() + "x", List.of(a, b), opt.soakSeconds(), true);
        drain(List.of(a, b));
        apiChecks(b);
        awaitQuiet();
        a.stop();
        b.stop();
        sqlChecks();
        summary(one, two, soak);
        return failures.isEmpty() ? 0 : 1;
    }

    // ---------------------------------------------------------------- load

    private Map<String, Object> load(String name, List<Node> targets, int seconds, boolean withKills) throws Exception {
        Phase p = new Phase(name);
        phase = p;
        log("== %s: %d s", name, seconds);
        List<Thread> threads = new ArrayList<>();
        threads.add(start("opener", () -> opener(p, targets)));
        for (int i = 0; i < WORKERS.length; i++) {
            String user = WORKERS[i];
            int offset = i;
            threads.add(start("worker-" + user, () -> worker(p, targets, user, offset)));
        }
        threads.add(start("patient", () -> patient(p, targets)));
        long end = System.currentTimeMillis() + seconds * 1000L;
        if (withKills && opt.kills() > 0) {
            // each restarted node works (and answers for the payer) a while before it is killed again and before the end
            long uptime = Math.min(120_000, seconds * 1000L / (opt.kills() + 2));
            Node victim = targets.get(0);
            long readyAt = p.startedAt;
            for (int k = 1; k <= opt.kills(); k++) {
                sleepUntil(Math.max(p.startedAt + (long) seconds * 1000L * k / (opt.kills() + 2), readyAt + uptime));
                victim.kill9();
                Thread.sleep(2000);
                victim.start();
                victim.awaitReady(READY_SECONDS);
                readyAt = System.currentTimeMillis();
            }
            end = Math.max(end, readyAt + uptime);
        }
        sleepUntil(end);
        p.endedAt = System.currentTimeMillis();
        p.stopOpening = true;
        Map<String, Object> m = metrics(p);
        if (!withKills) {
            p.stopWorking = true;
            for (Thread t : threads) t.join(120_000);
        } else {
            soakThreads = threads;
        }
        log("%s: %s", name, m);
        return m;
    }

    private List<Thread> soakThreads = List.of();

    /** Stops opening encounters and lets the workers empty the queues they can, then stops them. */
    private void drain(List<Node> targets) throws Exception {
        Phase p = phase;
        log("== drain: up to %d s", opt.drainSeconds());
        long deadline = System.currentTimeMillis() + opt.drainSeconds() * 1000L;
        while (System.currentTimeMillis() < deadline && System.currentTimeMillis() - p.lastWorkAt.get() < 15_000) Thread.sleep(1000);
        p.stopWorking = true;
        for (Thread t : soakThreads) t.join(120_000);
    }

    private void opener(Phase p, List<Node> targets) {
        Random random = new Random(run.hashCode());
        int n = 0;
        while (!p.stopOpening) {
            try {
                if (unclaimedCoding() >= opt.backlog()) {
                    Thread.sleep(250);
                    continue;
                }
                int i = encounterSeq.getAndIncrement();
                open(p, targets, n++, i, random);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                log("opener: %s", e);
                sleepQuietly(1000);
            }
        }
    }

    private void open(Phase p, List<Node> targets, int n, int i, Random random) throws Exception {
        String payer = PAYERS[i % PAYERS.length];
        boolean missingMemberId = i % 11 == 7;
        String memberId = missingMemberId ? null : memberId(payer, random);
        boolean referred = i % 5 == 0;
        Map<String, Object> body = new LinkedHashMap<>();
        String externalId = "CS-" + run + "-" + i;
        body.put("externalId", externalId);
        body.put("patient", Map.of("firstName", "Soak", "lastName", "Patient" + i,
                "birthDate", LocalDate.of(1940 + random.nextInt(60), 1 + random.nextInt(12), 1 + random.nextInt(28)).toString(),
                "sex", random.nextBoolean() ? "F" : "M"));
        Map<String, Object> coverage = new HashMap<>();
        coverage.put("payerId", payer);
        coverage.put("memberId", memberId);
        body.put("coverage", coverage);
        body.put("billingProviderNpi", "1234567893");
        body.put("renderingProviderNpi", i % 2 == 0 ? "1987654328" : "1765432194");
        if (referred) {
            body.put("referringProviderNpi", "1122334455");
            body.put("referringProviderName", "Carter, Dana MD");
        }
        if (i % 7 == 0) body.put("priorAuthorization", "PA" + (5000 + i));
        body.put("dateOfService", LocalDate.now().minusDays(1 + random.nextInt(20)).toString());
        body.put("placeOfService", "11");
        body.put("claimType", "PROFESSIONAL");
        body.put("documentation", "Synthetic visit note " + i + ". No real patient data.");
        String json = JSON.writeValueAsString(body);
        Reply r = call(p, targets, n, "POST", "/api/encounters", OPENER, json, true);
        if (r.status == 201 || (r.status == 409 && r.retried)) {
            long id = r.status == 201 ? r.json().path("id").asLong() : existingId(externalId);
            acknowledged.put(id, externalId);
            encounterIndex.put(id, i);
            if (memberId != null) memberIds.put(id, memberId);
            p.opened.incrementAndGet();
            p.lastWorkAt.set(System.currentTimeMillis());
        } else {
            fail("open encounter " + externalId + " answered " + r.status + ": " + r.body);
        }
    }

    /** The id of the encounter a 409 says exists (a retried POST whose first try had gone through). */
    private long existingId(String externalId) throws SQLException {
        return scalar("select id from encounter where external_id = '" + externalId.replace("'", "''") + "'");
    }

    private void worker(Phase p, List<Node> targets, String user, int offset) {
        int n = offset;
        boolean checkMine = true;
        while (!p.stopWorking) {
            try {
                if (checkMine) {
                    // after a lost answer the task may be ours already: next-task only hands out unclaimed ones
                    Reply mine = call(p, targets, n++, "GET", "/api/tasks/mine", user, null, true);
                    if (mine.status == 200) {
                        for (JsonNode item : mine.json()) {
                            Handout h = new Handout(item.path("taskId").asText(), user, item.path("taskType").asText(), System.currentTimeMillis(),
                                    System.currentTimeMillis());
                            h.how = "held (found in mine)";
                            handouts.add(h);
                            work(p, targets, n++, user, item, h);
                        }
                        checkMine = false;
                    }
                    continue;
                }
                long asked = System.currentTimeMillis();
                long t0 = System.nanoTime();
                Reply r = call(p, targets, n++, "POST", "/api/tasks/next", user, null, false);
                p.nextCalls.incrementAndGet();
                p.nextMicros.add((System.nanoTime() - t0) / 1000);
                if (r.lost) {
                    checkMine = true;
                    continue;
                }
                if (r.status == 204) {
                    Thread.sleep(300);
                    continue;
                }
                if (r.status != 200) {
                    log("%s: next answered %d %s", user, r.status, r.body);
                    Thread.sleep(500);
                    continue;
                }
                JsonNode item = r.json();
                Handout h = new Handout(item.path("taskId").asText(), user, item.path("taskType").asText(), asked, System.currentTimeMillis());
                handouts.add(h);
                work(p, targets, n++, user, item, h);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                log("%s: %s", user, e);
                sleepQuietly(500);
            }
        }
    }

    /** Completes the task with the form its person would submit; a completion refused is released for someone else. */
    private void work(Phase p, List<Node> targets, int n, String user, JsonNode item, Handout h) throws Exception {
        String taskId = item.path("taskId").asText();
        Map<String, Object> form = form(item);
        if (form == null) {
            release(p, targets, n, user, h, "no form for " + h.taskType);
            return;
        }
        Reply r = call(p, targets, n, "POST", "/api/tasks/" + taskId + "/complete", user, JSON.writeValueAsString(form), true);
        if (r.status == 204 || (r.retried && r.status == 404)) {
            h.endedAt = System.currentTimeMillis();
            h.how = r.status == 204 ? "completed" : "completed (retry found it gone)";
            p.completed.incrementAndGet();
            p.lastWorkAt.set(System.currentTimeMillis());
            return;
        }
        release(p, targets, n, user, h, "complete answered " + r.status + " " + abbreviate(r.body));
    }

    private void release(Phase p, List<Node> targets, int n, String user, Handout h, String why) throws Exception {
        log("%s releases %s %s: %s", user, h.taskType, h.taskId, why);
        Reply r = call(p, targets, n, "POST", "/api/tasks/" + h.taskId + "/release", user, null, true);
        h.endedAt = System.currentTimeMillis();
        h.how = r.status == 204 ? "released" : "release answered " + r.status;
    }

    private Map<String, Object> form(JsonNode item) throws Exception {
        long encounterId = item.path("encounterId").asLong();
        int i = encounterIndex.getOrDefault(encounterId, (int) encounterId);
        Map<String, Object> f = new HashMap<>();
        switch (item.path("taskType").asText()) {
            case "CodeEncounter" -> {
                String[] coding = CODINGS[i % CODINGS.length];
                f.put("diagnosisCodes", coding[0]);
                f.put("procedureLines", coding[1]);
                f.put("queryProvider", false);
            }
            case "FixCodingEdit", "CorrectCodingDenial" -> {
                f.put("diagnosisCodes", "I10");
                f.put("procedureLines", "99213 1 1");
                f.put("queryProvider", false);
                f.put("note", "re-coded");
            }
            case "AuditCoding" -> {
                f.put("auditPassed", true);
                f.put("note", "coding confirmed");
            }
            case "ResolveEligibility" -> {
                String id = memberId(item.path("payerId").asText(), new Random(encounterId));
                memberIds.put(encounterId, id);
                f.put("memberId", id);
                f.put("note", "card scanned");
            }
            case "FixClaimEdit" -> {
                // the demo mix's one biller-owned scrub failure: UHC has no fee for 20610 until a biller loads it
                sql(s -> s.executeUpdate("insert into fee_schedule_entry (payer_id, code, allowed_amount, valid_from) select 'UHC', '20610', 71.30, "
                        + "'2015-10-01' from dual where not exists (select 1 from fee_schedule_entry where payer_id = 'UHC' and code = '20610')"));
                f.put("note", "fee schedule loaded");
            }
            case "FixRejectedClaim" -> {
                String id = memberIds.get(encounterId);
                if (id != null) f.put("memberId", id);
                f.put("note", "member id checked");
            }
            case "CorrectBillingDenial" -> f.put("note", "authorization attached");
            case "PrepareAppeal" -> {
                f.put("appealDecision", "APPEAL");
                f.put("note", "records attached");
            }
            case "ApproveWriteOff" -> {
                f.put("writeOffApproved", true);
                f.put("note", "approved");
            }
            case "FollowUpAcknowledgement" -> {
                f.put("resubmit", false);
                f.put("note", "clearinghouse called");
            }
            case "FollowUpClaimStatus", "FollowUpAppeal", "ChaseProviderQuery" -> f.put("note", "followed up");
            case "ReviewCollections" -> {
                f.put("collectionsDecision", "AGENCY");
                f.put("note", "sent to agency");
            }
            case "ResolveUnmatchedPayment" -> {
                f.put("resolution", "NOT_OURS");
                f.put("note", "not our patient");
            }
            case "ResolveProviderRejection" -> {
                f.put("resolution", "NO_ACTION");
                f.put("note", "checked");
            }
            default -> {
                return null;
            }
        }
        return f;
    }

    /** Pays each statement in full, as a patient would, so partly paid encounters end. */
    private void patient(Phase p, List<Node> targets) {
        int n = 0;
        while (!p.stopWorking) {
            try {
                List<Long> owing = column("select distinct s.encounter_id from statement s join encounter e on e.id = s.encounter_id "
                        + "where e.external_id like 'CS-" + run + "-%'", Long.class);
                for (long id : owing) {
                    if (patientPaid.contains(id) || p.stopWorking) continue;
                    Reply r = call(p, targets, n++, "GET", "/api/encounters/" + id, "bella", null, true);
                    if (r.status != 200) continue;
                    double balance = r.json().path("patientBalance").asDouble();
                    if (!r.json().path("stage").asText().equals("COLLECTIONS") || balance <= 0) {
                        if (r.json().path("stage").asText().equals("CLOSED")) patientPaid.add(id);
                        continue;
                    }
                    // not retried: a payment whose answer was lost is seen in the balance at the next look
                    Reply paid = call(p, targets, n++, "POST", "/api/encounters/" + id + "/patient-payments", "bella",
                            JSON.writeValueAsString(Map.of("amount", r.json().path("patientBalance").decimalValue(), "reference", "check " + id)), false);
                    if (paid.status == 200) patientPaid.add(id);
                }
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                log("patient: %s", e);
                sleepQuietly(1000);
            }
        }
    }

    // ---------------------------------------------------------------- HTTP

    record Reply(int status, String body, boolean retried, boolean lost) {
        JsonNode json() throws IOException {
            return JSON.readTree(body == null || body.isEmpty() ? "{}" : body);
        }
    }

    /**
     * Sends to the node picked by {@code n}, and on a connection error to the next one, until an answer comes (up to 10
     * minutes). {@code retry=false} for a request that must not be repeated blindly (next-task): a connection error then
     * returns {@code lost} at once.
     */
    private Reply call(Phase p, List<Node> targets, int n, String method, String path, String user, String body, boolean retry) throws Exception {
        boolean retried = false;
        long deadline = System.currentTimeMillis() + 600_000;
        for (int attempt = 0; ; attempt++) {
            Node node = targets.get((n + attempt) % targets.size());
            long t0 = System.nanoTime();
            try {
                HttpResponse<String> r = send(node, method, path, user, body);
                p.allMicros.add((System.nanoTime() - t0) / 1000);
                if (r.statusCode() == 503 && System.currentTimeMillis() < deadline) {
                    Thread.sleep(200);
                    retried = true;
                    continue;
                }
                return new Reply(r.statusCode(), r.body(), retried, false);
            } catch (IOException e) {
                p.connectionErrors.incrementAndGet();
                boolean mayHaveArrived = !(e instanceof ConnectException);
                if (!retry && mayHaveArrived) return new Reply(-1, e.toString(), retried, true);
                if (System.currentTimeMillis() > deadline) throw e;
                retried |= mayHaveArrived || method.equals("POST") && path.equals("/api/encounters");
                Thread.sleep(attempt % targets.size() == targets.size() - 1 ? 500 : 0);
            }
        }
    }

    private HttpResponse<String> send(Node node, String method, String path, String user, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(node.base() + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json");
        if (body != null) b.header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    // ---------------------------------------------------------------- checks

    /**
     * Encounters acknowledged by a 201 (or a 409 naming them after a retried POST) are there through the API too: every
     * tenth of them (the SQL check reads all), read one by one as a person would.
     */
    private void apiChecks(Node node) throws Exception {
        Phase p = new Phase("checks");
        int ok = 0;
        List<String> bad = new ArrayList<>();
        List<Map.Entry<Long, String>> sample = acknowledged.entrySet().stream().filter(e -> e.getKey() % 10 == 0).toList();
        for (Map.Entry<Long, String> e : sample) {
            Reply r = call(p, List.of(node), 0, "GET", "/api/encounters/" + e.getKey(), "cora", null, true);
            if (r.status == 200 && r.json().path("externalId").asText().equals(e.getValue())) ok++;
            else bad.add(e.getKey() + ":" + r.status);
        }
        check("encounters readable through the API", bad.isEmpty(), "%d of %d sampled acknowledged encounters (every tenth id) answer GET /api/encounters/{id} with their external id%s",
                ok, sample.size(), bad.isEmpty() ? "" : "; missing " + head(bad));
    }

    /** Waits until no next-task claim is still on its way to the engine and no job is due, so the tables can be compared. */
    private void awaitQuiet() throws Exception {
        long deadline = System.currentTimeMillis() + 90_000;
        while (System.currentTimeMillis() < deadline) {
            long pending = scalar("select count(*) from work_item where engine_claim_pending = true");
            long due = scalar("select count(*) from ACT_RU_JOB where TYPE_ = 'message' and RETRIES_ > 0 and (DUEDATE_ is null or DUEDATE_ <= now(3))");
            long outbox = scalar("select count(*) from outbox_message where status = 'PENDING'");
            if (pending == 0 && due == 0 && outbox == 0) return;
            Thread.sleep(1000);
        }
        log("not quiet after 90 s: comparing anyway");
    }

    private void sqlChecks() throws Exception {
        String prefix = "CS-" + run + "-";
        // 1. no encounter lost
        Map<Long, String[]> rows = new HashMap<>();
        sql(s -> {
            try (ResultSet rs = s.executeQuery("select e.id, e.external_id, e.process_instance_id, "
                    + "(select count(*) from ACT_RU_EXECUTION x where x.PROC_INST_ID_ = e.process_instance_id and x.PARENT_ID_ is null), "
                    + "(select h.STATE_ from ACT_HI_PROCINST h where h.ID_ = e.process_instance_id) "
                    + "from encounter e where e.external_id like '" + prefix + "%'")) {
                while (rs.next()) rows.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)});
            }
            return null;
        });
        int running = 0;
        int ended = 0;
        List<String> lost = new ArrayList<>();
        for (Map.Entry<Long, String> e : acknowledged.entrySet()) {
            String[] row = rows.get(e.getKey());
            if (row == null || !row[0].equals(e.getValue()) || row[1] == null) {
                lost.add(e.getKey() + (row == null ? " missing" : " without process"));
            } else if (!row[2].equals("0")) {
                running++;
            } else if ("COMPLETED".equals(row[3])) {
                ended++;
            } else {
                lost.add(e.getKey() + " process " + row[3]);
            }
        }
        check("no encounter lost", lost.isEmpty(), "%d acknowledged: %d running, %d ended; %d encounter rows with the run's prefix%s",
                acknowledged.size(), running, ended, rows.size(), lost.isEmpty() ? "" : "; lost " + head(lost));
        check("no encounter the driver does not know of", rows.size() == acknowledged.size(), "%d rows vs %d acknowledged", rows.size(), acknowledged.size());

        // 2. no claim in two files: every transaction set (ST02) in the clearinghouse folder once, and each sent outbox message in one file
        Map<String, List<String>> setsInFiles = new HashMap<>();
        List<Path> files;
        Path folder = opt.workDir().resolve("data/clearinghouse/outbox");
        try (Stream<Path> s = Files.exists(folder) ? Files.list(folder) : Stream.empty()) {
            files = s.sorted().toList();
        }
        int x12Files = 0;
        int inquiryFiles = 0;
        List<String> strays = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (name.endsWith(".x12") && (name.startsWith("270-") || name.startsWith("276-"))) {
                inquiryFiles++; // eligibility and claim status inquiries go out through the same connection (issue #15)
                continue;
            }
            if (!name.endsWith(".x12")) {
                strays.add(name);
                continue;
            }
            x12Files++;
            Matcher m = Pattern.compile("ST\\*837\\*([^*~]+)\\*").matcher(Files.readString(f, StandardCharsets.ISO_8859_1));
            while (m.find()) setsInFiles.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(f.getFileName().toString());
        }
        List<String> twice = setsInFiles.entrySet().stream().filter(e -> e.getValue().size() > 1).map(e -> e.getKey() + " in " + e.getValue()).toList();
        Map<String, String> sent = new HashMap<>();
        sql(s -> {
            try (ResultSet rs = s.executeQuery("select id, claim_id, claim_version, attempt, payload from outbox_message where status = 'SENT'")) {
                while (rs.next()) {
                    Matcher m = Pattern.compile("ST\\*837\\*([^*~]+)\\*").matcher(rs.getString(5));
                    sent.put(m.find() ? m.group(1) : "?" + rs.getLong(1), rs.getLong(2) + "v" + rs.getInt(3) + "a" + rs.getInt(4));
                }
            }
            return null;
        });
        List<String> notInFile = sent.keySet().stream().filter(k -> !setsInFiles.containsKey(k)).toList();
        List<String> notSent = setsInFiles.keySet().stream().filter(k -> !sent.containsKey(k)).toList();
        long sentBatches = scalar("select count(*) from claim_file_batch where status = 'SENT'");
        check("no claim in two files", twice.isEmpty() && notInFile.isEmpty() && notSent.isEmpty() && sentBatches == x12Files,
                "%d claim files (%d batches marked sent; %d 270/276 inquiry files beside them), %d transaction sets, %d sent outbox messages; "
                        + "in two files: %d%s; sent but in no file: %d%s; in a file but not marked sent: %d%s; other files in the folder: %s",
                x12Files, sentBatches, inquiryFiles, setsInFiles.size(), sent.size(), twice.size(), head(twice), notInFile.size(), head(notInFile),
                notSent.size(), head(notSent), strays);
        long versionTwice = scalar("select count(*) from (select claim_id, claim_version, attempt from outbox_message "
                + "group by claim_id, claim_version, attempt having count(*) > 1) d");
        long pendingOutbox = scalar("select count(*) from outbox_message where status = 'PENDING'");
        // a replacement claim (frequency 7) is a new row with the next version: a version twice is CreateClaim run twice
        long claimsTwice = scalar("select count(*) from (select encounter_id from claim group by encounter_id, version having count(*) > 1) d");
        check("outbox sends each message once", versionTwice == 0 && pendingOutbox == 0 && claimsTwice == 0,
                "claim versions queued twice: %d; messages still pending at the end: %d; encounters with a claim version twice (CreateClaim run twice): %d",
                versionTwice, pendingOutbox, claimsTwice);

        // 3. no posting doubled
        long paidTwice = scalar("select count(*) from (select claim_id from payment_posting where outcome = 'PAID' group by claim_id having count(*) > 1) d");
        long entryTwice = scalar("select count(*) from (select reason from account_entry where entry_type = 'PAYER_PAYMENT' group by reason having count(*) > 1) d");
        long overpaid = scalar("select count(*) from (select p.claim_id from payment_posting p join claim c on c.id = p.claim_id "
                + "group by p.claim_id, c.total_charge having sum(p.paid) > max(c.total_charge)) d");
        long postings = scalar("select count(*) from payment_posting");
        long patientTwice = scalar("select count(*) from (select encounter_id, reason from account_entry where entry_type = 'PATIENT_PAYMENT' "
                + "group by encounter_id, reason having count(*) > 1) d");
        check("no posting doubled", paidTwice == 0 && entryTwice == 0 && overpaid == 0 && patientTwice == 0,
                "%d payment postings; claims paid twice: %d; payer payments booked twice: %d; claims paid beyond their charge: %d; "
                        + "patient payments booked twice: %d", postings, paidTwice, entryTwice, overpaid, patientTwice);

        // 4. no task handed out twice across nodes
        List<Handout> all = new ArrayList<>(handouts);
        Map<String, List<Handout>> byTask = new HashMap<>();
        for (Handout h : all) byTask.computeIfAbsent(h.taskId, k -> new ArrayList<>()).add(h);
        List<String> doubled = new ArrayList<>();
        for (List<Handout> hs : byTask.values()) {
            hs.sort((x, y) -> Long.compare(x.gotAt, y.gotAt));
            for (int i = 1; i < hs.size(); i++) {
                Handout first = hs.get(i - 1);
                Handout second = hs.get(i);
                if (!first.worker.equals(second.worker) && second.askedAt < first.endedAt) {
                    doubled.add(String.format(Locale.ROOT, "%s %s: %s got it at %s (%s at %s), %s asked at %s and got it at %s", first.taskId,
                            first.taskType, first.worker, Instant.ofEpochMilli(first.gotAt), first.how,
                            first.endedAt == Long.MAX_VALUE ? "-" : Instant.ofEpochMilli(first.endedAt), second.worker,
                            Instant.ofEpochMilli(second.askedAt), Instant.ofEpochMilli(second.gotAt)));
                }
            }
        }
        Map<String, List<String[]>> audit = new HashMap<>();
        sql(s -> {
            try (ResultSet rs = s.executeQuery("select task_id, actor, action, occurred_at from audit_event where action in ('CLAIMED_NEXT','RELEASED','COMPLETED') "
                    + "and task_id is not null order by id")) {
                while (rs.next()) audit.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
            }
            return null;
        });
        List<String> auditDoubled = new ArrayList<>();
        int claimedNext = 0;
        for (Map.Entry<String, List<String[]>> e : audit.entrySet()) {
            String holder = null;
            for (String[] row : e.getValue()) {
                switch (row[1]) {
                    case "CLAIMED_NEXT" -> {
                        claimedNext++;
                        if (holder != null && !holder.equals(row[0])) auditDoubled.add(e.getKey() + ": " + holder + " then " + row[0] + " at " + row[2]);
                        holder = row[0];
                    }
                    default -> holder = null;
                }
            }
        }
        List<String> unaudited = all.stream().filter(h -> audit.getOrDefault(h.taskId, List.of()).stream()
                .noneMatch(r -> r[1].equals("CLAIMED_NEXT") && r[0].equals(h.worker))).map(h -> h.taskId + " " + h.worker).toList();
        long stillHeld = all.stream().filter(h -> h.endedAt == Long.MAX_VALUE).count();
        check("no task handed out twice", doubled.isEmpty() && auditDoubled.isEmpty() && unaudited.isEmpty(),
                "%d hand-outs seen by the driver (%d tasks, %d never let go of), %d CLAIMED_NEXT audit rows; to a second worker while held: %d%s; "
                        + "in the audit trail: %d%s; hand-outs with no CLAIMED_NEXT row: %d%s",
                all.size(), byTask.size(), stillHeld, claimedNext, doubled.size(), head(doubled), auditDoubled.size(), head(auditDoubled),
                unaudited.size(), head(unaudited));

        // 5. every work item matches its engine task
        long onlyItem = scalar("select count(*) from work_item w where not exists (select 1 from ACT_RU_TASK t where t.ID_ = w.task_id)");
        long onlyTask = scalar("select count(*) from ACT_RU_TASK t where not exists (select 1 from work_item w where w.task_id = t.ID_)");
        long assignee = scalar("select count(*) from work_item w join ACT_RU_TASK t on t.ID_ = w.task_id "
                + "where not (w.assignee <=> t.ASSIGNEE_) and w.engine_claim_pending = false");
        long pending = scalar("select count(*) from work_item where engine_claim_pending = true");
        long open = scalar("select count(*) from work_item");
        check("work items match engine tasks", onlyItem == 0 && onlyTask == 0 && assignee == 0 && pending == 0,
                "%d open work items; without engine task: %d; engine tasks without work item: %d; different assignee: %d; claims not yet passed "
                        + "to the engine: %d", open, onlyItem, onlyTask, assignee, pending);

        // 6. the job executor did its work once, and nothing is stuck
        long exhausted = scalar("select count(*) from ACT_RU_JOB where RETRIES_ = 0");
        long incidents = scalar("select count(*) from ACT_RU_INCIDENT");
        long failedOnce = scalar("select count(*) from ACT_RU_JOB where EXCEPTION_MSG_ is not null and RETRIES_ > 0");
        List<String> jobErrors = column("select concat(coalesce(INCIDENT_TYPE_, ''), ' ', coalesce(ACTIVITY_ID_, ''), ': ', coalesce(INCIDENT_MSG_, '')) "
                + "from ACT_RU_INCIDENT union all select concat('retrying ', coalesce(RETRIES_, ''), ': ', coalesce(EXCEPTION_MSG_, '')) from ACT_RU_JOB "
                + "where EXCEPTION_MSG_ is not null", String.class);
        long dueMessages = scalar("select count(*) from ACT_RU_JOB where TYPE_ = 'message' and RETRIES_ > 0 and (DUEDATE_ is null or DUEDATE_ <= now(3))");
        check("job executor: no incident, no exhausted job", exhausted == 0 && incidents == 0,
                "jobs with no retries left: %d; incidents: %d; async jobs due when the nodes stopped: %d; jobs that failed and wait to retry: %d%s",
                exhausted, incidents, dueMessages, failedOnce, head(jobErrors));
        long stmtTwice = scalar("select count(*) from (select encounter_id, seq from statement group by encounter_id, seq having count(*) > 1) d");
        long simTwice = scalar("select count(*) from (select claim_id, kind from payer_simulation group by claim_id, kind, due_at having count(*) > 1) d");
        check("statements and payer answers once", stmtTwice == 0 && simTwice == 0, "statements twice: %d; payer answers scheduled twice: %d",
                stmtTwice, simTwice);
    }

    private void check(String name, boolean passed, String format, Object... args) {
        String line = String.format(Locale.ROOT, "%s  %s: %s", passed ? "PASS" : "FAIL", name, String.format(Locale.ROOT, format, args));
        out.println(line);
        report.append("- ").append(line).append('\n');
        if (!passed) failures.add(name);
    }

    private void fail(String what) {
        log("FAIL %s", what);
        synchronized (failures) {
            failures.add(what);
        }
    }

    // ---------------------------------------------------------------- figures

    private Map<String, Object> metrics(Phase p) throws Exception {
        double minutes = (p.endedAt - p.startedAt) / 60000.0;
        double seconds = minutes * 60;
        long endedEncounters = scalar("select count(*) from encounter e join ACT_HI_PROCINST h on h.ID_ = e.process_instance_id where e.external_id like 'CS-"
                + run + "-%' and h.END_TIME_ >= from_unixtime(" + p.startedAt / 1000 + ") and h.END_TIME_ < from_unixtime(" + p.endedAt / 1000 + ")");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seconds", Math.round(seconds));
        m.put("opened/min", round(p.opened.get() / minutes));
        m.put("ended/min", round(endedEncounters / minutes));
        m.put("tasks completed/s", round(p.completed.get() / seconds));
        m.put("next-task calls/s", round(p.nextCalls.get() / seconds));
        m.put("next-task p50 ms", percentile(p.nextMicros, 50));
        m.put("next-task p99 ms", percentile(p.nextMicros, 99));
        m.put("all calls p50 ms", percentile(p.allMicros, 50));
        m.put("all calls p99 ms", percentile(p.allMicros, 99));
        m.put("connection errors", p.connectionErrors.get());
        m.put("load average", loadAverage());
        return m;
    }

    private void summary(Map<String, Object> one, Map<String, Object> two, Map<String, Object> soak) throws IOException {
        StringBuilder s = new StringBuilder();
        if (one != null && two != null) {
            s.append("| | one node | two nodes | two/one |\n|---|---|---|---|\n");
            for (String k : one.keySet()) {
                Object x = one.get(k);
                Object y = two.get(k);
                String ratio = x instanceof Number nx && y instanceof Number ny && nx.doubleValue() > 0 ? String.format(Locale.ROOT, "%.2f", ny.doubleValue() / nx.doubleValue()) : "";
                s.append("| ").append(k).append(" | ").append(x).append(" | ").append(y).append(" | ").append(ratio).append(" |\n");
            }
        }
        s.append("\nSoak: ").append(soak).append("\n\n").append(report);
        s.append("\nResult: ").append(failures.isEmpty() ? "PASS" : "FAIL " + failures).append('\n');
        Files.writeString(opt.workDir().resolve("results.md"), s);
        out.println();
        out.println(s);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static double percentile(ConcurrentLinkedQueue<Long> micros, int pct) {
        List<Long> sorted = new ArrayList<>(micros);
        if (sorted.isEmpty()) return 0;
        sorted.sort(null);
        int i = (int) Math.ceil(pct / 100.0 * sorted.size()) - 1;
        return round(sorted.get(Math.max(0, Math.min(i, sorted.size() - 1))) / 1000.0);
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    // ---------------------------------------------------------------- database

    interface SqlWork<T> {
        T run(Statement s) throws SQLException;
    }

    private String jdbcUrl(String db) {
        return "jdbc:mysql://" + opt.dbHost() + "/" + db + "?createDatabaseIfNotExist=true&sendFractionalSeconds=false&nullCatalogMeansCurrent=true"
                + "&useSSL=false&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true";
    }

    private <T> T sql(SqlWork<T> work) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl(dbName), System.getenv().getOrDefault("CLAIMFLOW_DB_USER", "root"),
                System.getenv().getOrDefault("CLAIMFLOW_DB_PASSWORD", "")); Statement s = c.createStatement()) {
            return work.run(s);
        }
    }

    private long scalar(String query) throws SQLException {
        return sql(s -> {
            try (ResultSet rs = s.executeQuery(query)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** The first column of every row. */
    private <T> List<T> column(String query, Class<T> type) throws SQLException {
        return sql(s -> {
            List<T> r = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(query)) {
                while (rs.next()) r.add(rs.getObject(1, type));
            }
            return r;
        });
    }

    private long unclaimedCoding() throws SQLException {
        return scalar("select count(*) from work_item where task_type = 'CodeEncounter' and assignee is null");
    }

    private void recreateDatabase(String db) throws SQLException {
        dropDatabase(db);
        try (Connection c = DriverManager.getConnection("jdbc:mysql://" + opt.dbHost() + "/?useSSL=false&allowPublicKeyRetrieval=true", "root", "");
             Statement s = c.createStatement()) {
            s.execute("create database " + db + " character set utf8mb4 collate utf8mb4_bin");
        }
    }

    private void dropDatabase(String db) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:mysql://" + opt.dbHost() + "/?useSSL=false&allowPublicKeyRetrieval=true", "root", "");
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + db);
        }
    }

    // ---------------------------------------------------------------- small things

    static String memberId(String payer, Random r) {
        return switch (payer) {
            case "MCARE" -> (1 + r.nextInt(9)) + "EG4TE5MK73";
            case "BCBS" -> "XYZ" + String.format("%09d", r.nextInt(1_000_000_000));
            case "AETNA" -> "W" + String.format("%09d", r.nextInt(1_000_000_000));
            default -> String.format("%09d", r.nextInt(1_000_000_000));
        };
    }

    private static String head(List<String> items) {
        if (items.isEmpty()) return "";
        return " " + items.subList(0, Math.min(5, items.size())) + (items.size() > 5 ? " and " + (items.size() - 5) + " more" : "");
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 297) + "..." : s;
    }

    private void log(String format, Object... args) {
        out.printf(Locale.ROOT, "%s %s%n", Instant.now().toString().substring(11, 19), String.format(Locale.ROOT, format, args));
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted((x, y) -> y.getNameCount() - x.getNameCount()).toList()) Files.delete(p);
        }
    }

    private static Thread start(String name, Runnable work) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void sleepUntil(long at) throws InterruptedException {
        long wait = at - System.currentTimeMillis();
        if (wait > 0) Thread.sleep(wait);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
