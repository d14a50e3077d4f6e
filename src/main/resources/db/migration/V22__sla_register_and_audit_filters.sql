-- Every SLA warning and escalation ever raised, kept as evidence: the task, who held it then, when it was due, how late
-- it was raised and how it ended. Times are epoch milliseconds (exact on every database; MySQL's driver here drops the
-- fraction of a TIMESTAMP). late_ms: for an escalation, raised_at - task created; for a warning, the time left until
-- the escalation (due_at - raised_at). resolution: COMPLETED (resolved_by = who completed it) or PROCESS (the process
-- moved on or closed and took the task with it).
CREATE TABLE sla_event (
  id                 BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind               VARCHAR(12)  NOT NULL,
  task_id            VARCHAR(64)  NOT NULL,
  task_type          VARCHAR(64)  NOT NULL,
  encounter_id       BIGINT,
  queue              VARCHAR(32)  NOT NULL,
  payer_id           VARCHAR(20),
  holder             VARCHAR(64),
  task_created_at_ms BIGINT       NOT NULL,
  due_at_ms          BIGINT       NOT NULL,
  raised_at_ms       BIGINT       NOT NULL,
  late_ms            BIGINT       NOT NULL,
  resolved_at_ms     BIGINT,
  resolved_by        VARCHAR(64),
  resolution         VARCHAR(12)
);
-- The register's page is newest first within a period, keyset on (raised_at_ms, id): one index per filter a reader
-- narrows by, each ending in raised_at_ms (InnoDB adds the id), so a page reads its 50 entries wherever it starts.
CREATE INDEX ix_sla_event_raised ON sla_event (raised_at_ms);
CREATE INDEX ix_sla_event_queue ON sla_event (queue, raised_at_ms);
CREATE INDEX ix_sla_event_holder ON sla_event (holder, raised_at_ms);
CREATE INDEX ix_sla_event_payer ON sla_event (payer_id, raised_at_ms);
CREATE INDEX ix_sla_event_type ON sla_event (task_type, raised_at_ms);
-- open events (resolved_at_ms null) are few among millions: found by ref on null, then by time
CREATE INDEX ix_sla_event_open ON sla_event (resolved_at_ms, raised_at_ms);
-- a task's completion or deletion resolves its open events
CREATE INDEX ix_sla_event_task ON sla_event (task_id);

-- Warnings and escalations per UTC day, queue and holder ('' for nobody), added to in the transaction that inserts the
-- event: a year's totals sum a row per day and person instead of counting millions of events.
CREATE TABLE sla_daily (
  event_day   DATE        NOT NULL,
  queue       VARCHAR(32) NOT NULL,
  holder      VARCHAR(64) NOT NULL,
  warnings    BIGINT      NOT NULL,
  escalations BIGINT      NOT NULL,
  PRIMARY KEY (event_day, queue, holder)
);

-- The audit-trail viewer filters by actor, action and task within a period, newest first (encounter and time alone
-- have their indexes since V1).
CREATE INDEX ix_audit_event_actor ON audit_event (actor, occurred_at);
CREATE INDEX ix_audit_event_action ON audit_event (action, occurred_at);
CREATE INDEX ix_audit_event_task ON audit_event (task_id, occurred_at);
