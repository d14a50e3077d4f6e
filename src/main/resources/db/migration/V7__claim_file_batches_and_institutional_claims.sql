-- Claims leave in batch files, one interchange per payer and format (docs/decisions/0006): the batch, its
-- interchange control number, file name and envelope time are committed before the file is handed over, so a
-- hand-off retried after a crash sends the same file under the same name and never a claim in a second file.
CREATE TABLE claim_file_batch (
  id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  connection_name VARCHAR(40)  NOT NULL,
  payer_id        VARCHAR(20)  NOT NULL,
  format          VARCHAR(20)  NOT NULL,
  control_number  BIGINT       NOT NULL,
  file_name       VARCHAR(120) NOT NULL,
  envelope_time   CHAR(12)     NOT NULL,
  claims          INT          NOT NULL,
  status          VARCHAR(10)  NOT NULL,
  created_at      TIMESTAMP(3) NOT NULL,
  sent_at         TIMESTAMP(3),
  CONSTRAINT uk_claim_file_batch_file UNIQUE (file_name)
);
CREATE INDEX ix_claim_file_batch_status ON claim_file_batch (status, id);

ALTER TABLE outbox_message ADD COLUMN batch_id BIGINT;
CREATE INDEX ix_outbox_batch ON outbox_message (batch_id, status, id);
CREATE INDEX ix_outbox_pending_group ON outbox_message (status, batch_id, payer_id, format, id);

-- The referring provider's name when they are not on file (the 837's NM1*DN names them), and the UB-04 data of an
-- institutional encounter (NUBC codes): type of bill facility type, admission date and hour, admission type, point
-- of origin, patient status, revenue codes (one for the encounter, others by procedure code) and per claim line.
ALTER TABLE encounter ADD COLUMN referring_name VARCHAR(100);
ALTER TABLE encounter ADD COLUMN facility_type_code VARCHAR(2);
ALTER TABLE encounter ADD COLUMN admitted_at TIMESTAMP NULL;
ALTER TABLE encounter ADD COLUMN admission_type VARCHAR(1);
ALTER TABLE encounter ADD COLUMN admission_source VARCHAR(1);
ALTER TABLE encounter ADD COLUMN patient_status VARCHAR(2);
ALTER TABLE encounter ADD COLUMN revenue_code VARCHAR(4);
ALTER TABLE encounter ADD COLUMN revenue_codes VARCHAR(1000);
ALTER TABLE claim_line ADD COLUMN revenue_code VARCHAR(4);
