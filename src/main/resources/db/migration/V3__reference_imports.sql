-- Reference imports: NCCI edit tables, the import log, and a scratch table for set-based "absent from the file" updates.
-- Portable between H2 2.x and MySQL 8 / MariaDB 10.11.

-- NCCI procedure-to-procedure edits (CMS practitioner and hospital files), one row per CMS row.
CREATE TABLE ncci_ptp (
  id                 BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  setting            VARCHAR(12)  NOT NULL,
  column1            VARCHAR(5)   NOT NULL,
  column2            VARCHAR(5)   NOT NULL,
  prior_1996         BOOLEAN      NOT NULL,
  effective_date     DATE         NOT NULL,
  deletion_date      DATE,
  modifier_indicator CHAR(1)      NOT NULL,
  rationale          VARCHAR(120),
  CONSTRAINT uk_ncci_ptp UNIQUE (setting, column1, column2, effective_date)
);

-- Medically unlikely edits (CMS practitioner and facility files), versioned by the release's effective date.
CREATE TABLE ncci_mue (
  id                     BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  setting                VARCHAR(12)  NOT NULL,
  code                   VARCHAR(5)   NOT NULL,
  mue_value              INT          NOT NULL,
  adjudication_indicator VARCHAR(60)  NOT NULL,
  rationale              VARCHAR(120),
  valid_from             DATE         NOT NULL,
  valid_to               DATE,
  CONSTRAINT uk_ncci_mue UNIQUE (setting, code, valid_from)
);

-- One row per import attempt: what came in, what it did, and how far it is (the admin screen polls it).
CREATE TABLE reference_import (
  id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind          VARCHAR(30)   NOT NULL,
  file_name     VARCHAR(200)  NOT NULL,
  sha256        VARCHAR(64),
  status        VARCHAR(12)   NOT NULL,
  bytes_total   BIGINT        NOT NULL,
  bytes_read    BIGINT        NOT NULL,
  rows_read     BIGINT        NOT NULL,
  inserted      BIGINT        NOT NULL,
  updated       BIGINT        NOT NULL,
  unchanged     BIGINT        NOT NULL,
  closed        BIGINT        NOT NULL,
  errors        MEDIUMTEXT,
  started_by    VARCHAR(64)   NOT NULL,
  started_at    TIMESTAMP(3)  NOT NULL,
  finished_at   TIMESTAMP(3)
);
CREATE INDEX ix_reference_import_kind ON reference_import (kind, id);

-- Keys seen by a running import (emptied when it ends): lets "codes absent from this file" be one UPDATE.
CREATE TABLE reference_import_key (
  import_id  BIGINT      NOT NULL,
  code       VARCHAR(10) NOT NULL,
  PRIMARY KEY (import_id, code)
);

-- What the payer CSV carries beyond V1's columns.
ALTER TABLE payer ADD COLUMN appeal_days_level1 INT;
ALTER TABLE payer ADD COLUMN appeal_days_level2 INT;
ALTER TABLE payer ADD COLUMN taxonomy_required BOOLEAN;

-- Code search: exact and prefix look-ups by code within a code system.
CREATE INDEX ix_code_set_entry_system_code ON code_set_entry (code_system, code);

-- Sex- and age-specific codes: a maintained table, not scattered ifs. A code matches a row when its first characters
-- fall in [code_from, code_to] (compared on the length of each bound; ICD-10-CM without the dot). sex: M, F or NULL
-- (either); ages in whole years on the date of service, inclusive, NULL for no bound.
CREATE TABLE age_sex_rule (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code_system VARCHAR(10)  NOT NULL,
  code_from   VARCHAR(10)  NOT NULL,
  code_to     VARCHAR(10)  NOT NULL,
  sex         CHAR(1),
  min_age     INT,
  max_age     INT,
  reason      VARCHAR(200) NOT NULL
);
INSERT INTO age_sex_rule (code_system, code_from, code_to, sex, min_age, max_age, reason) VALUES
  ('ICD10CM', 'O00', 'O9A', 'F', 12, 55, 'pregnancy, childbirth and the puerperium (O00-O9A): female patients aged 12 to 55'),
  ('ICD10CM', 'Z33', 'Z34', 'F', 12, 55, 'pregnant state and supervision of normal pregnancy (Z33-Z34): female patients aged 12 to 55'),
  ('ICD10CM', 'Z3A', 'Z3A', 'F', 12, 55, 'weeks of gestation (Z3A): female patients aged 12 to 55'),
  ('ICD10CM', 'Z38', 'Z38', NULL, 0, 0, 'liveborn infant (Z38): the newborn''s own record, age 0'),
  ('ICD10CM', 'P00', 'P96', NULL, 0, 0, 'conditions originating in the perinatal period (P00-P96): newborn record, age 0'),
  ('ICD10CM', 'N40', 'N53', 'M', NULL, NULL, 'diseases of male genital organs (N40-N53), incl. prostate: male patients'),
  ('ICD10CM', 'C60', 'C63', 'M', NULL, NULL, 'malignant neoplasms of male genital organs (C60-C63), incl. prostate C61: male patients'),
  ('ICD10CM', 'D075', 'D076', 'M', NULL, NULL, 'carcinoma in situ of prostate and other male genital organs (D07.5-D07.6): male patients'),
  ('ICD10CM', 'C51', 'C58', 'F', NULL, NULL, 'malignant neoplasms of female genital organs (C51-C58): female patients'),
  ('ICD10CM', 'N70', 'N98', 'F', NULL, NULL, 'diseases of female pelvic and genital organs (N70-N98): female patients'),
  ('ICD10CM', 'D25', 'D28', 'F', NULL, NULL, 'benign neoplasms of uterus, ovary and other female genital organs (D25-D28): female patients'),
  ('ICD10CM', 'Z01411', 'Z01419', 'F', NULL, NULL, 'gynecological examination (Z01.41-): female patients'),
  ('ICD10CM', 'Z125', 'Z125', 'M', NULL, NULL, 'screening for malignant neoplasm of prostate (Z12.5): male patients'),
  ('CPT', '55700', '55899', 'M', NULL, NULL, 'prostate and male genital procedures (55700-55899): male patients'),
  ('CPT', '56405', '58999', 'F', NULL, NULL, 'female genital system procedures (56405-58999): female patients'),
  ('CPT', '59000', '59899', 'F', 12, 55, 'maternity care and delivery (59000-59899): female patients aged 12 to 55'),
  ('HCPCS', 'G0101', 'G0101', 'F', NULL, NULL, 'cervical or vaginal cancer screening with pelvic and breast exam (G0101): female patients'),
  ('HCPCS', 'G0103', 'G0103', 'M', NULL, NULL, 'prostate cancer screening, PSA (G0103): male patients');
