-- Eligibility inquiries (X12 270, 005010X279A1) sent for an encounter and the payer's answer (271), one row each.
-- status: SENT (waiting), ACTIVE, INACTIVE, REJECTED (AAA), UNKNOWN (a 271 with neither EB nor AAA), NO_ANSWER (the wait ended).
CREATE TABLE eligibility_inquiry (
  id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  encounter_id        BIGINT        NOT NULL,
  process_instance_id VARCHAR(64),
  payer_id            VARCHAR(20)   NOT NULL,
  member_id           VARCHAR(80)   NOT NULL,
  trace_number        VARCHAR(50)   NOT NULL,
  file_name           VARCHAR(100)  NOT NULL,
  payload             VARCHAR(4000) NOT NULL,
  sent_at             TIMESTAMP(3)  NOT NULL,
  status              VARCHAR(12)   NOT NULL,
  answered_at         TIMESTAMP(3),
  answer_file_id      BIGINT,
  answer_segment      INT,
  plan_name           VARCHAR(80),
  group_number        VARCHAR(50),
  copay               DECIMAL(12,2),
  deductible          DECIMAL(12,2),
  coinsurance         DECIMAL(6,4),
  benefits            VARCHAR(2000),
  reason              VARCHAR(1000)
);
-- the 271's TRN02 finds its inquiry
CREATE UNIQUE INDEX ux_eligibility_inquiry_trace ON eligibility_inquiry (trace_number);
CREATE INDEX ix_eligibility_inquiry_encounter ON eligibility_inquiry (encounter_id, id);
