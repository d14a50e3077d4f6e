/** The shared UI kit: badges, fact lists, formats and notices every view uses. */
@NamedInterface("ui")
package com.claimflow.base.ui;

import org.springframework.modulith.NamedInterface;
