/**
 * Patient collections: statements, payment plans, patient payments, agency hand-off and write-off of the patient's
 * balance; credit balances and their refunds; and the exit from any stage, a lead closing the encounter's claim.
 */
@ApplicationModule(allowedDependencies = {
        "base", "base :: ui", "audit", "identity", "document", "reference", "workqueue", "intake", "remittance" })
package com.claimflow.collections;

import org.springframework.modulith.ApplicationModule;
