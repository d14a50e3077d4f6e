-- A claim a biller corrected by hand (after a denial or a rejection) keeps its lines and diagnoses: rebuilding a draft
-- from the coding must not undo the correction. Null: the claim is built from the coding.
ALTER TABLE claim ADD COLUMN lines_edited_by VARCHAR(64);
-- Proof of timely filing a biller recorded (the first submission's date and reference, and the CLM20 delay reason
-- code the 837 sends with it), so the timely-filing edit passes and the payer sees why the claim is late.
ALTER TABLE claim ADD COLUMN original_submission_date DATE;
ALTER TABLE claim ADD COLUMN original_submission_ref VARCHAR(50);
ALTER TABLE claim ADD COLUMN delay_reason_code VARCHAR(2);
-- Why a void (frequency 8) was sent: said by the biller or lead who voided the claim.
ALTER TABLE claim ADD COLUMN void_reason VARCHAR(300);
