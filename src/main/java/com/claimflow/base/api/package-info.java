/** The HTTP error answers and request limits every API shares. */
@NamedInterface("api")
package com.claimflow.base.api;

import org.springframework.modulith.NamedInterface;
