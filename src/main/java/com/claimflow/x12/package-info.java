/** tmp */
@ApplicationModule(allowedDependencies = "base")
package com.claimflow.x12;

import org.springframework.modulith.ApplicationModule;
