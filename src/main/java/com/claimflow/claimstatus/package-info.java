/**
 * Claim status: when a remittance is overdue, asks the payer with a 276 (005010X212) and lets the 277 decide whether
 * adjudication waits again for the 835 or a biller follows up (or resubmits a claim the payer cannot find).
 */
@ApplicationModule(allowedDependencies = { "base", "base :: ui", "x12", "reference", "intake", "claim", "remittance", "remittance :: x12",
        "eligibility", "workqueue" })
package com.claimflow.claimstatus;

import org.springframework.modulith.ApplicationModule;
