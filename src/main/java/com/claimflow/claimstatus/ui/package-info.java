/** The payer inquiries' section of the encounter page, for the overview to mount. */
@NamedInterface("ui")
package com.claimflow.claimstatus.ui;

import org.springframework.modulith.NamedInterface;
