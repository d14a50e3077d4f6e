/**
 * A payer and clearinghouse simulator for the demo: answers sent claims with acknowledgements, remittances and
 * appeal decisions.
 */
@ApplicationModule(allowedDependencies = { "base", "claim", "submission", "remittance", "denial" })
package com.claimflow.simulator;

import org.springframework.modulith.ApplicationModule;
