/**
 * The encounter as other systems and the encounter list see it: stage, open tasks, latest claim and balance,
 * combined from every stage; nothing imports it.
 */
@ApplicationModule(allowedDependencies = {
        "base", "base :: ui", "audit", "identity", "workqueue", "intake", "claim", "remittance", "collections" })
package com.claimflow.overview;

import org.springframework.modulith.ApplicationModule;
