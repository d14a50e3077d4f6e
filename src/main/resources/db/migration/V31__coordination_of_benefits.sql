-- Coordination of benefits (issue #15): a claim is billed to one of the encounter's coverages, in order
-- (1 primary, 2 secondary, 3 tertiary). A secondary or tertiary claim keeps what each earlier payer decided, as the
-- 837's 2320/2330/2430 loops report it (X12 005010X222A1 and X223A2).
ALTER TABLE claim ADD COLUMN coverage_order INT NOT NULL DEFAULT 1;

-- What an earlier payer decided on this claim's service: claim level (AMT*D paid, CAS) and per line (SVD, CAS,
-- DTP*573), as JSON in detail. forwarded: the earlier payer sent the claim on itself (crossover, CLP02 19/20 or MA18).
CREATE TABLE claim_other_payer (
  claim_id               BIGINT        NOT NULL,
  coverage_order         INT           NOT NULL,
  payer_id               VARCHAR(20)   NOT NULL,
  payer_claim_number     VARCHAR(50),
  paid                   DECIMAL(12,2) NOT NULL,
  patient_responsibility DECIMAL(12,2) NOT NULL,
  adjudicated_on         DATE          NOT NULL,
  forwarded              BOOLEAN       NOT NULL,
  detail                 TEXT          NOT NULL,
  PRIMARY KEY (claim_id, coverage_order)
);

-- 835 SVC: what the payer paid on each line (the 2430 SVD of a later payer's claim).
CREATE TABLE remittance_line (
  id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  source_ref     VARCHAR(100)  NOT NULL,
  claim_id       BIGINT        NOT NULL,
  line_no        INT           NOT NULL,
  procedure_code VARCHAR(10)   NOT NULL,
  modifiers      VARCHAR(20),
  charge         DECIMAL(12,2) NOT NULL,
  paid           DECIMAL(12,2) NOT NULL,
  units          DECIMAL(12,2)
);
CREATE INDEX ix_remittance_line_claim ON remittance_line (claim_id);

-- The payer forwarded the claim to the next payer itself (835 CLP02 19/20, MA18, N89), and the claim number it gave.
ALTER TABLE payment_posting ADD COLUMN forwarded BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE payment_posting ADD COLUMN payer_claim_number VARCHAR(50);

-- Insurance A/R (claims out, by payer) and a claim's first account entry (its age).
CREATE INDEX ix_claim_status_payer ON claim (status, payer_id);
CREATE INDEX ix_account_entry_claim ON account_entry (claim_id);
