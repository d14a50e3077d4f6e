/**
 * The revenue-cycle dashboard: A/R, claim quality, denials, unbilled work, collections and the team's throughput,
 * each figure defined beside its chart and traceable to its rows. It reads rollups it keeps itself (V23) and the work
 * queue's completed-task history; nothing imports it.
 */
@ApplicationModule(allowedDependencies = {"base", "base :: ui", "identity", "reference", "workqueue"})
package com.claimflow.metrics;

import org.springframework.modulith.ApplicationModule;
