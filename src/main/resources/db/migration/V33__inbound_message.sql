-- Every message an encounter arrived by (FHIR bundle, HL7 v2 message, batch file row), kept as received, with who or
-- which interface sent it and what became of it: OPENED, ALREADY_THERE (the encounter existed: nothing started),
-- CHARGES_ADDED (charges for an open visit), DUPLICATE (the same message id again: answered as before) or REFUSED.
CREATE TABLE inbound_message (
  id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  channel       VARCHAR(10)   NOT NULL,
  message_key   VARCHAR(200),
  -- channel:message_key while the message was accepted; the unique index makes the same message id count once
  accepted_key  VARCHAR(212),
  sender        VARCHAR(200)  NOT NULL,
  received_at   TIMESTAMP(3)  NOT NULL,
  content_type  VARCHAR(100)  NOT NULL,
  body          LONGTEXT,
  body_bytes    INT           NOT NULL,
  outcome       VARCHAR(14)   NOT NULL,
  encounter_id  BIGINT,
  external_id   VARCHAR(64),
  problem_field VARCHAR(200),
  problem       VARCHAR(2000)
);
CREATE UNIQUE INDEX ux_inbound_message_accepted ON inbound_message (accepted_key);
CREATE INDEX ix_inbound_message_encounter ON inbound_message (encounter_id, id);
CREATE INDEX ix_inbound_message_received ON inbound_message (received_at);
