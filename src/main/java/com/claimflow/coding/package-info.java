/**
 * Coding: the coder's diagnosis and procedure codes for an encounter, checked against the code sets, with the audit
 * sample.
 */
@ApplicationModule(allowedDependencies = {
        "base", "base :: ui", "audit", "identity", "reference", "workqueue", "intake" })
package com.claimflow.coding;

import org.springframework.modulith.ApplicationModule;
