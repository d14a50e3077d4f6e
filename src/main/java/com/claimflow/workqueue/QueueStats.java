package com.claimflow.workqueue;

import java.time.Instant;

/** A queue at a glance for leads: how deep, how much unclaimed, how old, how many past their SLA. */
public record QueueStats(String queue, long open, long unclaimed, Instant oldest, long warned, long escalated) {
}
