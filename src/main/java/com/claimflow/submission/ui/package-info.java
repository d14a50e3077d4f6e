/** Dialogs and task panels of the submission module that other pages (the encounter page) place. */
@NamedInterface("ui")
package com.claimflow.submission.ui;

import org.springframework.modulith.NamedInterface;
