package com.claimflow.workqueue;

import com.claimflow.base.BadInputException;
import java.util.Locale;

/**
 * The orders a lead sorts a whole queue in on the workload board, each read from its own index: queue order (what next
 * task hands out first), oldest first, largest amount first.
 */
public enum WorkSort {
    PRIORITY, OLDEST, AMOUNT;

    public static WorkSort parse(String value) {
        if (value == null || value.isBlank()) return PRIORITY;
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("sort", "one of priority, oldest, amount, not '" + value + "'");
        }
    }
}
