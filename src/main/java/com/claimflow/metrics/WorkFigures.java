package com.claimflow.metrics;

import com.claimflow.metrics.FigureValues.Point;
import com.claimflow.workqueue.CompletedDay;
import com.claimflow.workqueue.CompletedWork;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Productivity and SLA compliance from the work queue's completed-task history ({@link CompletedWork#daily}: one row
 * per UTC day, queue and worker). Completions carry no payer, so the payer filter does not apply to these two.
 */
@Component
class WorkFigures {
    static final String PER_DAY = "tasks per working day";
    static final String PER_WEEK = "tasks per 7 days";
    static final String MEDIAN_HANDLE = "median handle minutes";
    static final String NEVER_ESCALATED = "never escalated";

    private final CompletedWork completed;

    WorkFigures(CompletedWork completed) {
        this.completed = completed;
    }

    /** Per worker: tasks per working day, per 7 days of the period, and the median of the worker's daily mean handle time. */
    List<Point> productivity(Period period) {
        TreeMap<String, List<Day>> byWorker = new TreeMap<>();
        for (Day d : days(period)) byWorker.computeIfAbsent(d.worker(), w -> new ArrayList<>()).add(d);
        List<Point> perDay = new ArrayList<>(), perWeek = new ArrayList<>(), handle = new ArrayList<>();
        for (var e : byWorker.entrySet()) {
            long tasks = e.getValue().stream().mapToLong(Day::completed).sum();
            int days = e.getValue().size();
            perDay.add(new Point(PER_DAY, e.getKey(), divide(tasks, days), BigDecimal.valueOf(tasks), BigDecimal.valueOf(days)));
            BigDecimal weeks = BigDecimal.valueOf(period.days()).divide(BigDecimal.valueOf(7), 6, RoundingMode.HALF_UP);
            perWeek.add(new Point(PER_WEEK, e.getKey(), BigDecimal.valueOf(tasks).divide(weeks, 1, RoundingMode.HALF_UP), BigDecimal.valueOf(tasks),
                    weeks.setScale(2, RoundingMode.HALF_UP)));
            List<Long> means = e.getValue().stream().filter(d -> d.completed() > 0).map(d -> d.handleMillis() / d.completed()).sorted().toList();
            handle.add(new Point(MEDIAN_HANDLE, e.getKey(), minutes(median(means)), null, null));
        }
        List<Point> points = new ArrayList<>(perDay);
        points.addAll(perWeek);
        points.addAll(handle);
        return points;
    }

    /** Per day with completions: the share of that day's completed tasks never escalated for their SLA. */
    List<Point> slaCompliance(Period period) {
        TreeMap<LocalDate, long[]> byDay = new TreeMap<>();
        for (CompletedDay d : completed.daily(period.from(), period.to().plusDays(1))) {
            long[] sums = byDay.computeIfAbsent(d.day(), k -> new long[2]);
            sums[0] += d.completed();
            sums[1] += d.escalated();
        }
        List<Point> points = new ArrayList<>();
        byDay.forEach((day, s) -> points.add(DashboardMetrics.ratio(NEVER_ESCALATED, day.toString(), s[0] - s[1], s[0])));
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

    /** A worker's completions on one day over all queues. */
    private record Day(String worker, LocalDate day, long completed, long handleMillis) {
    }

    private List<Day> days(Period period) {
        TreeMap<String, Day> byKey = new TreeMap<>();
        for (CompletedDay d : completed.daily(period.from(), period.to().plusDays(1))) {
            if (d.worker() == null) continue;
            byKey.merge(d.worker() + "|" + d.day(), new Day(d.worker(), d.day(), d.completed(), d.handleMillis()),
                    (a, b) -> new Day(a.worker(), a.day(), a.completed() + b.completed(), a.handleMillis() + b.handleMillis()));
        }
        return byKey.values().stream().filter(d -> d.completed() > 0).toList();
    }

    private static BigDecimal divide(long n, long d) {
        return d == 0 ? null : BigDecimal.valueOf(n).divide(BigDecimal.valueOf(d), 1, RoundingMode.HALF_UP);
    }

    /** The middle value, or the mean of the two middle ones; null for none. */
    static Long median(List<Long> sorted) {
        if (sorted.isEmpty()) return null;
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static BigDecimal minutes(Long millis) {
        return millis == null ? null : BigDecimal.valueOf(millis).divide(BigDecimal.valueOf(60_000), 1, RoundingMode.HALF_UP);
    }
}
