-- Documents the product wrote for an encounter (patient statements, appeal letters), kept as sent so the timeline can
-- list them and anyone may download the very file the patient or payer got.
CREATE TABLE encounter_document (
  id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  encounter_id BIGINT       NOT NULL,
  kind         VARCHAR(20)  NOT NULL,
  title        VARCHAR(200) NOT NULL,
  file_name    VARCHAR(120) NOT NULL,
  media_type   VARCHAR(60)  NOT NULL,
  size_bytes   INT          NOT NULL,
  created_by   VARCHAR(64)  NOT NULL,
  created_at   TIMESTAMP(3) NOT NULL,
  content      MEDIUMBLOB   NOT NULL
);
CREATE INDEX ix_encounter_document_encounter ON encounter_document (encounter_id, id);

-- The patient's mailing address, for statements; optional at intake (an encounter opened without one gets statements
-- that say the address is missing, and a biller task names it).
CREATE TABLE patient_address (
  encounter_id BIGINT       NOT NULL PRIMARY KEY,
  line1        VARCHAR(55)  NOT NULL,
  line2        VARCHAR(55),
  city         VARCHAR(30)  NOT NULL,
  state        CHAR(2)      NOT NULL,
  postal_code  VARCHAR(10)  NOT NULL
);
