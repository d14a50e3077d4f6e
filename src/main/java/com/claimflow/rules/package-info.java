/**
 * Decision tables changed at run time: an admin (a lead for the SLA and priority tables) checks an edited DMN file
 * against what its callers read, compares its answers with the current version's, and deploys it as a new engine
 * version with a reason; every version stays listed, downloadable and restorable.
 */
@ApplicationModule(allowedDependencies = { "base", "base :: ui", "audit", "identity" })
package com.claimflow.rules;

import org.springframework.modulith.ApplicationModule;
