package com.claimflow.workqueue;

import java.util.Set;

/** The person asking: user id and the groups (queues) they may work. */
public record Worker(String userId, Set<String> groups) {
    public static final String LEADS = "leads";

    public boolean mayWork(String queue) {
        return groups.contains(queue) || groups.contains(LEADS);
    }

    public boolean isLead() {
        return groups.contains(LEADS);
    }
}
