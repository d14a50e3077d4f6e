package com.claimflow.metrics.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps metric_encounter and metric_day up to date incrementally. Each pass, in one transaction holding the
 * metric_refresh row, finds the encounters touched since the last pass (new encounters, and new scrub results, 837s,
 * postings and account entries by id, changed claims by updated_at), recomputes their metric_encounter rows and then the
 * metric_day rows of their dates of service. A first run (or a backlog) walks the encounters in id order, {@link #BATCH} per
 * pass, and sums metric_day once at the end. This is the only place that reads other modules' tables (encounter,
 * claim, scrub_result, x12_claim_transaction, payment_posting, account_entry): they have no bulk read in their public
 * services, and the rollup must be set-based to stay cheap at a million encounters.
 */
@Component
public class MetricsRefresh {
    private static final Logger log = LoggerFactory.getLogger(MetricsRefresh.class);
    /** Encounters recomputed per pass: a pass stays a few seconds long, so the lock row is held briefly. */
    static final int BATCH = 20_000;
    /** Statements stay short: at most this many ids inlined in one IN list. */
    static final int CHUNK = 1_000;
    /** A row whose transaction commits after a later id was read is seen by the next pass: each pass re-reads this many ids. */
    static final long OVERLAP = 100;
    /** The same for claims, by their last change. */
    static final Duration CLAIM_OVERLAP = Duration.ofMinutes(1);

    static final String FACT_COLUMNS = "encounter_id, payer_id, date_of_service, claim_id, claim_status, claim_charge, billed_on, unbilled, "
            + "scrubbed, clean_first, answered_first, accepted_first, adjudicated, denial_group, gross_charges, payments, contractual, open_ar";

    /** Statuses of a first claim that the payer answered, accepted ones first: a replaced or voided claim was accepted before. */
    private static final String ACCEPTED = "'ACCEPTED','PAID','PARTIALLY_PAID','DENIED','REPLACED','VOIDED'";
    private static final String CLOSED = "'VOIDED','WRITTEN_OFF'";

    /**
     * One encounter's row from its own tables; scalar subqueries, each an index lookup by encounter or claim, so a batch
     * costs the same whatever the table sizes. {@code %s} is the condition on {@code e.id}, then on account_entry's.
     */
    static final String FACT = "insert into metric_encounter (" + FACT_COLUMNS + ") "
            + "select t.id, t.payer_id, t.date_of_service, t.claim_id, t.claim_status, coalesce(t.claim_charge, 0), t.billed_on, "
            + "case when t.billed_on is null and (t.claim_status is null or t.claim_status not in (" + CLOSED + ")) then 1 else 0 end, "
            + "case when t.first_scrub is null then 0 else 1 end, "
            + "case when t.first_scrub then 1 else 0 end, "
            + "case when t.first_sends > 1 or (t.first_sends = 1 and t.first_status in (" + ACCEPTED + ",'REJECTED')) then 1 else 0 end, "
            + "case when t.first_sends = 1 and t.first_status in (" + ACCEPTED + ") then 1 else 0 end, "
            + "case when t.first_outcome is null then 0 else 1 end, "
            + "case when t.first_outcome = 'DENIED' then coalesce(t.first_group, 'OA') end, "
            + "coalesce(a.charges, 0), coalesce(a.payments, 0), coalesce(a.contractual, 0), "
            + "case when coalesce(a.charges, 0) > 0 then coalesce(a.balance, 0) "
            + "when t.billed_on is not null and t.claim_status not in (" + CLOSED + ") then coalesce(t.claim_charge, 0) else 0 end "
            + "from (select e.id, e.payer_id, e.date_of_service, "
            + "(select c.id from claim c where c.encounter_id = e.id order by c.version desc limit 1) claim_id, "
            + "(select c.status from claim c where c.encounter_id = e.id order by c.version desc limit 1) claim_status, "
            + "(select c.total_charge from claim c where c.encounter_id = e.id and c.frequency_code <> '8' order by c.version desc limit 1) claim_charge, "
            + "(select cast(min(x.created_at) as date) from x12_claim_transaction x join claim c on c.id = x.claim_id where c.encounter_id = e.id) billed_on, "
            + "(select s.clean from scrub_result s join claim c on c.id = s.claim_id where c.encounter_id = e.id order by s.id limit 1) first_scrub, "
            + "(select c.status from claim c where c.encounter_id = e.id order by c.version limit 1) first_status, "
            + "(select count(*) from x12_claim_transaction x where x.claim_id = "
            + "(select c.id from claim c where c.encounter_id = e.id order by c.version limit 1)) first_sends, "
            + "(select p.outcome from payment_posting p join claim c on c.id = p.claim_id where c.encounter_id = e.id order by p.id limit 1) first_outcome, "
            + "(select p.carc_group from payment_posting p join claim c on c.id = p.claim_id where c.encounter_id = e.id order by p.id limit 1) first_group "
            + "from encounter e where %s) t "
            + "left join (select encounter_id, sum(case when entry_type = 'CHARGE' then amount else 0 end) charges, "
            + "0 - sum(case when entry_type = 'PAYER_PAYMENT' then amount else 0 end) - sum(case when entry_type = 'PATIENT_PAYMENT' then patient_amount else 0 end) payments, "
            + "0 - sum(case when entry_type = 'CONTRACTUAL_ADJUSTMENT' then amount else 0 end) contractual, "
            + "sum(amount + patient_amount) balance from account_entry where %s group by encounter_id) a on a.encounter_id = t.id";

