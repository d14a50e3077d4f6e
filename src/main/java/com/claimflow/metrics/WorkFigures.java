package com.claimflow.metrics;

import com.claimflow.metrics.FigureValues.Point;
import com.claimflow.metrics.internal.MetricsStore;
import com.claimflow.metrics.internal.MetricsStore.WorkDay;
import com.claimflow.metrics.internal.MetricsStore.WorkerTotal;
import com.claimflow.workqueue.CompletedDay;
import com.claimflow.workqueue.CompletedWork;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Productivity and SLA compliance from the work queue's completed-task history: the figures from its daily sums grouped
 * in SQL ({@link MetricsStore#workByDay}, {@link MetricsStore#workerDays}), the rows behind them from
 * {@link CompletedWork#daily} (one row per UTC day, queue and worker). Completions carry no payer, so the payer filter
 * does not apply to these two.
 */
@Component
class WorkFigures {
    static final String PER_DAY = "tasks per working day";
    static final String PER_WEEK = "tasks per 7 days";
    static final String MEAN_HANDLE = "mean handle minutes";
    static final String NEVER_ESCALATED = "never escalated";

    private final CompletedWork completed;
    private final MetricsStore store;

    WorkFigures(CompletedWork completed, MetricsStore store) {
        this.completed = completed;
        this.store = store;
    }

    /** Per worker: tasks per working day (a day with completions), per 7 days of the period, and the mean handle time. */
    List<Point> productivity(Period period) {
        BigDecimal weeks = BigDecimal.valueOf(period.days()).divide(BigDecimal.valueOf(7), 6, RoundingMode.HALF_UP);
        List<Point> perDay = new ArrayList<>(), perWeek = new ArrayList<>(), handle = new ArrayList<>();
        List<WorkerTotal> totals = new ArrayList<>(store.workerTotals(period.from(), period.to()));
        totals.sort(java.util.Comparator.comparing(WorkerTotal::worker));
        for (WorkerTotal w : totals) {
            perDay.add(new Point(PER_DAY, w.worker(), divide(w.completed(), w.days()), BigDecimal.valueOf(w.completed()), BigDecimal.valueOf(w.days())));
            perWeek.add(new Point(PER_WEEK, w.worker(), BigDecimal.valueOf(w.completed()).divide(weeks, 1, RoundingMode.HALF_UP),
                    BigDecimal.valueOf(w.completed()), weeks.setScale(2, RoundingMode.HALF_UP)));
            handle.add(new Point(MEAN_HANDLE, w.worker(), minutes(w.handleMillis() / w.completed()), null, null));
        }
        List<Point> points = new ArrayList<>(perDay);
        points.addAll(perWeek);
        points.addAll(handle);
        return points;
    }

    /** Per day with completions: the share of that day's completed tasks never escalated for their SLA. */
    List<Point> slaCompliance(Period period) {
        List<Point> points = new ArrayList<>();
        for (WorkDay d : store.workByDay(period.from(), period.to())) {
            points.add(DashboardMetrics.ratio(NEVER_ESCALATED, d.day().toString(), d.completed() - d.escalated(), d.completed()));
        }
        return points;
    }

    /** The day rows behind the figure: one worker's (productivity), or one day's (SLA compliance); all when label is null. */
    List<FigureRow> rows(Figure figure, Period period, String series, String label) {
        List<FigureRow> rows = new ArrayList<>();
        for (CompletedDay d : completed.daily(period.from(), period.to().plusDays(1))) {
            boolean wanted = label == null || DashboardMetrics.ALL.equals(label)
                    || (figure == Figure.PRODUCTIVITY ? label.equals(d.worker()) : label.equals(d.day().toString()));
            if (!wanted) continue;
            String note = d.completed() + " completed, " + d.warned() + " warned, " + d.escalated() + " escalated"
                    + (d.completed() == 0 ? "" : ", mean handle " + minutes(d.handleMillis() / d.completed()) + " min");
            rows.add(new FigureRow(null, null, d.day(), null, d.queue(), d.worker(), null, null, note));
            if (rows.size() == DashboardMetrics.ROW_LIMIT) break;
        }
        return rows;
    }

    private static BigDecimal divide(long n, long d) {
        return d == 0 ? null : BigDecimal.valueOf(n).divide(BigDecimal.valueOf(d), 1, RoundingMode.HALF_UP);
    }

    private static BigDecimal minutes(Long millis) {
        return millis == null ? null : BigDecimal.valueOf(millis).divide(BigDecimal.valueOf(60_000), 1, RoundingMode.HALF_UP);
    }
}
