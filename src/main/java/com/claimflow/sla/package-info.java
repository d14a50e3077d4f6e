/** SLA timers on tasks: the policy table and the warning, breach and escalation the timers raise. */
@ApplicationModule(allowedDependencies = { "base", "workqueue" })
package com.claimflow.sla;

import org.springframework.modulith.ApplicationModule;
