package com.claimflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.metrics.DashboardMetrics;
import com.claimflow.metrics.Figure;
import com.claimflow.metrics.FigureValues;
import com.claimflow.metrics.Period;
import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dashboard's figures on MariaDB with {@code bench.encounters} (1,000,000) synthetic encounters over the last two
 * years, with claims, scrubs, 837s, remittances and account entries in realistic shares, written with INSERT ... SELECT
 * from MariaDB's sequence engine (no row crosses the wire), and two years of completed work for 100 workers. Measures:
 * the first full build of the rollups, an incremental pass, then each figure as {@link DashboardMetrics#values} reads it
 * from the rollups, against the baseline of the same numbers aggregated from the stage tables (and from the
 * per-encounter rollup alone) in the same run. Not part of the test suite (surefire excludes *Benchmark); see
 * docs/benchmarks.md, "Dashboard". The database {@code claimflow_bench_dash} is dropped and made anew at every run.
 */
@SpringBootTest
@ActiveProfiles({"test", "mysql"})
class DashboardBenchmark {
    static final String DATABASE = "claimflow_bench_dash";
    static final long BULK_BASE = EncounterPageBenchmark.BULK_BASE;

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) throws SQLException {
        FreshBenchDatabase.use(DATABASE, registry);
        // the benchmark runs the refresh itself
        registry.add("claimflow.metrics.refresh-millis", () -> "3600000");
    }

    @Autowired DashboardMetrics metrics;
    @Autowired JdbcTemplate jdbc;
    @Autowired com.claimflow.workqueue.CompletedWork completedWork;
    @Autowired com.claimflow.demo.DemoReferenceData reference;
    @Autowired com.claimflow.demo.DemoUsers users;

    final int encounters = Integer.getInteger("bench.encounters", 1_000_000);
    final int iterations = Integer.getInteger("bench.iterations", 300);
    final int warmup = Integer.getInteger("bench.warmup", 30);
    final int baselineIterations = Integer.getInteger("bench.baselineIterations", 20);
    final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @Test
    void dashboardFigures() {
        reference.load();
        users.load();
        line("## Dashboard figures on MariaDB (" + java.time.Instant.now() + ")");
        line("- machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + Runtime.getRuntime().maxMemory() / (1 << 20)
                + " MiB max heap; " + jdbc.queryForObject("select version()", String.class) + " on the same machine; load " + load());
        long start = System.nanoTime();
        seed();
        line(String.format(Locale.ROOT, "- seeded %,d encounters in %.0f s: %s", encounters, seconds(start), counts()));

        start = System.nanoTime();
        long built = metrics.refresh();
        line(String.format(Locale.ROOT, "- first full build of the rollups: %,d encounters in %.0f s; metric_day %,d rows", built, seconds(start),
                jdbc.queryForObject("select count(*) from metric_day", Long.class)));
        Latencies idle = new Latencies("refresh pass, nothing changed");
        for (int i = 0; i < 10; i++) idle.add(timed(() -> metrics.refresh()));
        Latencies changed = new Latencies("refresh pass after 1,000 new payments (3,000 account entries, 1,000 claim updates)");
        for (int i = 0; i < 5; i++) {
            pay(1_000, i);
            changed.add(timed(() -> metrics.refresh()));
        }

        Period year = new Period(today.minusDays(364), today, null);
        Period twoYearsOnePayer = new Period(today.minusDays(Period.MAX_DAYS - 1), today, "BCBS");
        List<Latencies> rollup = new ArrayList<>();
        for (Figure f : Figure.values()) {
            rollup.add(measure("rollup: " + f.id() + ", 365 days, all payers", iterations, () -> metrics.values(f, year, 7)));
        }
        for (Figure f : Figure.values()) {
            rollup.add(measure("rollup: " + f.id() + ", 731 days, BCBS", iterations / 3, () -> metrics.values(f, twoYearsOnePayer, 7)));
        }
        List<Latencies> rows = List.of(
                measure("rows: denial-rate CO, 365 days", iterations / 3, () -> metrics.rows(Figure.DENIAL_RATE, year, 7, DashboardMetrics.BY_CARC_GROUP, "CO")),
                measure("rows: dnfb 7 days, 365 days", iterations / 3, () -> metrics.rows(Figure.DNFB, year, 7, null, null)),
                measure("rows: ar-aging 91-120 BCBS, 365 days", iterations / 3, () -> metrics.rows(Figure.AR_AGING, year, 7, "91-120", "BCBS")));

        Date from = Date.valueOf(year.from()), to = Date.valueOf(year.to());
        List<Latencies> baseline = List.of(
                measure("plain aggregate (stage tables): clean-claim-rate, 365 days", baselineIterations, () -> jdbc.queryForList(
                        "select e.payer_id, sum(case when s.clean then 1 else 0 end), count(*) from encounter e "
                                + "join claim c on c.encounter_id = e.id and c.version = 1 "
                                + "join scrub_result s on s.id = (select min(s2.id) from scrub_result s2 where s2.claim_id = c.id) "
                                + "where e.date_of_service between ? and ? group by e.payer_id", from, to)),
                measure("plain aggregate (stage tables): net-collection-rate, 365 days", baselineIterations, () -> jdbc.queryForList(
                        "select e.payer_id, sum(case when a.entry_type = 'CHARGE' then a.amount else 0 end), "
                                + "sum(case when a.entry_type = 'PAYER_PAYMENT' then -a.amount when a.entry_type = 'PATIENT_PAYMENT' then -a.patient_amount else 0 end), "
                                + "sum(case when a.entry_type = 'CONTRACTUAL_ADJUSTMENT' then -a.amount else 0 end) "
                                + "from encounter e join account_entry a on a.encounter_id = e.id where e.date_of_service between ? and ? group by e.payer_id", from, to)),
                measure("plain aggregate (stage tables): denial-rate by CARC group, 365 days", baselineIterations, () -> jdbc.queryForList(
                        "select p.carc_group, count(*) from encounter e join claim c on c.encounter_id = e.id join payment_posting p on p.claim_id = c.id "
                                + "where e.date_of_service between ? and ? and p.id = (select min(p2.id) from payment_posting p2 where p2.claim_id = c.id) "
                                + "group by p.carc_group", from, to)),
                measure("CompletedWork.daily (public API, a row per day, queue and worker): 365 days", baselineIterations,
                        () -> completedWork.daily(year.from(), year.to().plusDays(1))),
                measure("per-encounter rollup only (metric_encounter): all sums, 365 days", baselineIterations, () -> jdbc.queryForList(
                        "select payer_id, count(*), sum(scrubbed), sum(clean_first), sum(adjudicated), sum(gross_charges), sum(payments), sum(open_ar) "
                                + "from metric_encounter where date_of_service between ? and ? group by payer_id", from, to)));

        line("");
        line(Latencies.header());
        line(idle.row());
        line(changed.row());
        rollup.forEach(l -> line(l.row()));
        rows.forEach(l -> line(l.row()));
        baseline.forEach(l -> line(l.row()));
        line("");
        double worst = rollup.stream().mapToDouble(l -> l.percentileMs(99)).max().orElseThrow();
        line(String.format(Locale.ROOT, "- slowest figure p99 from the rollup: %.2f ms", worst));
        List<Figure> compared = List.of(Figure.CLEAN_CLAIM_RATE, Figure.NET_COLLECTION_RATE, Figure.DENIAL_RATE, Figure.SLA_COMPLIANCE);
        for (int i = 0; i < compared.size(); i++) {
            Latencies b = baseline.get(i);
            Latencies r = rollup.get(compared.get(i).ordinal());
            line(String.format(Locale.ROOT, "- p50 ratio %s / %s: %.0f", b.name(), r.name(), b.percentileMs(50) / r.percentileMs(50)));
        }
        line("- load at the end " + load());
        FigureValues clean = metrics.values(Figure.CLEAN_CLAIM_RATE, year, 7);
        assertThat(clean.headline()).isNotNull();
        assertThat(worst).as("p99 of the slowest figure, ms").isLessThan(1_000);
    }

    /** One statement per table and row kind, each INSERT ... SELECT over seq_1_to_N; k = seq mod 20 decides the story. */
    private void seed() {
        String seq = "seq_1_to_" + encounters;
        String id = "(" + BULK_BASE + " + seq)";
        String payer = "elt(1 + seq mod 4, 'MCARE', 'BCBS', 'AETNA', 'UHC')";
        String dos = "date_sub(curdate(), interval (seq mod 730) day)";
        String charge = "(100 + seq mod 400)";
        jdbc.execute("insert into encounter (id, external_id, patient_first_name, patient_last_name, patient_birth_date, patient_sex, member_id, "
                + "payer_id, billing_npi, date_of_service, place_of_service, claim_type, stage, created_at) select " + id + ", concat('BENCH-', seq), "
                + "'Bench', 'Patient', '1970-01-01', 'F', 'XYZ123456789', " + payer + ", '1234567893', " + dos + ", '11', 'PROFESSIONAL', 'INTAKE', now(3) from " + seq);
        // k 0: no claim; 1: scrub failed; 2: submitted; 3: rejected; 4-5: accepted; 6-7: denied; 8-19: paid
        String status = "case seq mod 20 when 1 then 'SCRUB_FAILED' when 2 then 'SUBMITTED' when 3 then 'REJECTED' when 4 then 'ACCEPTED' "
                + "when 5 then 'ACCEPTED' when 6 then 'DENIED' when 7 then 'DENIED' else 'PAID' end";
        jdbc.execute("insert into claim (id, encounter_id, version, frequency_code, claim_type, status, payer_id, member_id, billing_npi, place_of_service, "
                + "date_of_service, diagnosis_codes, total_charge, created_at, updated_at) select " + id + ", " + id + ", 1, '1', 'PROFESSIONAL', " + status
                + ", " + payer + ", 'XYZ123456789', '1234567893', '11', " + dos + ", 'I10', " + charge + ", now(3) - interval 1 day, now(3) - interval 1 day from " + seq
                + " where seq mod 20 <> 0"); // changed a day ago: not all in the refresh's two-minute overlap
        jdbc.execute("insert into scrub_result (claim_id, claim_version, clean, scrubbed_at) select " + id + ", 1, seq mod 20 <> 1 and seq mod 9 <> 0, now(3) from "
                + seq + " where seq mod 20 <> 0");
        jdbc.execute("insert into x12_claim_transaction (control_number, claim_id, claim_version, payer_id, transaction_type, created_at) select "
                + "lpad(seq mod 1000000000, 9, '0'), " + id + ", 1, " + payer + ", '837P', now(3) from " + seq + " where seq mod 20 > 1");
        jdbc.execute("insert into x12_claim_transaction (control_number, claim_id, claim_version, payer_id, transaction_type, created_at) select "
                + "lpad(seq mod 1000000000, 9, '0'), " + id + ", 1, " + payer + ", '837P', now(3) from " + seq + " where seq mod 20 > 1 and seq mod 50 = 4");
        jdbc.execute("insert into payment_posting (source_ref, claim_id, encounter_id, outcome, charge, paid, contractual_adjustment, patient_responsibility, "
                + "carc_group, carc, posted_at) select concat('bench-', seq), " + id + ", " + id + ", if(seq mod 20 < 8, 'DENIED', 'PAID'), " + charge + ", "
                + "if(seq mod 20 < 8, 0, 0.6 * " + charge + "), if(seq mod 20 < 8, 0, 0.3 * " + charge + "), if(seq mod 20 < 8, 0, 0.1 * " + charge + "), "
                + "if(seq mod 20 < 8, elt(1 + seq mod 5, 'CO', 'PR', 'OA', 'PI', 'CR'), null), if(seq mod 20 < 8, '50', null), now(3) from " + seq
                + " where seq mod 20 >= 6");
        entries(seq, id, "CHARGE", charge, "0", "seq mod 20 >= 6");
        entries(seq, id, "PAYER_PAYMENT", "-0.6 * " + charge, "0", "seq mod 20 >= 8");
        entries(seq, id, "CONTRACTUAL_ADJUSTMENT", "-0.3 * " + charge, "0", "seq mod 20 >= 8");
        entries(seq, id, "PATIENT_RESPONSIBILITY", "-0.1 * " + charge, "0.1 * " + charge, "seq mod 20 >= 8");
        entries(seq, id, "PATIENT_PAYMENT", "0", "-0.1 * " + charge, "seq mod 20 >= 8 and seq mod 2 = 0");
        // two years of completed work: 100 workers in 4 queues, every day
        jdbc.execute("insert into work_done_daily (done_on, queue, worker, completed, warned, escalated, handle_ms) select date_sub(curdate(), interval d.seq day), "
                + "elt(1 + w.seq mod 4, 'coders', 'billers', 'appeals', 'collections'), concat('worker', w.seq), 10 + (d.seq + w.seq) mod 30, "
                + "(d.seq + w.seq) mod 3, (d.seq * w.seq) mod 2, 60000 * (10 + (d.seq + w.seq) mod 30) * (1 + w.seq mod 7) from seq_0_to_729 d, seq_1_to_100 w");
        for (String table : List.of("encounter", "claim", "scrub_result", "x12_claim_transaction", "payment_posting", "account_entry", "work_done_daily")) {
            jdbc.execute("analyze table " + table);
        }
    }

    private void entries(String seq, String id, String type, String amount, String patient, String where) {
        jdbc.execute("insert into account_entry (encounter_id, claim_id, entry_type, amount, patient_amount, reason, posted_by, posted_at) select " + id + ", "
                + id + ", '" + type + "', " + amount + ", " + patient + ", 'bench', 'payer', now(3) from " + seq + " where " + where);
    }

    /** Accepted claims (k 4) are paid: a posting, three account entries and the claim's status each, as a remittance would. */
    private void pay(int claims, int round) {
        String pick = "select id from claim where status = 'ACCEPTED' order by id limit " + claims;
        List<Long> ids = jdbc.queryForList(pick, Long.class);
        for (Long c : ids) {
            jdbc.update("insert into payment_posting (source_ref, claim_id, encounter_id, outcome, charge, paid, contractual_adjustment, patient_responsibility, "
                    + "posted_at) values (?, ?, ?, 'PAID', 100, 60, 40, 0, now(3))", "bench-pay-" + round + "-" + c, c, c);
        }
        jdbc.batchUpdate("insert into account_entry (encounter_id, claim_id, entry_type, amount, patient_amount, reason, posted_by, posted_at) "
                + "values (?, ?, ?, ?, 0, 'bench', 'payer', now(3))", ids.stream().flatMap(c -> java.util.stream.Stream.of(new Object[] {c, c, "CHARGE", 100},
                new Object[] {c, c, "PAYER_PAYMENT", -60}, new Object[] {c, c, "CONTRACTUAL_ADJUSTMENT", -40})).toList());
        if (!ids.isEmpty()) {
            jdbc.update("update claim set status = 'PAID', updated_at = now(3) where id in (" + ids.stream().map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(",")) + ")");
        }
    }

    private Latencies measure(String name, int n, Supplier<?> call) {
        for (int i = 0; i < Math.min(warmup, n); i++) call.get();
        Latencies l = new Latencies(name);
        for (int i = 0; i < n; i++) l.add(timed(call::get));
        return l;
    }

    private static long timed(Runnable r) {
        long t = System.nanoTime();
        r.run();
        return System.nanoTime() - t;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private String counts() {
        StringBuilder s = new StringBuilder();
        for (String table : List.of("encounter", "claim", "scrub_result", "x12_claim_transaction", "payment_posting", "account_entry", "work_done_daily")) {
            s.append(s.isEmpty() ? "" : ", ").append(table).append(' ')
                    .append(String.format(Locale.ROOT, "%,d", jdbc.queryForObject("select count(*) from " + table, Long.class)));
        }
        return s.toString();
    }

    private static String load() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static void line(String text) {
        BenchmarkReport.line(text);
    }
}