    /** metric_encounter summed per date of service and payer; {@code %s} limits the days. */
    static final String DAY = "insert into metric_day (service_day, payer_id, encounters, billed, billed_charge, unbilled, unbilled_charge, scrubbed, clean_first, "
            + "answered_first, accepted_first, adjudicated, denied, denied_co, denied_pr, denied_oa, denied_pi, denied_cr, gross_charges, "
            + "payments, contractual, open_ar) select date_of_service, payer_id, count(*), sum(case when billed_on is null then 0 else 1 end), sum(case when billed_on is null then 0 else claim_charge end), "
            + "sum(unbilled), sum(case when unbilled = 1 then claim_charge else 0 end), sum(scrubbed), sum(clean_first), sum(answered_first), "
            + "sum(accepted_first), sum(adjudicated), sum(case when denial_group is null then 0 else 1 end), "
            + "sum(case when denial_group = 'CO' then 1 else 0 end), sum(case when denial_group = 'PR' then 1 else 0 end), "
            + "sum(case when denial_group = 'OA' then 1 else 0 end), sum(case when denial_group = 'PI' then 1 else 0 end), "
            + "sum(case when denial_group = 'CR' then 1 else 0 end), sum(gross_charges), sum(payments), sum(contractual), sum(open_ar) "
            + "from metric_encounter where %s group by date_of_service, payer_id";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    public MetricsRefresh(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = Clock.systemUTC();
    }

    /** What one pass did: encounters recomputed, and whether more waits (a backlog walked a batch at a time). */
    public record Pass(int encounters, boolean more) {
    }

    /** Scheduled on every node; the lock row makes the passes take turns. */
    @Scheduled(initialDelayString = "${claimflow.metrics.refresh-millis:60000}", fixedDelayString = "${claimflow.metrics.refresh-millis:60000}")
    public void scheduled() {
        try {
            refreshAll();
        } catch (RuntimeException e) {
            log.warn("metrics refresh failed; the next run retries", e);
        }
    }

    /** Passes until nothing is left; returns the encounters recomputed. */
    public long refreshAll() {
        long total = 0;
        Pass p;
        do {
            p = pass();
            total += p.encounters();
        } while (p.more());
        return total;
    }

    /** One pass in one transaction. */
    public Pass pass() {
        return tx.execute(s -> runPass());
    }

    /** When the rollups were last brought up to date, or null before the first pass. */
    public Instant refreshedAt() {
        Timestamp t = jdbc.queryForObject("select refreshed_at from metric_refresh where id = 1", Timestamp.class);
        return t == null ? null : t.toInstant();
    }

