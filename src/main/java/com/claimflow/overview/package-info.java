/**
 * The encounter as other systems, the encounter list and the encounter page see it: stage, open tasks, claims,
 * payments, the account and the timeline, combined from every stage; nothing imports it.
 */
@ApplicationModule(allowedDependencies = {
        "base", "base :: ui", "audit", "identity", "document", "reference", "workqueue", "intake", "claim", "submission", "submission :: ui",
        "remittance", "collections", "collections :: ui", "eligibility", "claimstatus", "claimstatus :: ui", "inbound", "inbound :: ui" })
package com.claimflow.overview;

import org.springframework.modulith.ApplicationModule;
