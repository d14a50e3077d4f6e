/**
 * The tamper-evident audit trail: who viewed or changed which encounter or task, sealed in a chain that can be
 * verified.
 */
@ApplicationModule(allowedDependencies = "base")
package com.claimflow.audit;

import org.springframework.modulith.ApplicationModule;
