/** Documents written for an encounter (patient statements, appeal letters): laid out as PDF, kept, listed and downloaded. */
@ApplicationModule(allowedDependencies = { "base", "audit", "identity" })
package com.claimflow.document;

import org.springframework.modulith.ApplicationModule;
