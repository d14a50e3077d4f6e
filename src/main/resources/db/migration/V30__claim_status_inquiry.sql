-- Claim status inquiries (X12 276, 005010X212) sent when a remittance is overdue, and every 277 answer received.
CREATE TABLE claim_status_inquiry (
  id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  claim_id            BIGINT        NOT NULL,
  claim_version       INT           NOT NULL,
  encounter_id        BIGINT        NOT NULL,
  process_instance_id VARCHAR(64),
  payer_id            VARCHAR(20)   NOT NULL,
  trace_number        VARCHAR(50)   NOT NULL,
  file_name           VARCHAR(100)  NOT NULL,
  payload             VARCHAR(4000) NOT NULL,
  sent_at             TIMESTAMP(3)  NOT NULL,
  -- SENT (waiting), ANSWERED, NO_ANSWER (the wait ended without a 277)
  status              VARCHAR(12)   NOT NULL
);
-- the 277's TRN02 finds its inquiry
CREATE UNIQUE INDEX ux_claim_status_inquiry_trace ON claim_status_inquiry (trace_number);
CREATE INDEX ix_claim_status_inquiry_claim ON claim_status_inquiry (claim_id, id);
CREATE INDEX ix_claim_status_inquiry_encounter ON claim_status_inquiry (encounter_id, id);

-- One 277 claim status (2200D/E) received for an inquiry, and what it decided: WAIT, FOLLOW_UP or RESUBMIT.
CREATE TABLE claim_status_answer (
  id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  inquiry_id         BIGINT        NOT NULL,
  claim_id           BIGINT        NOT NULL,
  file_id            BIGINT        NOT NULL,
  segment_number     INT           NOT NULL,
  received_at        TIMESTAMP(3)  NOT NULL,
  category           VARCHAR(3),
  statuses           VARCHAR(1000) NOT NULL,
  payer_claim_number VARCHAR(50),
  paid               DECIMAL(12,2),
  finalized_on       DATE,
  check_number       VARCHAR(50),
  action             VARCHAR(12)   NOT NULL,
  reason             VARCHAR(1000) NOT NULL
);
CREATE INDEX ix_claim_status_answer_claim ON claim_status_answer (claim_id, id);
