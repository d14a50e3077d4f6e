/** Synthetic demo users, reference data and encounters for the demo profile; nothing imports it. */
@ApplicationModule(allowedDependencies = { "base", "identity", "reference", "workqueue", "intake", "inbound" })
package com.claimflow.demo;

import org.springframework.modulith.ApplicationModule;
