-- X12 interchange: control numbers, the claim behind each 837 transaction set, refused claim files,
-- inbound files (999, 277CA, 835) as received with what processing them did, and 835 detail.

-- One row per sequence; ISA13/GS06/ST02 of every 837 come from 'interchange'.
CREATE TABLE x12_control_number (
  name       VARCHAR(20) NOT NULL PRIMARY KEY,
  next_value BIGINT      NOT NULL
);
INSERT INTO x12_control_number (name, next_value) VALUES ('interchange', 1);

-- The claim version an 837 transaction set (ST02) carries: a 999 names only the control number.
CREATE TABLE x12_claim_transaction (
  id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  control_number   VARCHAR(9)   NOT NULL,
  claim_id         BIGINT       NOT NULL,
  claim_version    INT          NOT NULL,
  payer_id         VARCHAR(20)  NOT NULL,
  transaction_type VARCHAR(4)   NOT NULL,
  created_at       TIMESTAMP(3) NOT NULL
);
CREATE INDEX ix_x12_claim_transaction_control ON x12_claim_transaction (control_number);
CREATE INDEX ix_x12_claim_transaction_claim ON x12_claim_transaction (claim_id);

-- A claim whose 837 failed validation: never queued; reported back as a rejection (a biller task).
CREATE TABLE claim_file_refusal (
  id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  claim_id      BIGINT        NOT NULL,
  claim_version INT           NOT NULL,
  format        VARCHAR(20)   NOT NULL,
  issues        VARCHAR(2000) NOT NULL,
  reported      BOOLEAN       NOT NULL,
  created_at    TIMESTAMP(3)  NOT NULL
);
CREATE INDEX ix_claim_file_refusal_reported ON claim_file_refusal (reported, id);

-- Every inbound file, stored as received (content in the file store), then parsed.
CREATE TABLE edi_inbound_file (
  id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  received_at      TIMESTAMP(3)  NOT NULL,
  received_from    VARCHAR(20)   NOT NULL,
  received_by      VARCHAR(64),
  file_name        VARCHAR(255),
  stored_path      VARCHAR(500)  NOT NULL,
  size_bytes       BIGINT        NOT NULL,
  content_hash     VARCHAR(64)   NOT NULL,
  sender_id        VARCHAR(15),
  isa_control      VARCHAR(9),
  transaction_type VARCHAR(6),
  status           VARCHAR(12)   NOT NULL,
  duplicate_of     BIGINT,
  summary          MEDIUMTEXT,
  processed_at     TIMESTAMP(3)
);
CREATE INDEX ix_edi_inbound_file_hash ON edi_inbound_file (content_hash);
CREATE INDEX ix_edi_inbound_file_isa ON edi_inbound_file (sender_id, isa_control);

-- Claims a file by content and by interchange: a second insert of the same key is a duplicate file.
CREATE TABLE edi_inbound_key (
  key_value VARCHAR(100) NOT NULL PRIMARY KEY,
  file_id   BIGINT       NOT NULL
);

-- 835 detail behind a payment_posting (source_ref): adjustments by group and CARC, claim- or line-level.
CREATE TABLE remittance_adjustment (
  id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  source_ref   VARCHAR(100)  NOT NULL,
  claim_id     BIGINT        NOT NULL,
  line_no      INT,
  procedure_code VARCHAR(10),
  group_code   VARCHAR(2)    NOT NULL,
  carc         VARCHAR(5)    NOT NULL,
  amount       DECIMAL(12,2) NOT NULL,
  quantity     DECIMAL(12,2)
);
CREATE INDEX ix_remittance_adjustment_claim ON remittance_adjustment (claim_id);

-- 835 remark codes (LQ*HE, MOA) per posting.
CREATE TABLE remittance_remark (
  id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  source_ref VARCHAR(100) NOT NULL,
  claim_id   BIGINT       NOT NULL,
  line_no    INT,
  rarc       VARCHAR(10)  NOT NULL
);
CREATE INDEX ix_remittance_remark_claim ON remittance_remark (claim_id);

-- 835 PLB: provider-level adjustments (not tied to a claim).
CREATE TABLE provider_adjustment (
  id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  file_id     BIGINT        NOT NULL,
  provider_id VARCHAR(50)   NOT NULL,
  fiscal_date DATE,
  reason_code VARCHAR(2)    NOT NULL,
  reference   VARCHAR(50),
  amount      DECIMAL(12,2) NOT NULL
);
CREATE INDEX ix_provider_adjustment_file ON provider_adjustment (file_id);

-- 835 claim payments that match no claim: kept, listed, never dropped.
CREATE TABLE unmatched_payment (
  id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  file_id             BIGINT        NOT NULL,
  segment_number      INT           NOT NULL,
  patient_control_no  VARCHAR(38),
  payer_claim_number  VARCHAR(50),
  status_code         VARCHAR(2),
  charge              DECIMAL(12,2),
  paid                DECIMAL(12,2),
  reason              VARCHAR(500)  NOT NULL,
  resolved            BOOLEAN       NOT NULL,
  created_at          TIMESTAMP(3)  NOT NULL
);
CREATE INDEX ix_unmatched_payment_open ON unmatched_payment (resolved, id);
