-- A payer's subscriber id pattern can be as long as the official Medicare MBI expression (a few hundred characters).
-- Add, copy, drop, rename: the one way to widen a column that H2 and MariaDB both read.
ALTER TABLE payer ADD COLUMN subscriber_id_regex VARCHAR(1000);
UPDATE payer SET subscriber_id_regex = subscriber_id_pattern;
ALTER TABLE payer DROP COLUMN subscriber_id_pattern;
ALTER TABLE payer RENAME COLUMN subscriber_id_regex TO subscriber_id_pattern;

-- Medicare Code Editor (MCE), definitions of medical code edits, edit 4 "age conflict": maternity diagnoses fit
-- patients aged 9 through 64 (the MCE's range; the table said 12 to 55).
UPDATE age_sex_rule SET min_age = 9, max_age = 64,
    reason = 'pregnancy, childbirth and the puerperium (O00-O9A): MCE maternity diagnosis, female patients aged 9 through 64'
  WHERE code_system = 'ICD10CM' AND code_from = 'O00';
UPDATE age_sex_rule SET min_age = 9, max_age = 64,
    reason = 'pregnant state and supervision of normal pregnancy (Z33-Z34): MCE maternity diagnosis, female patients aged 9 through 64'
  WHERE code_system = 'ICD10CM' AND code_from = 'Z33';
UPDATE age_sex_rule SET min_age = 9, max_age = 64,
    reason = 'weeks of gestation (Z3A): MCE maternity diagnosis, female patients aged 9 through 64'
  WHERE code_system = 'ICD10CM' AND code_from = 'Z3A';
UPDATE age_sex_rule SET min_age = 9, max_age = 64,
    reason = 'maternity care and delivery (59000-59899): female patients aged 9 through 64 (the MCE maternity range)'
  WHERE code_system = 'CPT' AND code_from = '59000';
UPDATE age_sex_rule SET reason = 'liveborn infant (Z38): MCE newborn diagnosis, age 0'
  WHERE code_system = 'ICD10CM' AND code_from = 'Z38';
UPDATE age_sex_rule SET reason = 'conditions originating in the perinatal period (P00-P96): MCE newborn diagnosis, age 0'
  WHERE code_system = 'ICD10CM' AND code_from = 'P00';

INSERT INTO age_sex_rule (code_system, code_from, code_to, sex, min_age, max_age, reason) VALUES
  ('ICD10CM', 'Z0011', 'Z0011', NULL, 0, 0, 'health examination for newborn (Z00.11-): MCE newborn diagnosis, age 0'),
  ('ICD10CM', 'Z0012', 'Z0012', NULL, 0, 17, 'routine child health examination (Z00.12-): MCE pediatric diagnosis, ages 0 through 17'),
  ('ICD10CM', 'Z0000', 'Z0001', NULL, 15, 124, 'general adult medical examination (Z00.00-Z00.01): MCE adult diagnosis, ages 15 through 124'),
  -- CPT preventive medicine visits by age (new patient 9938x, established 9939x): the code is the patient's age band.
  ('CPT', '99381', '99381', NULL, 0, 0, 'preventive visit, new patient, infant (99381): under 1 year'),
  ('CPT', '99391', '99391', NULL, 0, 0, 'preventive visit, established patient, infant (99391): under 1 year'),
  ('CPT', '99382', '99382', NULL, 1, 4, 'preventive visit, new patient (99382): ages 1 through 4'),
  ('CPT', '99392', '99392', NULL, 1, 4, 'preventive visit, established patient (99392): ages 1 through 4'),
  ('CPT', '99383', '99383', NULL, 5, 11, 'preventive visit, new patient (99383): ages 5 through 11'),
  ('CPT', '99393', '99393', NULL, 5, 11, 'preventive visit, established patient (99393): ages 5 through 11'),
  ('CPT', '99384', '99384', NULL, 12, 17, 'preventive visit, new patient (99384): ages 12 through 17'),
  ('CPT', '99394', '99394', NULL, 12, 17, 'preventive visit, established patient (99394): ages 12 through 17'),
  ('CPT', '99385', '99385', NULL, 18, 39, 'preventive visit, new patient (99385): ages 18 through 39'),
  ('CPT', '99395', '99395', NULL, 18, 39, 'preventive visit, established patient (99395): ages 18 through 39'),
  ('CPT', '99386', '99386', NULL, 40, 64, 'preventive visit, new patient (99386): ages 40 through 64'),
  ('CPT', '99396', '99396', NULL, 40, 64, 'preventive visit, established patient (99396): ages 40 through 64'),
  ('CPT', '99387', '99387', NULL, 65, NULL, 'preventive visit, new patient (99387): 65 years and over'),
  ('CPT', '99397', '99397', NULL, 65, NULL, 'preventive visit, established patient (99397): 65 years and over');
