package com.claimflow.workqueue;

import java.time.LocalDate;

/**
 * The tasks one worker completed in one queue on one UTC day: how many, how many of them were past their SLA warning
 * or escalated when completed, and the sum of their handle times (claim to completion) in milliseconds.
 */
public record CompletedDay(LocalDate day, String queue, String worker, long completed, long warned, long escalated, long handleMillis) {

    /** The share of the day's completed tasks that were never escalated, 0 to 1; 1 when none were completed. */
    public double compliance() {
        return completed == 0 ? 1 : (double) (completed - escalated) / completed;
    }
}
