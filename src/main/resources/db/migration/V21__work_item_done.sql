-- Every task that ended, kept when its work_item row goes: who completed it, when it was created, claimed and ended, the
-- queue it was worked in, and its SLA state at the end. The leads' workload board reads completed work and handle times
-- from it; the SLA register's compliance and the dashboard's productivity read the daily sums below.
CREATE TABLE work_item_done (
  task_id      VARCHAR(64)  NOT NULL PRIMARY KEY,
  encounter_id BIGINT,
  task_type    VARCHAR(64)  NOT NULL,
  queue        VARCHAR(32)  NOT NULL,
  payer_id     VARCHAR(20),
  completed_by VARCHAR(64),
  created_at   TIMESTAMP(3) NOT NULL,
  claimed_at   TIMESTAMP(3),
  ended_at     TIMESTAMP(3) NOT NULL,
  completed    BOOLEAN      NOT NULL,
  sla_state    VARCHAR(12)  NOT NULL
);
CREATE INDEX ix_work_item_done_worker ON work_item_done (completed_by, ended_at);
CREATE INDEX ix_work_item_done_queue ON work_item_done (queue, ended_at);
CREATE INDEX ix_work_item_done_ended ON work_item_done (ended_at);

-- Completed tasks per UTC day, queue and worker, added to as each task completes: periods of any length are summed from
-- a row per day and person instead of counting every task again.
CREATE TABLE work_done_daily (
  done_on    DATE        NOT NULL,
  queue      VARCHAR(32) NOT NULL,
  worker     VARCHAR(64) NOT NULL,
  completed  BIGINT      NOT NULL,
  warned     BIGINT      NOT NULL,
  escalated  BIGINT      NOT NULL,
  handle_ms  BIGINT      NOT NULL,
  PRIMARY KEY (done_on, queue, worker)
);

-- The workload board's list sorts a whole queue by age or amount, and filters by person across queues.
CREATE INDEX ix_work_item_age ON work_item (queue, created_at);
CREATE INDEX ix_work_item_amount ON work_item (queue, amount);
