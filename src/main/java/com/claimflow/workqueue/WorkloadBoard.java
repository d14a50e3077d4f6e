package com.claimflow.workqueue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Who holds how much, as of one moment: per queue and per person, the open work, what was completed today and this
 * week (UTC, weeks from Monday), the median handle time of this week's completions (claim to completion), the oldest
 * open task, and how many open tasks are warned or escalated.
 */
public record WorkloadBoard(Instant asOf, List<QueueLoad> queues, List<PersonLoad> people) {

    public record QueueLoad(String queue, long open, long unclaimed, long completedToday, long completedThisWeek, Duration medianHandle,
                            Instant oldest, long warned, long escalated) {
        public long claimed() {
            return open - unclaimed;
        }
    }

    /** A person's share: {@code held} are the open tasks they hold now; the oldest, warned and escalated are among those. */
    public record PersonLoad(String person, long held, long completedToday, long completedThisWeek, Duration medianHandle,
                             Instant oldestHeld, long warned, long escalated) {
    }
}
