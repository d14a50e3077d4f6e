/** Patient collections: statements, patient payments, agency hand-off and write-off of the patient's balance. */
@ApplicationModule(allowedDependencies = { "base", "base :: ui", "audit", "identity", "document", "intake", "reference", "workqueue", "remittance" })
package com.claimflow.collections;

import org.springframework.modulith.ApplicationModule;
