/** Dialogs and task panels of the collections module that other pages (the encounter page) place. */
@NamedInterface("ui")
package com.claimflow.collections.ui;

import org.springframework.modulith.NamedInterface;
