/**
 * The floor every module stands on: the errors a person can act on (bad input, conflict, not found), a deployed
 * decision table, the HTTP error answers and request limits, and the shared UI kit.
 */
@ApplicationModule(allowedDependencies = {})
package com.claimflow.base;

import org.springframework.modulith.ApplicationModule;
