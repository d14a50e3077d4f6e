-- Next task takes a task in the projection; the engine's assignee follows right after the commit (decision 0008).
-- The flag marks the rows whose engine task has not been given its assignee yet, so nothing is lost on a crash.
ALTER TABLE work_item ADD COLUMN engine_claim_pending BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX ix_work_item_engine_claim ON work_item (engine_claim_pending);
