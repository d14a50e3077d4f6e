/**
 * A payer and clearinghouse simulator for the demo: answers sent claims with acknowledgements, remittances and
 * appeal decisions, and eligibility and claim status inquiries with 271 and 277 files.
 */
@ApplicationModule(allowedDependencies = { "base", "claim", "submission", "remittance", "denial", "eligibility", "claimstatus" })
package com.claimflow.simulator;

import org.springframework.modulith.ApplicationModule;
