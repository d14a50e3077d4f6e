-- How a credit balance was resolved: refunded to the payer or the patient, or applied to another encounter of the same
-- patient; the biller who resolved it, the lead who approved it (when the refund-approval table asked for one).
CREATE TABLE refund (
  id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  encounter_id        BIGINT        NOT NULL,
  refund_to           VARCHAR(20)   NOT NULL,
  amount              DECIMAL(12,2) NOT NULL,
  target_encounter_id BIGINT,
  resolved_by         VARCHAR(64)   NOT NULL,
  approved_by         VARCHAR(64),
  posted_at           TIMESTAMP(3)  NOT NULL
);
CREATE INDEX ix_refund_encounter ON refund (encounter_id, id);
