/** Denials and appeals: a denied claim routed to correction, appeal or write-off. */
@ApplicationModule(allowedDependencies = { "base", "document", "intake", "reference", "workqueue", "claim", "remittance" })
package com.claimflow.denial;

import org.springframework.modulith.ApplicationModule;
