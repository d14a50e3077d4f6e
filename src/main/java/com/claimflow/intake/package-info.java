/** Intake: an encounter arrives, is validated, its eligibility checked, and its revenue-cycle process started. */
@ApplicationModule(allowedDependencies = { "base", "base :: ui", "audit", "identity", "reference", "workqueue" })
package com.claimflow.intake;

import org.springframework.modulith.ApplicationModule;
