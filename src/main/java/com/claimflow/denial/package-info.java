/** Denials and appeals: a denied claim routed to correction, appeal or write-off, and the appeal letter that goes out. */
@ApplicationModule(allowedDependencies = { "base", "identity", "document", "reference", "workqueue", "intake", "claim", "remittance" })
package com.claimflow.denial;

import org.springframework.modulith.ApplicationModule;
