-- What a payer file says that no claim's process can take becomes a biller task (process payer-file-exception):
-- an 835 claim payment no claim of ours matches (unmatched_payment), a 277CA rejection of a provider or of the
-- whole file (provider_rejection). Each row knows its task's process instance and, once worked, how it was resolved.
ALTER TABLE unmatched_payment ADD COLUMN payer_id VARCHAR(20);
ALTER TABLE unmatched_payment ADD COLUMN process_instance_id VARCHAR(64);
ALTER TABLE unmatched_payment ADD COLUMN resolution VARCHAR(20);
ALTER TABLE unmatched_payment ADD COLUMN resolved_claim_id BIGINT;
ALTER TABLE unmatched_payment ADD COLUMN resolved_by VARCHAR(64);
ALTER TABLE unmatched_payment ADD COLUMN resolved_at TIMESTAMP(3);
ALTER TABLE unmatched_payment ADD COLUMN note VARCHAR(1000);

CREATE TABLE provider_rejection (
  id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  file_id             BIGINT        NOT NULL,
  segment_number      INT           NOT NULL,
  hl_level            VARCHAR(40)   NOT NULL,
  entity_name         VARCHAR(80),
  entity_id           VARCHAR(80),
  statuses            VARCHAR(1000) NOT NULL,
  payer_id            VARCHAR(20),
  process_instance_id VARCHAR(64),
  resolution          VARCHAR(20),
  resolved_by         VARCHAR(64),
  resolved_at         TIMESTAMP(3),
  note                VARCHAR(1000),
  created_at          TIMESTAMP(3)  NOT NULL
);
CREATE INDEX ix_provider_rejection_file ON provider_rejection (file_id);
