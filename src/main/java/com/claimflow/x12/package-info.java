/**
 * X12 005010 syntax with StAEDI, one segment at a time: the reader, the writer, segments, interchange headers and
 * the issues found.
 */
@ApplicationModule(allowedDependencies = {})
package com.claimflow.x12;

import org.springframework.modulith.ApplicationModule;
