-- An 835 that names no claim of ours in CLP01 is matched by the payer's claim number (CLP07), as payers answer a
-- replacement under the original's ICN (issue #15 item 4).
CREATE INDEX ix_claim_payer_claim_number ON claim (payer_claim_number);
