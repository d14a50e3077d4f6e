-- When next task took the row (decision 0008): its audit row is written with this time when the claim is passed on to
-- the engine, which may be after a crash and the sweep that follows it.
ALTER TABLE work_item ADD COLUMN claimed_at TIMESTAMP(3) NULL;
