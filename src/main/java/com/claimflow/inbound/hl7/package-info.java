/**
 * HL7 v2.5.1 over MLLP: ADT^A04/A08 and DFT^P03 from a clinical system's interface open encounters and add their
 * charges through {@link com.claimflow.inbound.InboundIntake}, each answered with an ACK (docs/hl7v2.md).
 */
package com.claimflow.inbound.hl7;
