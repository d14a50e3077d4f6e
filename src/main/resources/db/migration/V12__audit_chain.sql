-- The audit trail becomes tamper-evident (decision 0009). occurred_at_ms keeps the time to the millisecond on MySQL,
-- where the driver (sendFractionalSeconds=false) drops the milliseconds of occurred_at. row_mac is the writer's
-- HMAC of the row's content; seq and mac are given by the sealer: consecutive numbers and an HMAC chained to the
-- previous row's. Rows written before this migration have neither; the sealer seals them on its first pass.
ALTER TABLE audit_event ADD COLUMN occurred_at_ms BIGINT;
ALTER TABLE audit_event ADD COLUMN row_mac VARCHAR(64);
ALTER TABLE audit_event ADD COLUMN seq BIGINT;
ALTER TABLE audit_event ADD COLUMN mac VARCHAR(64);
-- Unique: two rows never share a place in the chain. The sealer finds the unsealed rows (seq null) through it.
CREATE UNIQUE INDEX ux_audit_event_seq ON audit_event (seq);

-- The chain's head, one row: the last sealed seq and MAC, and the highest id written before this migration (rows up
-- to it may lack a row_mac). head_mac covers them, so a head set back to hide deleted rows is seen. The sealer locks
-- this row (SELECT ... FOR UPDATE), so one node seals at a time.
CREATE TABLE audit_seal (
  id            INT         NOT NULL PRIMARY KEY,
  last_seq      BIGINT      NOT NULL,
  last_mac      VARCHAR(64),
  legacy_max_id BIGINT      NOT NULL,
  head_mac      VARCHAR(64),
  sealed_at_ms  BIGINT
);
INSERT INTO audit_seal (id, last_seq, last_mac, legacy_max_id, head_mac, sealed_at_ms)
SELECT 1, 0, NULL, COALESCE(MAX(id), 0), NULL, NULL FROM audit_event;
