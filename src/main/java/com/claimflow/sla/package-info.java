/**
 * SLA timers on tasks: the policy table, the warning and escalation the timers raise, and the register that keeps every
 * one of them as evidence (with its views, API and exports).
 */
@ApplicationModule(allowedDependencies = { "base", "base :: ui", "workqueue", "audit", "identity", "document" })
package com.claimflow.sla;

import org.springframework.modulith.ApplicationModule;
