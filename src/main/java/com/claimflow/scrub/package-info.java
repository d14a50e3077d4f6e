/**
 * Scrubbing: the edits (NCCI, MUE, code validity, payer rules and more) run on a claim before it is sent, with
 * their findings.
 */
@ApplicationModule(allowedDependencies = {
        "base", "base :: ui", "audit", "identity", "reference", "workqueue", "intake", "claim" })
package com.claimflow.scrub;

import org.springframework.modulith.ApplicationModule;
