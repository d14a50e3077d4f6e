/**
 * The tamper-evident audit trail: who viewed or changed which encounter or task, sealed in a chain that can be
 * verified, and read by compliance (itself audited) with the evidence exports' shared CSV and period rules.
 */
@ApplicationModule(allowedDependencies = { "base", "base :: ui" })
package com.claimflow.audit;

import org.springframework.modulith.ApplicationModule;
