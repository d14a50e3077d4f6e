-- When the retention job (claimflow.intake.retention.keep-bodies) removed a kept message's or batch file's text. The row
-- stays: who sent what, when, and what it opened or why it was refused are kept for as long as the encounter is.
ALTER TABLE inbound_message ADD COLUMN body_removed_at TIMESTAMP(3) NULL;
ALTER TABLE inbound_batch ADD COLUMN body_removed_at TIMESTAMP(3) NULL;
-- the job looks for bodies not yet removed, oldest first: a range of this index, not a walk over the removed ones
CREATE INDEX ix_inbound_message_retention ON inbound_message (body_removed_at, received_at);
