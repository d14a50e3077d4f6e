/**
 * Eligibility: asks the payer before the visit is billed. Intake's eligibility step sends a 270 (005010X279A1) through
 * the clearinghouse connection, and the payer's 271 (read through the inbound files) decides whether a biller resolves
 * eligibility. Also the outbound side every payer inquiry shares: control numbers and the hand-off of the file.
 */
@ApplicationModule(allowedDependencies = { "base", "base :: ui", "x12", "reference", "intake", "submission", "remittance", "workqueue" })
package com.claimflow.eligibility;

import org.springframework.modulith.ApplicationModule;