    private Pass runPass() {
        Marks m = jdbc.queryForObject("select encounter_mark, scrub_mark, x12_mark, posting_mark, entry_mark, claim_mark, rollup_pending "
                + "from metric_refresh where id = 1 for update", (rs, i) -> new Marks(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                rs.getLong(4), rs.getLong(5), rs.getTimestamp(6), rs.getInt(7) == 1));
        Instant now = clock.instant();
        long encounterMax = max("encounter"), scrubMax = max("scrub_result"), x12Max = max("x12_claim_transaction"),
                postingMax = max("payment_posting"), entryMax = max("account_entry");
        boolean first = m.encounter() == 0 && m.claim() == null;
        // new encounters, walked by id; a backlog (the first run) a batch per pass
        long walkFrom = first ? 0 : Math.max(0, m.encounter() - OVERLAP);
        Long batchEnd = jdbc.queryForObject("select max(id) from (select id from encounter where id > ? order by id limit " + BATCH + ") b",
                Long.class, m.encounter());
        long walkTo = batchEnd == null ? m.encounter() : batchEnd;
        boolean more = walkTo < encounterMax;
        int walked = walkTo > walkFrom ? rebuildRange(walkFrom, walkTo) : 0;
        // changed encounters already walked; with the first run the walk covers every row there is now
        TreeSet<Long> dirty = new TreeSet<>();
        if (!first) {
            dirty.addAll(ids("select c.encounter_id from scrub_result s join claim c on c.id = s.claim_id where s.id > ? and s.id <= ?",
                    m.scrub() - OVERLAP, scrubMax));
            dirty.addAll(ids("select c.encounter_id from x12_claim_transaction x join claim c on c.id = x.claim_id where x.id > ? and x.id <= ?",
                    m.x12() - OVERLAP, x12Max));
            dirty.addAll(ids("select encounter_id from payment_posting where id > ? and id <= ?", m.posting() - OVERLAP, postingMax));
            dirty.addAll(ids("select encounter_id from account_entry where id > ? and id <= ?", m.entry() - OVERLAP, entryMax));
            if (m.claim() != null) {
                dirty.addAll(jdbc.queryForList("select encounter_id from claim where updated_at >= ?", Long.class,
                        Timestamp.from(m.claim().toInstant().minus(CLAIM_OVERLAP))));
            }
            dirty.removeIf(id -> id > walkFrom);
        }
        TreeSet<LocalDate> days = new TreeSet<>();
        List<Long> all = new ArrayList<>(dirty);
        for (int i = 0; i < all.size(); i += CHUNK) {
            String in = all.subList(i, Math.min(all.size(), i + CHUNK)).stream().map(String::valueOf).collect(Collectors.joining(","));
            String facts = "encounter_id in (" + in + ")";
            days.addAll(jdbc.queryForList("select distinct date_of_service from metric_encounter where " + facts, LocalDate.class));
            rebuild("e.id in (" + in + ")", facts, facts);
            days.addAll(jdbc.queryForList("select distinct date_of_service from metric_encounter where " + facts, LocalDate.class));
        }
        boolean pending = m.rollupPending() || (more && walked > 0);
        if (more) {
            // a walk in progress: metric_day is summed once at its end, not once per batch
        } else if (pending || first) {
            jdbc.update("delete from metric_day");
            jdbc.update(DAY.formatted("1 = 1"));
            pending = false;
        } else {
            if (walked > 0) {
                days.addAll(jdbc.queryForList("select distinct date_of_service from metric_encounter where encounter_id > ? and encounter_id <= ?",
                        LocalDate.class, walkFrom, walkTo));
            }
            rollUp(days);
        }
        long scrubMark = first ? scrubMax : Math.max(m.scrub(), scrubMax), x12Mark = first ? x12Max : Math.max(m.x12(), x12Max);
        long postingMark = first ? postingMax : Math.max(m.posting(), postingMax), entryMark = first ? entryMax : Math.max(m.entry(), entryMax);
        jdbc.update("update metric_refresh set encounter_mark = ?, scrub_mark = ?, x12_mark = ?, posting_mark = ?, entry_mark = ?, claim_mark = ?, "
                        + "refreshed_at = ?, rollup_pending = ? where id = 1", Math.max(m.encounter(), walkTo), scrubMark, x12Mark, postingMark, entryMark,
                Timestamp.from(now), Timestamp.from(now), pending ? 1 : 0);
        return new Pass(walked + dirty.size(), more);
    }

    private int rebuildRange(long fromExclusive, long toInclusive) {
        String range = "e.id > " + fromExclusive + " and e.id <= " + toInclusive;
        String entries = "encounter_id > " + fromExclusive + " and encounter_id <= " + toInclusive;
        return rebuild(range, entries, entries);
    }

    private int rebuild(String onEncounter, String onEntries, String onFacts) {
        jdbc.update("delete from metric_encounter where " + onFacts);
        return jdbc.update(FACT.formatted(onEncounter, onEntries));
    }

    private void rollUp(TreeSet<LocalDate> days) {
        List<LocalDate> all = new ArrayList<>(days);
        for (int i = 0; i < all.size(); i += CHUNK) {
            String in = all.subList(i, Math.min(all.size(), i + CHUNK)).stream().map(d -> "'" + d + "'").collect(Collectors.joining(","));
            jdbc.update("delete from metric_day where service_day in (" + in + ")");
            jdbc.update(DAY.formatted("date_of_service in (" + in + ")"));
        }
    }

    private long max(String table) {
        Long v = jdbc.queryForObject("select max(id) from " + table, Long.class);
        return v == null ? 0 : v;
    }

    private List<Long> ids(String sql, long fromExclusive, long toInclusive) {
        return toInclusive <= fromExclusive ? List.of() : jdbc.queryForList(sql, Long.class, Math.max(0, fromExclusive), toInclusive);
    }

    private record Marks(long encounter, long scrub, long x12, long posting, long entry, Timestamp claim, boolean rollupPending) {
    }
}
