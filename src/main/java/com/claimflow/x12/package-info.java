/** X12 005010 read with StAEDI one segment at a time: segments, the reader and the issues it finds, for every transaction type. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package com.claimflow.x12;
