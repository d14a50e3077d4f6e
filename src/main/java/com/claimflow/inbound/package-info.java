/**
 * Inbound: encounters as clinical systems send them. FHIR R4 bundles ({@code inbound.fhir}), HL7 v2 ADT and DFT
 * messages over MLLP ({@code inbound.hl7}) and batch files ({@code inbound.batch}) all open encounters through {@link
 * com.claimflow.inbound.InboundIntake}: every message is kept as received with its sender and outcome, the same
 * validation as {@code POST /api/encounters} applies, and the same message or visit again starts nothing.
 */
@ApplicationModule(allowedDependencies = {
        "base", "base :: ui", "base :: api", "audit", "identity", "reference", "intake", "coding", "claim", "remittance", "workqueue" })
package com.claimflow.inbound;

import org.springframework.modulith.ApplicationModule;
