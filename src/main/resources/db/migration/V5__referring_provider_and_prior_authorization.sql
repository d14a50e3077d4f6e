-- The referring provider (2310A on an 837P, checked by the NPI edit) and the payer's prior-authorization number
-- (REF*G1, required by payer rules for some codes), carried from intake to every claim version.
ALTER TABLE encounter ADD COLUMN referring_npi CHAR(10);
ALTER TABLE encounter ADD COLUMN prior_authorization VARCHAR(50);
ALTER TABLE claim ADD COLUMN referring_npi CHAR(10);
ALTER TABLE claim ADD COLUMN prior_authorization VARCHAR(50);
