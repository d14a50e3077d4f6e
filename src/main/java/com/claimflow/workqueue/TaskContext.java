package com.claimflow.workqueue;

import com.claimflow.identity.Worker;

/** The task a {@link TaskPanel} shows, who is looking, and how to rebuild the page after an action changes what is on file. */
public record TaskContext(WorkItem item, Worker worker, Runnable refresh) {
    /** Whether the person may work the task's queue (else the page is read only). */
    public boolean mayWork() {
        return worker.mayWork(item.queue());
    }
}
