/**
 * The reference files a coder and the scrubber check against: code sets, NCCI and MUE, payers, providers and NPIs,
 * fee schedules, and their imports.
 */
@ApplicationModule(allowedDependencies = { "base", "base :: ui", "identity" })
package com.claimflow.reference;

import org.springframework.modulith.ApplicationModule;
