package com.claimflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.audit.EvidenceCursor;
import com.claimflow.audit.EvidencePeriod;
import com.claimflow.sla.SlaEvent;
import com.claimflow.sla.SlaFilter;
import com.claimflow.sla.SlaRegister;
import com.claimflow.sla.internal.SlaEventStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The SLA register's page and totals ({@link SlaRegister}, the read model, not the Vaadin rendering) on MariaDB with
 * {@code bench.events} (5,000,000) SLA events over the last 365 days and {@code bench.workItems} (1,000,000) open work
 * items, written with INSERT ... SELECT from MariaDB's sequence engine (the register's secondary indexes are dropped for
 * the load and built again after it, as a bulk load does). The daily rollups (sla_daily, work_done_daily) are summed
 * from the rows as the application would have added to them. Baseline in the same run: the same totals counted by a
 * plain aggregate over sla_event instead of the rollup. Not part of the test suite (surefire excludes *Benchmark); see
 * docs/benchmarks.md, "SLA register". The database {@code claimflow_bench_sla} is dropped and made anew every run.
 */
@SpringBootTest
@ActiveProfiles({"test", "mysql"})
class SlaRegisterBenchmark {
    static final String SERVER = "jdbc:mysql://127.0.0.1:3306/";
    static final String DATABASE = "claimflow_bench_sla";
    static final String OPTIONS = "?createDatabaseIfNotExist=true&sendFractionalSeconds=false&nullCatalogMeansCurrent=true&useSSL=false"
            + "&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true";
    static final String[] QUEUES = {"coders", "billers", "compliance", "leads", "appeals", "collections"};
    static final int PEOPLE_PER_QUEUE = 10;
    /** -Dbench.reuse=true: keep the database of the last run and its rows (seeding takes minutes). */
    static final boolean REUSE = Boolean.getBoolean("bench.reuse");

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + OPTIONS, "root", ""); Statement s = c.createStatement()) {
            if (!REUSE) s.execute("DROP DATABASE IF EXISTS " + DATABASE);
            s.execute("CREATE DATABASE IF NOT EXISTS " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        }
        registry.add("spring.datasource.url", () -> SERVER + DATABASE + OPTIONS);
    }

    @Autowired SlaRegister register;
    @Autowired SlaEventStore store;
    @Autowired JdbcTemplate jdbc;

    final int events = Integer.getInteger("bench.events", 5_000_000);
    final int workItems = Integer.getInteger("bench.workItems", 1_000_000);
    final int iterations = Integer.getInteger("bench.iterations", 1_000);
    final int warmup = Integer.getInteger("bench.warmup", 200);
    final int baselineIterations = Integer.getInteger("bench.baselineIterations", 10);

    final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    final EvidencePeriod month = EvidencePeriod.lastDays(30, today);
    final EvidencePeriod year = EvidencePeriod.lastDays(366, today);

    @Test
    void registerPageAndTotals() {
        line("## SLA register on MariaDB (" + Instant.now() + ")");
        line("- machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + Runtime.getRuntime().maxMemory() / (1 << 20)
                + " MiB max heap; " + jdbc.queryForObject("select version()", String.class) + " on the same machine, innodb_buffer_pool_size "
                + jdbc.queryForObject("select @@innodb_buffer_pool_size", Long.class) / (1 << 20) + " MiB");
        long start = System.nanoTime();
        if (!REUSE || count("sla_event") != events) seed();
        line(String.format(Locale.ROOT, "- seeded (or kept, bench.reuse) in %.0f s: sla_event %,d, sla_daily %,d, work_item %,d, work_done_daily %,d", (System.nanoTime() - start) / 1e9,
                count("sla_event"), count("sla_daily"), count("work_item"), count("work_done_daily")));

        String person = "coders-3";
        EvidenceCursor deep = new EvidenceCursor(Instant.now().minus(300, ChronoUnit.DAYS).toEpochMilli(), Long.MAX_VALUE);
        Map<String, Supplier<Object>> pages = new LinkedHashMap<>();
        pages.put("page: 30 days, no filter", () -> register.page(SlaFilter.of(month), null, SlaRegister.PAGE_SIZE));
        pages.put("page: 30 days, queue", () -> register.page(filter(month, "billers", null, null, null, null), null, SlaRegister.PAGE_SIZE));
        pages.put("page: 366 days, person", () -> register.page(filter(year, null, person, null, null, null), null, SlaRegister.PAGE_SIZE));
        pages.put("page: 366 days, person, 300 days back (cursor)", () -> register.page(filter(year, null, person, null, null, null), deep,
                SlaRegister.PAGE_SIZE));
        pages.put("page: 30 days, payer + escalations", () -> register.page(filter(month, null, null, "MCARE", SlaEvent.Kind.ESCALATION, null), null,
                SlaRegister.PAGE_SIZE));
        pages.put("page: 366 days, open", () -> register.page(filter(year, null, null, null, null, SlaFilter.Status.OPEN), null, SlaRegister.PAGE_SIZE));
        pages.put("page: 366 days, task type + queue + person", () -> register.page(new SlaFilter(year, "coders", person, null, "CodeEncounter", null,
                null), null, SlaRegister.PAGE_SIZE));
        Map<String, Supplier<Object>> totals = new LinkedHashMap<>();
        totals.put("totals (rollup): 30 days", () -> register.totals(SlaFilter.of(month)));
        totals.put("totals (rollup): 366 days", () -> register.totals(SlaFilter.of(year)));
        int[] back = {0};
        // each call a 366-day period ending on another past day: never a period whose closed days' sums are kept (256 are)
        totals.put("totals (rollup), cold: 366 days, a new period each call", () -> register.totals(SlaFilter.of(
                EvidencePeriod.lastDays(366, today.minusDays(1 + back[0]++ % 300)))));
        totals.put("totals (rollup): 366 days, queue", () -> register.totals(filter(year, "billers", null, null, null, null)));
        totals.put("totals (rollup): 366 days, person", () -> register.totals(filter(year, null, person, null, null, null)));
        Map<String, Supplier<Object>> baseline = new LinkedHashMap<>();
        baseline.put("baseline, aggregate over sla_event: 30 days", () -> store.countsFromEvents(month.from(), month.toExclusive(), null, null));
        baseline.put("baseline, aggregate over sla_event: 366 days", () -> store.countsFromEvents(year.from(), year.toExclusive(), null, null));

        // the rollup and the events agree before anything is timed
        assertThat(store.counts(year.from(), year.toExclusive(), null, null))
                .containsExactlyInAnyOrderElementsOf(store.countsFromEvents(year.from(), year.toExclusive(), null, null));
        line("");
        line(Latencies.header());
        Map<String, Latencies> results = new LinkedHashMap<>();
        pages.forEach((name, run) -> results.put(name, measure(name, run, warmup, iterations)));
        totals.forEach((name, run) -> results.put(name, measure(name, run, warmup, iterations)));
        baseline.forEach((name, run) -> results.put(name, measure(name, run, 1, baselineIterations)));
        results.values().forEach(l -> line(l.row()));
        line(String.format(Locale.ROOT, "- p99 ratio baseline / rollup (cold), 366 days: %.0f",
                results.get("baseline, aggregate over sla_event: 366 days").percentileMs(99)
                        / results.get("totals (rollup), cold: 366 days, a new period each call").percentileMs(99)));
        line(String.format(Locale.ROOT, "- p99 ratio baseline / rollup, 366 days: %.0f; 30 days: %.0f",
                results.get("baseline, aggregate over sla_event: 366 days").percentileMs(99) / results.get("totals (rollup): 366 days").percentileMs(99),
                results.get("baseline, aggregate over sla_event: 30 days").percentileMs(99) / results.get("totals (rollup): 30 days").percentileMs(99)));
        double worst = results.entrySet().stream().filter(e -> !e.getKey().startsWith("baseline")).mapToDouble(e -> e.getValue().percentileMs(99)).max()
                .orElseThrow();
        line(String.format(Locale.ROOT, "- worst p99 of the register's pages and totals: %.1f ms (target 200 ms)", worst));
    }

    private static SlaFilter filter(EvidencePeriod p, String queue, String person, String payer, SlaEvent.Kind kind, SlaFilter.Status status) {
        return new SlaFilter(p, queue, person, payer, null, kind, status);
    }

    private static Latencies measure(String name, Supplier<Object> run, int warm, int n) {
        for (int i = 0; i < warm; i++) run.get();
        Latencies l = new Latencies(name);
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            Object result = run.get();
            l.add(System.nanoTime() - t);
            if (result == null) throw new AssertionError(name);
        }
        return l;
    }

    /**
     * Events evenly over the last 365 days, oldest first (ids in time order, as they are written); queue, holder (one in
     * ten unheld), payer, task type and kind vary with the row number; every event older than a day is resolved.
     */
    private void seed() {
        long end = Instant.now().truncatedTo(ChronoUnit.SECONDS).toEpochMilli();
        long span = 365L * 86_400_000;
        long step = span / events;
        String q = "elt(1 + seq mod " + QUEUES.length + ", '" + String.join("', '", QUEUES) + "')";
        String raised = "(" + (end - span) + " + seq * " + step + ")";
        String holder = "case when seq mod 10 = 0 then null else concat(" + q + ", '-', (seq div " + QUEUES.length + ") mod " + PEOPLE_PER_QUEUE + ") end";
        String type = "case when seq mod " + QUEUES.length + " = 0 then 'CodeEncounter' else concat('Task', seq mod " + QUEUES.length + ") end";
        String payer = "elt(1 + seq mod 7, 'MCARE', 'BCBS', 'AETNA', 'CIGNA', 'UHC', 'HUMANA', 'MCAID')";
        List<String> indexes = List.of("ix_sla_event_raised", "ix_sla_event_queue", "ix_sla_event_holder", "ix_sla_event_payer", "ix_sla_event_type",
                "ix_sla_event_open", "ix_sla_event_task");
        Map<String, String> definitions = new LinkedHashMap<>();
        for (Map<String, Object> r : jdbc.queryForList("select index_name, group_concat(column_name order by seq_in_index) cols from information_schema.statistics"
                + " where table_schema = database() and table_name = 'sla_event' and index_name <> 'PRIMARY' group by index_name")) {
            definitions.put((String) r.get("index_name"), (String) r.get("cols"));
        }
        assertThat(definitions.keySet()).containsExactlyInAnyOrderElementsOf(indexes);
        jdbc.execute("alter table sla_event " + String.join(", ", indexes.stream().map(i -> "drop index " + i).toList()));
        jdbc.execute("insert into sla_event (id, kind, task_id, task_type, encounter_id, queue, payer_id, holder, task_created_at_ms, due_at_ms, raised_at_ms,"
                + " late_ms, resolved_at_ms, resolved_by, resolution) select seq, case when seq mod 5 < 3 then 'WARNING' else 'ESCALATION' end,"
                + " concat('bench-task-', seq div 2), " + type + ", 100000000 + seq div 2, " + q + ", " + payer + ", " + holder + ", "
                + raised + " - 86400000, " + raised + " + case when seq mod 5 < 3 then 28800000 else 0 end, " + raised + ", "
                + "case when seq mod 5 < 3 then 28800000 else 86400000 end, case when " + raised + " < " + (end - 86_400_000) + " then " + raised
                + " + 3600000 end, case when " + raised + " < " + (end - 86_400_000) + " then coalesce(" + holder + ", 'lena') end, case when " + raised
                + " < " + (end - 86_400_000) + " then 'COMPLETED' end from seq_1_to_" + events);
        jdbc.execute("alter table sla_event " + String.join(", ", definitions.entrySet().stream()
                .map(d -> "add index " + d.getKey() + " (" + d.getValue() + ")").toList()));
        jdbc.execute("insert into sla_daily (event_day, queue, holder, warnings, escalations) select date(from_unixtime(raised_at_ms div 1000)),"
                + " queue, coalesce(holder, ''), sum(kind = 'WARNING'), sum(kind = 'ESCALATION') from sla_event group by 1, 2, 3");
        // completions: per day, queue and person, 30 tasks of which one in ten escalated
        jdbc.execute("insert into work_done_daily (done_on, queue, worker, completed, warned, escalated, handle_ms) select date_sub(curdate(),"
                + " interval d.seq day), " + q.replace("seq", "p.seq") + ", concat(" + q.replace("seq", "p.seq") + ", '-', p.seq div " + QUEUES.length
                + "), 30, 6, 3, 30 * 600000 from seq_0_to_364 d, seq_0_to_" + (QUEUES.length * PEOPLE_PER_QUEUE - 1) + " p");
        jdbc.execute("insert into work_item (task_id, process_instance_id, encounter_id, task_type, task_name, queue, payer_id, amount, priority, created_at,"
                + " assignee, sla_state) select concat('bench-open-', seq), concat('bench-pi-', seq), 200000000 + seq, 'CodeEncounter', 'Code encounter', "
                + q + ", " + payer + ", 100.00, seq mod 100, now(3), null, 'OK' from seq_1_to_" + workItems);
        for (String table : List.of("sla_event", "sla_daily", "work_done_daily", "work_item")) jdbc.execute("analyze table " + table);
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private static void line(String text) {
        BenchmarkReport.line(text);
    }
}
