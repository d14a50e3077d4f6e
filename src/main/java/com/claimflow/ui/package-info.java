/** The frame around every signed-in page: menu, page title and who is signed in. */
@ApplicationModule(allowedDependencies = "identity")
package com.claimflow.ui;

import org.springframework.modulith.ApplicationModule;
