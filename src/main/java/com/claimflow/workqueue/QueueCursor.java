package com.claimflow.workqueue;

import com.claimflow.base.BadInputException;
import java.time.Instant;

/**
 * Where the next page of a queue starts: the sort key (priority desc, created, task id) of the last row shown. Paging
 * by cursor reads 50 index entries however deep the page; an OFFSET reads and throws away every row before it.
 * Written as {@code <priority>~<epoch millis>~<task id>}, the form the API's {@code after} parameter takes.
 */
public record QueueCursor(int priority, Instant createdAt, String taskId) {

    public static QueueCursor after(WorkItem last) {
        return new QueueCursor(last.priority(), last.createdAt(), last.taskId());
    }

    public static QueueCursor parse(String token) {
        String[] parts = token == null ? new String[0] : token.split("~", 3);
        try {
            if (parts.length == 3 && !parts[2].isBlank()) {
                return new QueueCursor(Integer.parseInt(parts[0]), Instant.ofEpochMilli(Long.parseLong(parts[1])), parts[2]);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadInputException("after", "expected <priority>~<epoch millis>~<task id> as given in the Link header, got '" + token + "'");
    }

    @Override
    public String toString() {
        return priority + "~" + createdAt.toEpochMilli() + "~" + taskId;
    }
}
