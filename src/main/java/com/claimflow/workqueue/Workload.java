package com.claimflow.workqueue;

import com.claimflow.workqueue.WorkloadBoard.PersonLoad;
import com.claimflow.workqueue.WorkloadBoard.QueueLoad;
import com.claimflow.workqueue.internal.WorkItemStore;
import com.claimflow.workqueue.internal.WorkItemStore.HeldWork;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The leads' workload board, computed in one pass over the open tasks' overview index and the day sums of completed
 * work, and kept for {@link #MAX_AGE}: a board read is then a copy in memory however many tasks are open (a pass over a
 * million costs about a second), and a board older than that is served while a fresh one is computed behind it. A lead's
 * own move asks for a fresh one at once.
 */
@Service
public class Workload {
    public static final Duration MAX_AGE = Duration.ofSeconds(15);

    private final WorkItemStore store;
    private final CompletedWork completed;
    private final Clock clock;
    private final Executor refresher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "workload-board");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile WorkloadBoard board;

    @Autowired
    public Workload(WorkItemStore store, CompletedWork completed) {
        this(store, completed, Clock.systemUTC());
    }

    Workload(WorkItemStore store, CompletedWork completed, Clock clock) {
        this.store = store;
        this.completed = completed;
        this.clock = clock;
    }

    /** The board, at most {@link #MAX_AGE} old but for the one being computed behind it. */
    public WorkloadBoard board() {
        WorkloadBoard b = board;
        if (b == null) return fresh();
        if (Duration.between(b.asOf(), clock.instant()).compareTo(MAX_AGE) > 0 && refreshing.compareAndSet(false, true)) {
            refresher.execute(() -> {
                try {
                    fresh();
                } finally {
                    refreshing.set(false);
                }
            });
        }
        return b;
    }

    /** A board computed now. */
    public WorkloadBoard fresh() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<HeldWork> held = store.heldWork();
        List<CompletedDay> week = completed.daily(monday, today.plusDays(1));
        List<CompletedWork.Handled> handled = completed.handledSince(monday.atStartOfDay(ZoneOffset.UTC).toInstant());

        Map<String, List<HeldWork>> heldByQueue = held.stream().collect(Collectors.groupingBy(HeldWork::queue, TreeMap::new, Collectors.toList()));
        Map<String, List<HeldWork>> heldByPerson = held.stream().filter(h -> h.assignee() != null)
                .collect(Collectors.groupingBy(HeldWork::assignee, TreeMap::new, Collectors.toList()));
        Map<String, List<CompletedDay>> doneByQueue = week.stream().collect(Collectors.groupingBy(CompletedDay::queue));
        Map<String, List<CompletedDay>> doneByPerson = week.stream().collect(Collectors.groupingBy(CompletedDay::worker));
        Map<String, List<Long>> handleByQueue = handled.stream().collect(Collectors.groupingBy(CompletedWork.Handled::queue,
                Collectors.mapping(CompletedWork.Handled::handleMillis, Collectors.toList())));
        Map<String, List<Long>> handleByPerson = handled.stream().collect(Collectors.groupingBy(CompletedWork.Handled::worker,
                Collectors.mapping(CompletedWork.Handled::handleMillis, Collectors.toList())));

        List<QueueLoad> queues = new ArrayList<>();
        for (String queue : union(heldByQueue.keySet(), doneByQueue.keySet())) {
            List<HeldWork> h = heldByQueue.getOrDefault(queue, List.of());
            List<CompletedDay> d = doneByQueue.getOrDefault(queue, List.of());
            queues.add(new QueueLoad(queue, sum(h, HeldWork::open), h.stream().filter(x -> x.assignee() == null).mapToLong(HeldWork::open).sum(),
                    completedOn(d, today), sum(d, CompletedDay::completed), median(handleByQueue.get(queue)), oldest(h),
                    sum(h, HeldWork::warned), sum(h, HeldWork::escalated)));
        }
        List<PersonLoad> people = new ArrayList<>();
        for (String person : union(heldByPerson.keySet(), doneByPerson.keySet())) {
            List<HeldWork> h = heldByPerson.getOrDefault(person, List.of());
            List<CompletedDay> d = doneByPerson.getOrDefault(person, List.of());
            people.add(new PersonLoad(person, sum(h, HeldWork::open), completedOn(d, today), sum(d, CompletedDay::completed),
                    median(handleByPerson.get(person)), oldest(h), sum(h, HeldWork::warned), sum(h, HeldWork::escalated)));
        }
        WorkloadBoard b = new WorkloadBoard(now, List.copyOf(queues), List.copyOf(people));
        board = b;
        return b;
    }

    private static List<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.TreeSet<String> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private static <T> long sum(List<T> rows, Function<T, Long> value) {
        return rows.stream().mapToLong(value::apply).sum();
    }

    private static long completedOn(List<CompletedDay> days, LocalDate day) {
        return days.stream().filter(d -> d.day().equals(day)).mapToLong(CompletedDay::completed).sum();
    }

    private static Instant oldest(List<HeldWork> rows) {
        return rows.stream().map(HeldWork::oldest).filter(java.util.Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
    }

    /** The median of the handle times (the lower middle of an even count); null when there are none. */
    static Duration median(List<Long> millis) {
        if (millis == null || millis.isEmpty()) return null;
        List<Long> sorted = millis.stream().sorted().toList();
        return Duration.ofMillis(sorted.get((sorted.size() - 1) / 2));
    }
}
