/**
 * Submission: claims written as X12 837P/837I files, batched per payer and handed to the clearinghouse through an
 * outbox.
 */
@ApplicationModule(allowedDependencies = { "base", "base :: ui", "audit", "identity", "reference", "x12", "intake", "claim" })
package com.claimflow.submission;

import org.springframework.modulith.ApplicationModule;
