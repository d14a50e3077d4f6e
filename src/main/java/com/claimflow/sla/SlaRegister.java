package com.claimflow.sla;

import com.claimflow.audit.AuditService;
import com.claimflow.audit.EvidenceCursor;
import com.claimflow.audit.EvidenceCsv;
import com.claimflow.sla.internal.SlaEventStore;
import com.claimflow.workqueue.CompletedDay;
import com.claimflow.workqueue.CompletedWork;
import com.claimflow.workqueue.WorkItem;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SLA register: every warning and escalation the timers raised, kept as evidence with who held the task, when it
 * was due, how late, and how it ended; read as pages, totals per queue and person with SLA compliance, a CSV export and
 * a PDF report. Exports are audited with who exported which filter.
 */
@Service
public class SlaRegister {
    public static final String EXPORTED = "EXPORTED_SLA_REGISTER";
    public static final int PAGE_SIZE = 50;
    /** Rows an export reads per query: its memory stays bounded however many events match. */
    static final int EXPORT_CHUNK = 1000;
    /** How long after midnight UTC a day's sums may still change (a transaction begun before it commits after). */
    static final Duration SETTLING = Duration.ofMinutes(5);
    /** How many periods' sums of closed days are kept (least recently used go first). */
    static final int CLOSED_PERIODS = 256;

