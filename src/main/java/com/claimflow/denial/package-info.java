/** Denials and appeals: a denied claim routed to correction, appeal or write-off. */
@ApplicationModule(allowedDependencies = { "base", "identity", "workqueue", "intake", "claim", "remittance" })
package com.claimflow.denial;

import org.springframework.modulith.ApplicationModule;
