package com.claimflow.metrics;

import com.claimflow.reference.Payer;
import com.claimflow.reference.ReferenceService;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A hand-computable revenue cycle for one new payer, written straight into the stage tables the rollups read (what the
 * processes would have left there), so each figure's numbers can be worked out on paper:
 * <ul>
 * <li>{@code paid}: served 10 days ago, scrubbed clean first, one 837, paid: charge 100, paid 60, contractual 30,
 *     patient 10 still owed.</li>
 * <li>{@code denied}: 40 days ago, first scrub found edits then clean, one 837, denied CO: charge 200 owed.</li>
 * <li>{@code resent}: 100 days ago, clean, rejected and sent again (two 837s), accepted, no remittance: 50 owed.</li>
 * <li>{@code unbilled}: 20 days ago, claim of 80 built, first scrub found edits, never sent.</li>
 * <li>{@code fresh}: 5 days ago, no claim yet.</li>
 * </ul>
 * Period 120 days ago to today: clean 2 of 4 (50.0 %), first pass 2 of 3 (66.7 %), denials 1 of 2 (50.0 %, CO 50.0 %),
 * net collection 60 / (300 - 30) = 22.2 %, open A/R 260 (10 aged 0-30, 200 aged 31-60, 50 aged 91-120: 19.2 % over
 * 90 days), A/R days 260 / (350 / 121) = 89.9, DNFB after 3 days 2, after 7 or 14 days 1 (80.00).
 * <p>{@link #workDays()} adds completed work on a random day long past (a day no other test writes), for two workers of its own:
 * on {@link #workDay} A completed 4 coding tasks (1 escalated, 1 minute each), B 3 billing tasks (all escalated, 2 minutes
 * each); the day after, A completed 2 (3 minutes each). Over the 8 days from {@link #workFrom}: A and B 3.0 tasks per
 * working day, A 5.3 and B 2.6 per 7 days, mean handle 1.7 (A) and 2.0 (B) minutes; SLA compliance 3 of 7 (42.9 %), then 2 of 2
 * (100.0 %), 5 of 9 overall (55.6 %).
 */
public final class MetricsFixture {
    public final String payer = "M" + UUID.randomUUID().toString().replace("-", "").substring(0, 9).toUpperCase();
    public final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    public long paid, denied, resent, unbilled, fresh;
    public long resentClaim;
    public final String workerA = "a-" + payer.toLowerCase(), workerB = "b-" + payer.toLowerCase();
    /** A day long past and drawn at random: a database kept between runs (MariaDB) has no other work on it. */
    public final LocalDate workDay = today.minusDays(1_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(20_000)), workFrom = workDay.minusDays(3), workTo = workDay.plusDays(4);
    private final JdbcTemplate jdbc;

    public MetricsFixture(JdbcTemplate jdbc, ReferenceService reference) {
        this.jdbc = jdbc;
        reference.savePayer(new Payer(payer, "Metrics test payer " + payer, "PROFESSIONAL", 365, null));
    }

    public MetricsFixture build() {
        paid = encounter(10);
        long c1 = claim(paid, 1, "PAID", "100.00");
        scrub(c1, true);
        send(c1);
        posting(c1, paid, "PAID", null, "100.00", "60.00", "30.00", "10.00");
        entry(paid, c1, "CHARGE", "100.00", "0");
        entry(paid, c1, "PAYER_PAYMENT", "-60.00", "0");
        entry(paid, c1, "CONTRACTUAL_ADJUSTMENT", "-30.00", "0");
        entry(paid, c1, "PATIENT_RESPONSIBILITY", "-10.00", "10.00");

        denied = encounter(40);
        long c2 = claim(denied, 1, "DENIED", "200.00");
        scrub(c2, false);
        scrub(c2, true);
        send(c2);
        posting(c2, denied, "DENIED", "CO", "200.00", "0", "0", "0");
        entry(denied, c2, "CHARGE", "200.00", "0");

        resent = encounter(100);
        resentClaim = claim(resent, 1, "ACCEPTED", "50.00");
        scrub(resentClaim, true);
        send(resentClaim);
        send(resentClaim);

        unbilled = encounter(20);
        long c4 = claim(unbilled, 1, "SCRUB_FAILED", "80.00");
        scrub(c4, false);

        fresh = encounter(5);
        return this;
    }

    /** The resent claim is paid in full: 50 charged, 45 paid, 5 contractual. */
    public void payResent() {
        posting(resentClaim, resent, "PAID", null, "50.00", "45.00", "5.00", "0");
        entry(resent, resentClaim, "CHARGE", "50.00", "0");
        entry(resent, resentClaim, "PAYER_PAYMENT", "-45.00", "0");
        entry(resent, resentClaim, "CONTRACTUAL_ADJUSTMENT", "-5.00", "0");
        jdbc.update("update claim set status = 'PAID', updated_at = ? where id = ?", Timestamp.from(Instant.now()), resentClaim);
    }

    /** Completed work as the work queue sums it per day, queue and worker (see the class comment). */
    public void workDays() {
        done(workDay, "coders", workerA, 4, 1, 4 * 60_000L);
        done(workDay, "billers", workerB, 3, 3, 3 * 120_000L);
        done(workDay.plusDays(1), "coders", workerA, 2, 0, 2 * 180_000L);
    }

    private void done(LocalDate day, String queue, String worker, long completed, long escalated, long handleMillis) {
        jdbc.update("insert into work_done_daily (done_on, queue, worker, completed, warned, escalated, handle_ms) values (?,?,?,?,?,?,?)",
                Date.valueOf(day), queue, worker, completed, 0, escalated, handleMillis);
    }

    private long encounter(int daysAgo) {
        String external = payer + "-" + UUID.randomUUID();
        jdbc.update("insert into encounter (external_id, patient_first_name, patient_last_name, patient_birth_date, patient_sex, member_id, payer_id, "
                        + "billing_npi, date_of_service, place_of_service, claim_type, stage, created_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                external, "Test", "Metrics", Date.valueOf("1980-01-01"), "F", "XYZ1", payer, "1234567893", Date.valueOf(today.minusDays(daysAgo)), "11",
                "PROFESSIONAL", "INTAKE", Timestamp.from(Instant.now()));
        return jdbc.queryForObject("select id from encounter where external_id = ?", Long.class, external);
    }

    private long claim(long encounter, int version, String status, String charge) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into claim (encounter_id, version, frequency_code, claim_type, status, payer_id, member_id, billing_npi, place_of_service, "
                        + "date_of_service, diagnosis_codes, total_charge, created_at, updated_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                encounter, version, "1", "PROFESSIONAL", status, payer, "XYZ1", "1234567893", "11",
                jdbc.queryForObject("select date_of_service from encounter where id = ?", Date.class, encounter), "I10", new BigDecimal(charge), now, now);
        return jdbc.queryForObject("select id from claim where encounter_id = ? and version = ?", Long.class, encounter, version);
    }

    private void scrub(long claim, boolean clean) {
        jdbc.update("insert into scrub_result (claim_id, claim_version, clean, scrubbed_at) values (?,?,?,?)", claim, 1, clean, Timestamp.from(Instant.now()));
    }

    private void send(long claim) {
        jdbc.update("insert into x12_claim_transaction (control_number, claim_id, claim_version, payer_id, transaction_type, created_at) values (?,?,?,?,?,?)",
                "9" + (claim % 100_000_000), claim, 1, payer, "837P", Timestamp.from(Instant.now()));
    }

    private void posting(long claim, long encounter, String outcome, String group, String charge, String paid, String contractual, String patient) {
        jdbc.update("insert into payment_posting (source_ref, claim_id, encounter_id, outcome, charge, paid, contractual_adjustment, patient_responsibility, "
                        + "carc_group, carc, posted_at) values (?,?,?,?,?,?,?,?,?,?,?)", "metrics-" + UUID.randomUUID(), claim, encounter, outcome,
                new BigDecimal(charge), new BigDecimal(paid), new BigDecimal(contractual), new BigDecimal(patient), group, group == null ? null : "50",
                Timestamp.from(Instant.now()));
    }

    private void entry(long encounter, long claim, String type, String amount, String patientAmount) {
        jdbc.update("insert into account_entry (encounter_id, claim_id, entry_type, amount, patient_amount, reason, posted_by, posted_at) values (?,?,?,?,?,?,?,?)",
                encounter, claim, type, new BigDecimal(amount), new BigDecimal(patientAmount), "metrics test", "test", Timestamp.from(Instant.now()));
    }
}
