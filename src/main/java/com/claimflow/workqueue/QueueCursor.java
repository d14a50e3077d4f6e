package com.claimflow.workqueue;

import com.claimflow.base.BadInputException;
import java.time.Instant;

/**
 * Where the next page of a queue starts: the sort key (priority desc, created, task id) of the last row shown. Paging
 * by cursor reads 50 index entries however deep the page; an OFFSET reads and throws away every row before it.
 * Written as {@code <priority>~<epoch millis>~<task id>}, the form the API's {@code after} parameter takes.
 */
public record QueueCursor(int priority, Instant createdAt, String taskId) {
    private static final int MAX_LENGTH = 120;
    private static final long LATEST_MILLIS = 253_402_300_799_999L; // 9999-12-31T23:59:59.999Z

    public static QueueCursor after(WorkItem last) {
        return new QueueCursor(last.priority(), last.createdAt(), last.taskId());
    }

    public static QueueCursor parse(String token) {
        String[] parts = token == null || token.length() > MAX_LENGTH ? new String[0] : token.split("~", 3);
        try {
            if (parts.length == 3 && !parts[2].isBlank() && parts[2].length() <= 64) {
                long millis = Long.parseLong(parts[1]);
                // the cursor is a row's creation time: never before 1970 nor past the year 9999 a database column holds
                if (millis >= 0 && millis <= LATEST_MILLIS) return new QueueCursor(Integer.parseInt(parts[0]), Instant.ofEpochMilli(millis), parts[2]);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        String shown = token == null ? "" : token.length() > 40 ? token.substring(0, 40) + "..." : token;
        throw new BadInputException("after", "expected <priority>~<epoch millis>~<task id> as given in the Link header, got '" + shown + "'");
    }

    @Override
    public String toString() {
        return priority + "~" + createdAt.toEpochMilli() + "~" + taskId;
    }
}
