/** The payer files' readers (999, 277CA, 277 claim status, 835): the claim status module reads its 277 answers with them. */
@NamedInterface("x12")
package com.claimflow.remittance.x12;

import org.springframework.modulith.NamedInterface;
