-- Uploaded batch files (CSV rows or NDJSON FHIR bundles), kept as received. Each row's answer is an inbound_message
-- row naming the batch and row; the unique index answers a row once, also when a batch resumes after a crash.
CREATE TABLE inbound_batch (
  id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  file_name     VARCHAR(255)  NOT NULL,
  format        VARCHAR(8)    NOT NULL,
  uploaded_by   VARCHAR(200)  NOT NULL,
  uploaded_at   TIMESTAMP(3)  NOT NULL,
  body          LONGTEXT      NOT NULL,
  body_bytes    INT           NOT NULL,
  total_rows    INT           NOT NULL,
  -- RUNNING, DONE, or REFUSED (the file as a whole: no header, unknown columns, not the format)
  status        VARCHAR(10)   NOT NULL,
  problem       VARCHAR(2000),
  -- the node working the batch touches this; a batch left RUNNING with an old heartbeat is resumed
  heartbeat_at  TIMESTAMP(3)  NOT NULL,
  finished_at   TIMESTAMP(3)
);
CREATE INDEX ix_inbound_batch_status ON inbound_batch (status, heartbeat_at);
CREATE INDEX ix_inbound_batch_uploaded ON inbound_batch (uploaded_at);

ALTER TABLE inbound_message ADD COLUMN batch_id BIGINT;
ALTER TABLE inbound_message ADD COLUMN batch_row INT;
CREATE UNIQUE INDEX ux_inbound_message_batch_row ON inbound_message (batch_id, batch_row);
