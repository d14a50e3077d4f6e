-- Responses the demo payer simulator owes: one row per answer, done in its own transaction when due.
CREATE TABLE payer_simulation (
  id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  claim_id   BIGINT       NOT NULL,
  kind       VARCHAR(20)  NOT NULL,
  due_at     TIMESTAMP(3) NOT NULL,
  done       BOOLEAN      NOT NULL,
  attempts   INT          NOT NULL,
  last_error VARCHAR(500)
);
CREATE INDEX ix_payer_simulation_due ON payer_simulation (done, due_at);
