/**
 * The payer's answers: 999 and 277CA acknowledgements and 835 remittances read, matched to claims, and posted to
 * the encounter's account.
 */
@ApplicationModule(allowedDependencies = {
        "base", "base :: ui", "audit", "identity", "reference", "workqueue", "x12", "intake", "claim", "submission" })
package com.claimflow.remittance;

import org.springframework.modulith.ApplicationModule;