    private final SlaEventStore store;
    private final CompletedWork completed;
    private final AuditService audit;
    private final Map<ClosedKey, Sums> closedDays = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ClosedKey, Sums> eldest) {
            return size() > CLOSED_PERIODS;
        }
    };

    public SlaRegister(SlaEventStore store, CompletedWork completed, AuditService audit) {
        this.store = store;
        this.completed = completed;
        this.audit = audit;
    }

    /**
     * Records a warning or escalation just raised on {@code item} (the row as it stood before), in the timer's transaction.
     * {@code dueAt}: for a warning the escalation time to come; for an escalation, {@code raisedAt}.
     */
    @Transactional
    public void raised(WorkItem item, SlaEvent.Kind kind, Instant dueAt, Instant raisedAt) {
        raisedAt = raisedAt.truncatedTo(ChronoUnit.MILLIS); // as stored, so the lateness kept is the difference of the times kept
        dueAt = dueAt.truncatedTo(ChronoUnit.MILLIS);
        Instant created = item.createdAt().truncatedTo(ChronoUnit.MILLIS);
        Duration late = kind == SlaEvent.Kind.ESCALATION ? Duration.between(created, raisedAt) : Duration.between(raisedAt, dueAt);
        store.insert(new SlaEvent(0, kind, item.taskId(), item.taskType(), item.encounterId(), item.queue(), item.payerId(), item.assignee(),
                created, dueAt, raisedAt, late, null, null, null));
    }

    /** The task ended: its open events are resolved, by who completed it or ({@code by} null) by the process. */
    @Transactional
    public void resolved(String taskId, String by, Instant at) {
        store.resolve(taskId, at, by, by == null ? SlaEvent.Resolution.PROCESS : SlaEvent.Resolution.COMPLETED);
    }

    @Transactional(readOnly = true)
    public SlaPage page(SlaFilter filter, EvidenceCursor after, int limit) {
        List<SlaEvent> events = store.page(filter, after, limit);
        String next = events.size() < limit ? null : cursorOf(events.get(events.size() - 1)).toString();
        return new SlaPage(events, next);
    }

    /** The cursor of the page after {@code last}: the register is ordered by raised time, then id. */
    static EvidenceCursor cursorOf(SlaEvent last) {
        return new EvidenceCursor(last.raisedAt().toEpochMilli(), last.id());
    }

    /**
     * The period's warnings and escalations per queue and per person (who held the task; from the daily rollup) with the
     * completed tasks and SLA compliance (from the work done per day), for the filter's queue and person. Days that are
     * over no longer change (events and completions are dated when they happen), so their sums are kept per period and
     * filter; only the days still open are read every time.
     */
    @Transactional(readOnly = true)
    public SlaTotals totals(SlaFilter filter) {
        LocalDate open = LocalDate.ofInstant(Instant.now().minus(SETTLING), ZoneOffset.UTC); // the first day that may still change
        LocalDate from = filter.period().from();
        LocalDate toExclusive = filter.period().toExclusive();
        Sums sums = new Sums();
        if (from.isBefore(open)) {
            LocalDate closedEnd = toExclusive.isBefore(open) ? toExclusive : open;
            ClosedKey key = new ClosedKey(from, closedEnd, filter.queue(), filter.person());
            Sums closed;
            synchronized (closedDays) {
                closed = closedDays.get(key);
            }
            if (closed == null) {
                closed = sum(new Sums(), from, closedEnd, filter);
                synchronized (closedDays) {
                    closedDays.put(key, closed);
                }
            }
            sums.addAll(closed);
        }
        if (toExclusive.isAfter(open)) sum(sums, from.isAfter(open) ? from : open, toExclusive, filter);
        return sums.totals();
    }

    private Sums sum(Sums sums, LocalDate from, LocalDate toExclusive, SlaFilter filter) {
        for (SlaEventStore.Counted c : store.counts(from, toExclusive, filter.queue(), filter.person())) {
            sums.add(c.queue(), c.holder().isEmpty() ? SlaTotals.NOBODY : c.holder(), c.warnings(), c.escalations(), 0, 0);
        }
        for (CompletedDay d : completed.daily(from, toExclusive)) {
            if (filter.queue() != null && !filter.queue().equals(d.queue())) continue;
            if (filter.person() != null && !filter.person().equals(d.worker())) continue;
            sums.add(d.queue(), d.worker(), 0, 0, d.completed(), d.escalated());
        }
        return sums;
    }

    /** A cached sum's period (whole days, all over) and the filters totals follow. */
    private record ClosedKey(LocalDate from, LocalDate toExclusive, String queue, String person) {
    }

    /** Totals being summed: per queue, per person and over all. Immutable once cached (only read by {@link #addAll}). */
    private static final class Sums {
        final Map<String, SlaTotal> queues = new TreeMap<>();
        final Map<String, SlaTotal> people = new TreeMap<>();
        SlaTotal all = new SlaTotal("all", 0, 0, 0, 0);

        void add(String queue, String person, long w, long e, long c, long ce) {
            SlaRegister.add(queues, queue, t -> t.plus(w, e, c, ce));
            SlaRegister.add(people, person, t -> t.plus(w, e, c, ce));
            all = all.plus(w, e, c, ce);
        }

        void addAll(Sums other) {
            other.queues.values().forEach(t -> SlaRegister.add(queues, t.name(), x -> x.plus(t.warnings(), t.escalations(), t.completed(), t.completedEscalated())));
            other.people.values().forEach(t -> SlaRegister.add(people, t.name(), x -> x.plus(t.warnings(), t.escalations(), t.completed(), t.completedEscalated())));
            all = all.plus(other.all.warnings(), other.all.escalations(), other.all.completed(), other.all.completedEscalated());
        }

        SlaTotals totals() {
            return new SlaTotals(new ArrayList<>(queues.values()), new ArrayList<>(people.values()), all);
        }
    }

    private static void add(Map<String, SlaTotal> totals, String name, Function<SlaTotal, SlaTotal> plus) {
        totals.put(name, plus.apply(totals.getOrDefault(name, new SlaTotal(name, 0, 0, 0, 0))));
    }

    /** Records the export, then writes every matching event as CSV, newest first, a chunk at a time. */
    public void exportCsv(SlaFilter filter, String reader, String channel, OutputStream out) {
        audit.record(reader, EXPORTED, null, null, channel + " csv; " + filter.describe());
        try (EvidenceCsv csv = new EvidenceCsv(out)) {
            csv.row("id", "kind", "task_id", "task_type", "encounter_id", "queue", "payer", "holder", "task_created_at", "due_at", "raised_at",
                    "late_minutes", "resolved_at", "resolved_by");
            EvidenceCursor after = null;
            while (true) {
                List<SlaEvent> events = store.page(filter, after, EXPORT_CHUNK);
                for (SlaEvent e : events) {
                    csv.row(e.id(), e.kind().name().toLowerCase(java.util.Locale.ROOT), e.taskId(), e.taskType(), e.encounterId(), e.queue(),
                            e.payerId(), e.holder(), e.taskCreatedAt(), e.dueAt(), e.raisedAt(), e.late().toMinutes(), e.resolvedAt(),
                            e.resolvedByText());
                }
                if (events.size() < EXPORT_CHUNK) break;
                after = cursorOf(events.get(events.size() - 1));
                csv.flush();
            }
        }
    }

    /** Records the export and writes the PDF report: period, filters, totals with compliance, and the events up to a cap. */
    @Transactional
    public byte[] reportPdf(SlaFilter filter, String reader, String channel) {
        SlaTotals totals = totals(filter);
        List<SlaEvent> events = store.page(filter, null, SlaReport.MAX_ROWS + 1);
        audit.record(reader, EXPORTED, null, null, channel + " pdf; " + filter.describe());
        return SlaReport.write(filter, totals, events, Instant.now(), reader);
    }
}
