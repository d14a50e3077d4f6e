-- A patient's agreement to pay the balance in monthly installments: the payment-plan process checks each due date.
CREATE TABLE payment_plan (
  id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  encounter_id     BIGINT        NOT NULL,
  monthly_amount   DECIMAL(12,2) NOT NULL,
  first_due        DATE          NOT NULL,
  next_due         DATE          NOT NULL,
  installments_due INT           NOT NULL,
  missed           INT           NOT NULL,
  status           VARCHAR(12)   NOT NULL,
  agreed_by        VARCHAR(64)   NOT NULL,
  agreed_at        TIMESTAMP(3)  NOT NULL,
  ended_at         TIMESTAMP(3)
);
CREATE INDEX ix_payment_plan_encounter ON payment_plan (encounter_id, id);
