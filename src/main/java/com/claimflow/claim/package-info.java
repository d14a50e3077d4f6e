/**
 * Claim creation: the claim and its lines built from the coded encounter, its versions (original, replacement) and
 * statuses.
 */
@ApplicationModule(allowedDependencies = { "base", "reference", "workqueue", "intake", "coding" })
package com.claimflow.claim;

import org.springframework.modulith.ApplicationModule;
