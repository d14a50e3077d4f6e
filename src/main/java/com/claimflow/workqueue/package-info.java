/**
 * The work-queue platform: the projection of Camunda's user tasks into queues, pulling, claiming, completing,
 * reassigning and escalating them, and the task page that capabilities plug their panels into.
 */
@ApplicationModule(allowedDependencies = { "base", "base :: ui", "audit", "identity", "reference" })
package com.claimflow.workqueue;

import org.springframework.modulith.ApplicationModule;
