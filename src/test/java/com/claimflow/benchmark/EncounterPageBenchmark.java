package com.claimflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.overview.EncounterFile;
import com.claimflow.overview.EncounterFiles;
import com.claimflow.overview.EncounterStory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The encounter page's data ({@link EncounterFiles#read}, the read model, not the Vaadin rendering) on MariaDB: one
 * encounter with a full history (coded with a note, claim scrubbed and sent, accepted, paid with a patient share; about
 * 45 timeline events) read back to back, first in an otherwise empty database (the baseline), then again after
 * {@code bench.encounters} (1,000,000) other encounters' rows are written beside it with INSERT ... SELECT from
 * MariaDB's sequence engine: encounter, claim, 3 account entries, 2 audit rows and a note each, and in the engine's
 * history a process instance, 5 activity instances and a task each. Not part of the test suite (surefire excludes
 * *Benchmark); see docs/benchmarks.md, "Encounter page". The database {@code claimflow_bench_page} is dropped and
 * made anew at the start of every run, so the baseline is always the empty one.
 */
@SpringBootTest
@ActiveProfiles({"test", "mysql"})
class EncounterPageBenchmark {
    static final String SERVER = "jdbc:mysql://127.0.0.1:3306/";
    static final String DATABASE = "claimflow_bench_page";
    static final String OPTIONS = "?createDatabaseIfNotExist=true&sendFractionalSeconds=false&nullCatalogMeansCurrent=true&useSSL=false"
            + "&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true";
    /** Ids of the bulk rows start here, far above what the product's own inserts reach in a run. */
    static final long BULK_BASE = 100_000_000L;

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) throws SQLException {
        useFresh(DATABASE, registry);
    }

    /** Drops and makes {@code database} anew on the local MariaDB and points the context's data source at it. */
    static void useFresh(String database, DynamicPropertyRegistry registry) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + OPTIONS, "root", ""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database);
            s.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        }
        registry.add("spring.datasource.url", () -> SERVER + database + OPTIONS);
    }

    @Autowired EncounterFiles files;
    @Autowired EncounterStory story;
    @Autowired JdbcTemplate jdbc;
    @Autowired com.claimflow.intake.EncounterService encounterService;
    @Autowired com.claimflow.claim.ClaimService claims;
    @Autowired com.claimflow.submission.SubmissionService submissions;
    @Autowired com.claimflow.remittance.RemittanceService remittance;
    @Autowired com.claimflow.remittance.AccountService account;
    @Autowired com.claimflow.workqueue.WorkQueueService queues;
    @Autowired com.claimflow.workqueue.Notes notes;
    @Autowired com.claimflow.audit.AuditService audit;
    @Autowired org.camunda.bpm.engine.HistoryService history;
    @Autowired com.claimflow.demo.DemoReferenceData reference;
    @Autowired com.claimflow.demo.DemoUsers users;

    final int encounters = Integer.getInteger("bench.encounters", 1_000_000);
    final int iterations = Integer.getInteger("bench.iterations", 2_000);
    final int warmup = Integer.getInteger("bench.warmup", 300);

    @Test
    void encounterPageData() {
        reference.load();
        users.load();
        long id = story.paidWithPatientShare();
        int events = files.read(id).timeline().size();
        line("## Encounter page data on MariaDB (" + java.time.Instant.now() + ")");
        line("- machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + Runtime.getRuntime().maxMemory() / (1 << 20)
                + " MiB max heap; " + jdbc.queryForObject("select version()", String.class) + " on the same machine");
        line("- encounter " + id + ": " + events + " timeline events, " + files.read(id).claims().size() + " claim version(s), "
                + files.read(id).ledger().size() + " ledger lines");
        Latencies empty = measure("EncounterFiles.read, empty database", id);
        List<Latencies> emptyParts = parts(id);

        long start = System.nanoTime();
        seed();
        line(String.format(Locale.ROOT, "- seeded %,d other encounters' rows in %.0f s: %s", encounters, (System.nanoTime() - start) / 1e9,
                counts()));
        Latencies full = measure("EncounterFiles.read, " + String.format(Locale.ROOT, "%,d", encounters) + " other encounters", id);
        List<Latencies> fullParts = parts(id);

        line("");
        line(Latencies.header());
        line(empty.row());
        line(full.row());
        line(String.format(Locale.ROOT, "- p99 ratio full / empty: %.2f", full.percentileMs(99) / empty.percentileMs(99)));
        line("");
        line("Where the time goes (each part alone, same encounter; empty database, then full):");
        line("");
        line(Latencies.header());
        emptyParts.forEach(p -> line(p.row()));
        fullParts.forEach(p -> line(p.row()));
        assertThat(files.read(id).timeline()).hasSize(events);
    }

    private Latencies measure(String name, long id) {
        for (int i = 0; i < warmup; i++) files.read(id);
        Latencies l = new Latencies(name);
        for (int i = 0; i < iterations; i++) {
            long t = System.nanoTime();
            EncounterFile f = files.read(id);
            l.add(System.nanoTime() - t);
            if (f.timeline().isEmpty()) throw new AssertionError("empty timeline");
        }
        return l;
    }

    /** The services and queries the read is made of, each timed alone (a tenth of the iterations). */
    private List<Latencies> parts(long id) {
        var e = encounterService.get(id);
        long claimId = claims.latestFor(id).orElseThrow().id();
        java.util.Map<String, Runnable> parts = new java.util.LinkedHashMap<>();
        parts.put("encounter", () -> encounterService.get(id));
        parts.put("balance", () -> account.balance(id));
        parts.put("open tasks", () -> queues.forEncounter(id));
        parts.put("claim versions", () -> claims.versionsOf(id));
        parts.put("837 messages", () -> submissions.messagesFor(claimId));
        parts.put("postings + CAS + RARC", () -> {
            remittance.postingsFor(claimId);
            remittance.adjustmentsFor(claimId);
            remittance.remarksFor(claimId);
        });
        parts.put("ledger", () -> account.entries(id));
        parts.put("notes", () -> notes.forEncounter(id));
        parts.put("audit rows", () -> audit.forEncounter(id));
        parts.put("history: process instances (business key)", () -> history.createNativeHistoricProcessInstanceQuery()
                .sql("select * from ACT_HI_PROCINST where BUSINESS_KEY_ = #{key}").parameter("key", String.valueOf(id)).list());
        parts.put("history: activities (root)", () -> history.createNativeHistoricActivityInstanceQuery()
                .sql("select * from ACT_HI_ACTINST where ROOT_PROC_INST_ID_ = #{root}").parameter("root", e.processInstanceId()).list());
        parts.put("history: tasks (root)", () -> history.createNativeHistoricTaskInstanceQuery()
                .sql("select * from ACT_HI_TASKINST where ROOT_PROC_INST_ID_ = #{root}").parameter("root", e.processInstanceId()).list());
        List<Latencies> out = new java.util.ArrayList<>();
        parts.forEach((name, run) -> {
            for (int i = 0; i < warmup / 10; i++) run.run();
            Latencies l = new Latencies("  " + name);
            for (int i = 0; i < iterations / 10; i++) {
                long t = System.nanoTime();
                run.run();
                l.add(System.nanoTime() - t);
            }
            out.add(l);
        });
        return out;
    }

    /** One statement per table and row kind, each INSERT ... SELECT over seq_1_to_N: no row crosses the wire. */
    private void seed() {
        String seq = "seq_1_to_" + encounters;
        String enc = "(" + BULK_BASE + " + seq)";
        String pi = "concat('bench-pi-', seq)";
        jdbc.execute("insert into encounter (id, external_id, patient_first_name, patient_last_name, patient_birth_date, patient_sex, member_id, "
                + "payer_id, billing_npi, rendering_npi, date_of_service, place_of_service, claim_type, stage, process_instance_id, created_at) "
                + "select " + enc + ", concat('BENCH-', seq), 'Bench', concat('Patient', seq mod 1000), '1970-01-01', 'F', 'XYZ123456789', "
                + "'BCBS', '1234567893', '1234567893', '2026-01-02', '11', 'PROFESSIONAL', 'CLOSED', " + pi + ", now(3) from " + seq);
        jdbc.execute("insert into claim (id, encounter_id, version, frequency_code, claim_type, status, payer_id, member_id, billing_npi, "
                + "place_of_service, date_of_service, diagnosis_codes, total_charge, created_at, updated_at) select " + enc + ", " + enc
                + ", 1, '1', 'PROFESSIONAL', 'PAID', 'BCBS', 'XYZ123456789', '1234567893', '11', '2026-01-02', 'I10', 118.75, now(3), now(3) from " + seq);
        for (String[] entry : List.of(new String[] {"CHARGE", "118.75", "0"}, new String[] {"PAYER_PAYMENT", "-100.00", "0"},
                new String[] {"PATIENT_RESPONSIBILITY", "-18.75", "18.75"})) {
            jdbc.execute("insert into account_entry (encounter_id, claim_id, entry_type, amount, patient_amount, reason, posted_by, posted_at) "
                    + "select " + enc + ", " + enc + ", '" + entry[0] + "', " + entry[1] + ", " + entry[2] + ", 'bench', 'payer', now(3) from " + seq);
        }
        // sealed-looking seq values far above the real chain's, so the audit sealer leaves the bulk rows alone
        for (int k = 0; k < 2; k++) {
            jdbc.execute("insert into audit_event (occurred_at, occurred_at_ms, actor, action, encounter_id, detail, seq) select now(3), "
                    + "unix_timestamp() * 1000, 'bench', 'CLAIMED', " + enc + ", 'bench', " + (1_000_000_000_000L * (k + 1)) + " + seq from " + seq);
        }
        jdbc.execute("insert into encounter_note (encounter_id, task_id, task_type, kind, author, written_at, text) select " + enc
                + ", concat('bench-task-', seq), 'CodeEncounter', 'COMPLETED', 'bench', now(3), 'bench note' from " + seq);
        jdbc.execute("insert into ACT_HI_PROCINST (ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_, START_TIME_, END_TIME_, "
                + "ROOT_PROC_INST_ID_, STATE_) select " + pi + ", " + pi + ", " + enc + ", 'encounter', 'encounter:1:bench', now(3), now(3), "
                + pi + ", 'COMPLETED' from " + seq);
        for (String act : List.of("EncounterReceived:startEvent", "Intake:callActivity", "Coding:callActivity", "Submission:callActivity",
                "PaidInFull:noneEndEvent")) {
            String[] a = act.split(":");
            jdbc.execute("insert into ACT_HI_ACTINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_, PROC_INST_ID_, EXECUTION_ID_, ACT_ID_, "
                    + "ACT_NAME_, ACT_TYPE_, START_TIME_, END_TIME_, ACT_INST_STATE_, SEQUENCE_COUNTER_) select concat('bench-" + a[0] + "-', seq), "
                    + "'encounter', 'encounter:1:bench', " + pi + ", " + pi + ", " + pi + ", '" + a[0] + "', '" + a[0] + "', '" + a[1]
                    + "', now(3), now(3), 1, 1 from " + seq);
        }
        jdbc.execute("insert into ACT_HI_TASKINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_, PROC_INST_ID_, EXECUTION_ID_, NAME_, "
                + "TASK_DEF_KEY_, ASSIGNEE_, START_TIME_, END_TIME_, DELETE_REASON_, PRIORITY_) select concat('bench-task-', seq), 'coding', "
                + "'coding:1:bench', " + pi + ", " + pi + ", " + pi + ", 'Code encounter', 'CodeEncounter', 'bench', now(3), now(3), 'completed', 50 from "
                + seq);
        for (String table : List.of("encounter", "claim", "account_entry", "audit_event", "encounter_note", "ACT_HI_PROCINST", "ACT_HI_ACTINST",
                "ACT_HI_TASKINST")) {
            jdbc.execute("analyze table " + table);
        }
    }

    private String counts() {
        StringBuilder s = new StringBuilder();
        for (String table : List.of("encounter", "claim", "account_entry", "audit_event", "encounter_note", "ACT_HI_PROCINST", "ACT_HI_ACTINST",
                "ACT_HI_TASKINST")) {
            s.append(s.isEmpty() ? "" : ", ").append(table).append(' ')
                    .append(String.format(Locale.ROOT, "%,d", jdbc.queryForObject("select count(*) from " + table, Long.class)));
        }
        return s.toString();
    }

    private static void line(String text) {
        BenchmarkReport.line(text);
    }
}
