-- ICD-10-CM Excludes1 notes (Official Guidelines for Coding and Reporting, section I.A.12.a): a code and a code (or
-- category, given as a prefix without the dot) that are never reported together. Loaded with the excludes1 import.
CREATE TABLE icd10cm_excludes1 (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code          VARCHAR(8)   NOT NULL,
  excluded_code VARCHAR(8)   NOT NULL,
  note          VARCHAR(200),
  CONSTRAINT uk_icd10cm_excludes1 UNIQUE (code, excluded_code)
);

-- A small example set from the public-domain ICD-10-CM tabular list, for the demo.
INSERT INTO icd10cm_excludes1 (code, excluded_code, note) VALUES
  ('E11', 'E10', 'type 2 diabetes mellitus (E11) excludes1 type 1 diabetes mellitus (E10.-)'),
  ('E10', 'E11', 'type 1 diabetes mellitus (E10) excludes1 type 2 diabetes mellitus (E11.-)'),
  ('I10', 'P292', 'essential hypertension (I10) excludes1 neonatal hypertension (P29.2)'),
  ('I10', 'I270', 'essential hypertension (I10) excludes1 primary pulmonary hypertension (I27.0)'),
  ('F32', 'F31', 'depressive episode (F32) excludes1 bipolar disorder (F31.-)'),
  ('F32', 'F30', 'depressive episode (F32) excludes1 manic episode (F30.-)');
