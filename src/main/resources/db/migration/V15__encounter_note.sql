-- What people wrote while working an encounter (a completion's note, why a task went to the leads or was moved, a
-- provider's answer, a payer's appeal decision): read by every later task of the encounter and by its timeline.
CREATE TABLE encounter_note (
  id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  encounter_id BIGINT        NOT NULL,
  task_id      VARCHAR(64),
  task_type    VARCHAR(64),
  kind         VARCHAR(20)   NOT NULL,
  author       VARCHAR(64)   NOT NULL,
  written_at   TIMESTAMP(3)  NOT NULL,
  text         VARCHAR(2000) NOT NULL
);
CREATE INDEX ix_encounter_note_encounter ON encounter_note (encounter_id, id);
