package com.claimflow.identity;

import java.util.Set;

/** The person asking: user id and the groups (queues) they may work. */
public record Worker(String userId, Set<String> groups) {
    public static final String LEADS = "leads";
    public static final String COMPLIANCE = "compliance";

    public boolean mayWork(String queue) {
        return groups.contains(queue) || groups.contains(LEADS);
    }

    /** Compliance reads every queue (and works none it does not belong to). */
    public boolean mayRead(String queue) {
        return mayWork(queue) || groups.contains(COMPLIANCE);
    }

    public boolean isLead() {
        return groups.contains(LEADS);
    }
}
