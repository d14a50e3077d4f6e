-- When next task took the row, in epoch milliseconds: the MySQL URL's sendFractionalSeconds=false (Camunda needs it)
-- drops the fraction of claimed_at, and the claim's audit row is written with this time (decision 0008).
ALTER TABLE work_item ADD COLUMN claimed_at_ms BIGINT NULL;
