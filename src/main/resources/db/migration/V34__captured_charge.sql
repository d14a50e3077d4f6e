-- Charges the clinical system sent with the visit (FHIR Condition/Procedure/ChargeItem, HL7 DFT FT1/DG1/PR1): the
-- coder's task starts from them. Several messages may add charges to one open visit; each is a row.
CREATE TABLE captured_charge (
  id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  encounter_id       BIGINT        NOT NULL,
  inbound_message_id BIGINT,
  diagnoses          VARCHAR(200)  NOT NULL,
  procedure_lines    VARCHAR(4000) NOT NULL,
  captured_at        TIMESTAMP(3)  NOT NULL
);
CREATE INDEX ix_captured_charge_encounter ON captured_charge (encounter_id, id);
