-- A task a worker cannot complete goes to the leads' queue until a lead decides; the row keeps the queue it came from,
-- so a lead can send it back there.
ALTER TABLE work_item ADD COLUMN escalated_from VARCHAR(32) NULL;
-- How next task handed the task out (api or ui): its CLAIMED_NEXT audit row, written after the commit, records the
-- channel the worker saw the task through (decision 0008).
ALTER TABLE work_item ADD COLUMN claimed_via VARCHAR(8) NULL;
