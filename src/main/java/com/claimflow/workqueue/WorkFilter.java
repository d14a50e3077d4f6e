package com.claimflow.workqueue;

import com.claimflow.base.BadInputException;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Which open tasks a lead is looking at on the workload board: a queue or a person (at least one), and optionally a
 * payer, a task type, an SLA state, a least age in days and an amount range. {@code person} {@value #UNCLAIMED} means
 * nobody holds the task. A filter is also what a bulk move takes as "all matching".
 */
public record WorkFilter(String queue, String person, String payerId, String taskType, WorkItem.SlaState slaState,
                         Integer olderThanDays, BigDecimal minAmount, BigDecimal maxAmount) {
    public static final String UNCLAIMED = "-";
    private static final int NAME_MAX = 64;

    public WorkFilter {
        queue = blankToNull(queue, "queue");
        person = blankToNull(person, "person");
        payerId = blankToNull(payerId, "payerId");
        taskType = blankToNull(taskType, "taskType");
        if (queue == null && person == null) throw new BadInputException("queue", "choose a queue or a person");
        if (olderThanDays != null && (olderThanDays < 0 || olderThanDays > 3650)) {
            throw new BadInputException("olderThanDays", "a number of days from 0 to 3650, not " + olderThanDays);
        }
        if (minAmount != null && minAmount.signum() < 0) throw new BadInputException("minAmount", "an amount of 0 or more");
        if (minAmount != null && maxAmount != null && minAmount.compareTo(maxAmount) > 0) {
            throw new BadInputException("minAmount", "the least amount (" + minAmount + ") is more than the most (" + maxAmount + ")");
        }
    }

    public static WorkFilter queue(String queue) {
        return new WorkFilter(queue, null, null, null, null, null, null, null);
    }

    public static WorkFilter heldBy(String person) {
        return new WorkFilter(null, person, null, null, null, null, null, null);
    }

    /** An SLA state as the API writes it (ok, warned, escalated), or null when blank. */
    public static WorkItem.SlaState slaState(String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return WorkItem.SlaState.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("slaState", "one of ok, warned, escalated, not '" + value + "'");
        }
    }

    private static String blankToNull(String value, String field) {
        if (value == null || value.isBlank()) return null;
        String v = value.strip();
        if (v.length() > NAME_MAX || v.chars().anyMatch(Character::isISOControl)) {
            throw new BadInputException(field, "at most " + NAME_MAX + " plain characters");
        }
        return v;
    }
}
