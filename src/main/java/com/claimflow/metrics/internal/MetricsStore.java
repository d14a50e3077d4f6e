package com.claimflow.metrics.internal;

import com.claimflow.metrics.FigureRow;
import com.claimflow.metrics.Period;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads the rollups: figures from metric_day (one row per date of service and payer), the rows behind a figure from
 * metric_encounter.
 */
@Repository
public class MetricsStore {
    /** A figure reads at most a day row per payer per day of the period: two years and ten payers are 7,310 rows. */
    static final String SUMS = "select payer_id, sum(encounters), sum(billed), sum(billed_charge), sum(unbilled), sum(unbilled_charge), sum(scrubbed), "
            + "sum(clean_first), sum(answered_first), sum(accepted_first), sum(adjudicated), sum(denied), sum(denied_co), sum(denied_pr), "
            + "sum(denied_oa), sum(denied_pi), sum(denied_cr), sum(gross_charges), sum(payments), sum(contractual), sum(open_ar) "
            + "from metric_day where service_day >= ? and service_day <= ? %s group by payer_id order by payer_id";

    private final JdbcTemplate jdbc;

    public MetricsStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The rollup's sums for one payer over a span of dates of service. */
    public record PayerSums(String payer, long encounters, long billed, BigDecimal billedCharge, long unbilled, BigDecimal unbilledCharge, long scrubbed, long cleanFirst,
                            long answeredFirst, long acceptedFirst, long adjudicated, long denied, long deniedCo, long deniedPr, long deniedOa,
                            long deniedPi, long deniedCr, BigDecimal grossCharges, BigDecimal payments, BigDecimal contractual, BigDecimal openAr) {
    }

    /** Sums per payer for dates of service from {@code from} to {@code to}, both included. */
    public List<PayerSums> sums(LocalDate from, LocalDate to, String payer) {
        if (to.isBefore(from)) return List.of();
        List<Object> args = new ArrayList<>(List.of(Date.valueOf(from), Date.valueOf(to)));
        if (payer != null) args.add(payer);
        return jdbc.query(SUMS.formatted(payer == null ? "" : "and payer_id = ?"), (rs, i) -> new PayerSums(rs.getString(1), rs.getLong(2),
                rs.getLong(3), money(rs.getBigDecimal(4)), rs.getLong(5), money(rs.getBigDecimal(6)), rs.getLong(7), rs.getLong(8), rs.getLong(9),
                rs.getLong(10), rs.getLong(11), rs.getLong(12), rs.getLong(13), rs.getLong(14), rs.getLong(15), rs.getLong(16), rs.getLong(17),
                money(rs.getBigDecimal(18)), money(rs.getBigDecimal(19)), money(rs.getBigDecimal(20)), money(rs.getBigDecimal(21))), args.toArray());
    }

    /** What the rows behind a figure must satisfy, on metric_encounter; {@code note} is an SQL expression saying how a row counts. */
    public record RowFilter(String condition, List<Object> args, String note, String amount) {
    }

    /**
     * Up to {@code limit} encounters of the period behind a figure, oldest date of service first, in the order of
     * ix_metric_encounter_dos (date, payer, then the primary key), so the read stops at the limit instead of sorting.
     */
    public List<FigureRow> rows(Period period, RowFilter filter, int limit) {
        List<Object> args = new ArrayList<>(List.of(Date.valueOf(period.from()), Date.valueOf(period.to())));
        String payer = "";
        if (period.payer() != null) {
            payer = " and payer_id = ?";
            args.add(period.payer());
        }
        args.addAll(filter.args());
        return jdbc.query("select encounter_id, claim_id, date_of_service, payer_id, claim_status, " + filter.amount() + ", " + filter.note()
                + " from metric_encounter where date_of_service >= ? and date_of_service <= ?" + payer + " and (" + filter.condition() + ")"
                + " order by date_of_service, payer_id, encounter_id limit " + limit, (rs, i) -> new FigureRow(rs.getLong(1), (Long) rs.getObject(2, Long.class),
                rs.getObject(3, LocalDate.class), rs.getString(4), null, null, rs.getString(5), money(rs.getBigDecimal(6)), rs.getString(7)),
                args.toArray());
    }

    /** Tasks completed and escalated at completion per UTC day, from {@code from} to {@code to} included. */
    public record WorkDay(LocalDate day, long completed, long escalated) {
    }

    /**
     * Per UTC day, summed over queues and workers. It reads the work queue's daily table (work_done_daily, V21) with
     * one GROUP BY: {@code CompletedWork.daily} returns a row per day, queue and worker (73,000 for two years of 100
     * workers), which measured up to a second under load (docs/benchmarks.md, "Dashboard").
     */
    public List<WorkDay> workByDay(LocalDate from, LocalDate to) {
        return jdbc.query("select done_on, sum(completed), sum(escalated) from work_done_daily where done_on >= ? and done_on <= ? "
                + "group by done_on order by done_on", (rs, i) -> new WorkDay(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3)),
                Date.valueOf(from), Date.valueOf(to));
    }

    /** One worker's completions over a period: on how many days, how many tasks, and their handle times summed. */
    public record WorkerTotal(String worker, int days, long completed, long handleMillis) {
    }

    /**
     * Per worker over the period, summed in the database: a row per worker instead of one per worker and day (a year of
     * a hundred workers' days sent to Java to take medians cost 1.1 s p99 at a million encounters, docs/benchmarks.md).
     */
    public List<WorkerTotal> workerTotals(LocalDate from, LocalDate to) {
        return jdbc.query("select worker, count(distinct done_on), sum(completed), sum(handle_ms) from work_done_daily where done_on >= ? and done_on <= ?"
                + " group by worker having sum(completed) > 0", (rs, i) -> new WorkerTotal(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getLong(4)),
                Date.valueOf(from), Date.valueOf(to));
    }

    /** The payers with rows in the rollup, for the filter's list. */
    public List<String> payers() {
        return jdbc.queryForList("select distinct payer_id from metric_day order by payer_id", String.class);
    }

    private static BigDecimal money(BigDecimal v) {
        return v == null ? BigDecimal.ZERO.setScale(2) : v.setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
