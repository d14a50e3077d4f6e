/** The stored message's dialog, for the encounter page to open from its timeline; the batch upload page. */
@NamedInterface("ui")
package com.claimflow.inbound.ui;

import org.springframework.modulith.NamedInterface;
