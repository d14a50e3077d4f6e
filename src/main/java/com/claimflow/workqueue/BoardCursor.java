package com.claimflow.workqueue;

import com.claimflow.base.BadInputException;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Where the next page of the workload board's task list starts, for any {@link WorkSort}: the sort keys of the last row
 * shown. Written as {@code <priority>~<epoch millis>~<amount>~<task id>}, the API's {@code after} parameter.
 */
public record BoardCursor(int priority, Instant createdAt, BigDecimal amount, String taskId) {
    private static final int MAX_LENGTH = 160;

    public static BoardCursor after(WorkItem last) {
        return new BoardCursor(last.priority(), last.createdAt(), last.amount(), last.taskId());
    }

    public static BoardCursor parse(String token) {
        if (token == null || token.isBlank()) return null;
        String[] parts = token.length() > MAX_LENGTH ? new String[0] : token.split("~", 4);
        try {
            if (parts.length == 4 && !parts[3].isBlank() && parts[3].length() <= 64) {
                long millis = Long.parseLong(parts[1]);
                if (millis >= 0) return new BoardCursor(Integer.parseInt(parts[0]), Instant.ofEpochMilli(millis), new BigDecimal(parts[2]), parts[3]);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        String shown = token.length() > 40 ? token.substring(0, 40) + "..." : token;
        throw new BadInputException("after", "expected <priority>~<epoch millis>~<amount>~<task id> as the last page gave it, got '" + shown + "'");
    }

    @Override
    public String toString() {
        return priority + "~" + createdAt.toEpochMilli() + "~" + amount.toPlainString() + "~" + taskId;
    }
}
