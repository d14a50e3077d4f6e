-- ClaimFlow's own tables (Camunda manages its ACT_ tables itself).
-- Portable between H2 2.x and MySQL 8 / MariaDB 10.11.

CREATE TABLE payer (
  id                  VARCHAR(20)  NOT NULL PRIMARY KEY,
  name                VARCHAR(120) NOT NULL,
  claim_type          VARCHAR(15)  NOT NULL,
  timely_filing_days  INT          NOT NULL,
  subscriber_id_pattern VARCHAR(80),
  active              BOOLEAN      NOT NULL
);

CREATE TABLE provider (
  npi        CHAR(10)     NOT NULL PRIMARY KEY,
  name       VARCHAR(120) NOT NULL,
  taxonomy   VARCHAR(10),
  tin        VARCHAR(9),
  address    VARCHAR(120),
  city       VARCHAR(60),
  state      CHAR(2),
  zip        VARCHAR(10)
);

CREATE TABLE code_set_entry (
  id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code_system  VARCHAR(10)  NOT NULL,
  code         VARCHAR(10)  NOT NULL,
  billable     BOOLEAN      NOT NULL,
  description  VARCHAR(255) NOT NULL,
  valid_from   DATE         NOT NULL,
  valid_to     DATE,
  CONSTRAINT uk_code_set_entry UNIQUE (code_system, code, valid_from)
);
CREATE INDEX ix_code_set_entry_code ON code_set_entry (code);

CREATE TABLE fee_schedule_entry (
  id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  payer_id       VARCHAR(20)   NOT NULL,
  code           VARCHAR(10)   NOT NULL,
  modifier       VARCHAR(2),
  allowed_amount DECIMAL(12,2) NOT NULL,
  valid_from     DATE          NOT NULL,
  valid_to       DATE
);
CREATE INDEX ix_fee_schedule_lookup ON fee_schedule_entry (payer_id, code, valid_from);

CREATE TABLE encounter (
  id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  external_id         VARCHAR(64)  NOT NULL,
  patient_first_name  VARCHAR(60)  NOT NULL,
  patient_last_name   VARCHAR(60)  NOT NULL,
  patient_birth_date  DATE         NOT NULL,
  patient_sex         CHAR(1)      NOT NULL,
  member_id           VARCHAR(40),
  payer_id            VARCHAR(20)  NOT NULL,
  billing_npi         CHAR(10)     NOT NULL,
  rendering_npi       CHAR(10),
  date_of_service     DATE         NOT NULL,
  place_of_service    VARCHAR(2)   NOT NULL,
  claim_type          VARCHAR(15)  NOT NULL,
  documentation       MEDIUMTEXT,
  stage               VARCHAR(30)  NOT NULL,
  process_instance_id VARCHAR(64),
  created_at          TIMESTAMP(3) NOT NULL,
  CONSTRAINT uk_encounter_external_id UNIQUE (external_id)
);

CREATE TABLE coding (
  id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  encounter_id    BIGINT       NOT NULL,
  diagnosis_codes VARCHAR(255) NOT NULL,
  coded_by        VARCHAR(64)  NOT NULL,
  coded_at        TIMESTAMP(3) NOT NULL,
  CONSTRAINT uk_coding_encounter UNIQUE (encounter_id)
);

CREATE TABLE coding_line (
  coding_id  BIGINT      NOT NULL,
  line_no    INT         NOT NULL,
  code       VARCHAR(10) NOT NULL,
  modifiers  VARCHAR(20),
  units      INT         NOT NULL,
  pointers   VARCHAR(20) NOT NULL,
  PRIMARY KEY (coding_id, line_no)
);

CREATE TABLE claim (
  id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  encounter_id       BIGINT        NOT NULL,
  version            INT           NOT NULL,
  frequency_code     CHAR(1)       NOT NULL,
  claim_type         VARCHAR(15)   NOT NULL,
  status             VARCHAR(20)   NOT NULL,
  payer_id           VARCHAR(20)   NOT NULL,
  member_id          VARCHAR(40),
  billing_npi        CHAR(10)      NOT NULL,
  rendering_npi      CHAR(10),
  place_of_service   VARCHAR(2)    NOT NULL,
  date_of_service    DATE          NOT NULL,
  diagnosis_codes    VARCHAR(255)  NOT NULL,
  total_charge       DECIMAL(12,2) NOT NULL,
  payer_claim_number VARCHAR(50),
  created_at         TIMESTAMP(3)  NOT NULL,
  updated_at         TIMESTAMP(3)  NOT NULL,
  CONSTRAINT uk_claim_version UNIQUE (encounter_id, version)
);

CREATE TABLE claim_line (
  claim_id        BIGINT        NOT NULL,
  line_no         INT           NOT NULL,
  code            VARCHAR(10)   NOT NULL,
  modifiers       VARCHAR(20),
  units           INT           NOT NULL,
  charge          DECIMAL(12,2) NOT NULL,
  pointers        VARCHAR(20)   NOT NULL,
  PRIMARY KEY (claim_id, line_no)
);

CREATE TABLE scrub_result (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  claim_id      BIGINT       NOT NULL,
  claim_version INT          NOT NULL,
  clean         BOOLEAN      NOT NULL,
  scrubbed_at   TIMESTAMP(3) NOT NULL
);
CREATE INDEX ix_scrub_result_claim ON scrub_result (claim_id, id);

CREATE TABLE scrub_edit (
  result_id  BIGINT       NOT NULL,
  seq        INT          NOT NULL,
  edit_id    VARCHAR(40)  NOT NULL,
  severity   VARCHAR(10)  NOT NULL,
  owner      VARCHAR(10)  NOT NULL,
  location   VARCHAR(60)  NOT NULL,
  message    VARCHAR(500) NOT NULL,
  PRIMARY KEY (result_id, seq)
);

CREATE TABLE outbox_message (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  claim_id      BIGINT       NOT NULL,
  claim_version INT          NOT NULL,
  attempt       INT          NOT NULL,
  payer_id      VARCHAR(20)  NOT NULL,
  format        VARCHAR(20)  NOT NULL,
  payload       MEDIUMTEXT   NOT NULL,
  status        VARCHAR(10)  NOT NULL,
  created_at    TIMESTAMP(3) NOT NULL,
  sent_at       TIMESTAMP(3),
  CONSTRAINT uk_outbox_claim_version UNIQUE (claim_id, claim_version, attempt)
);
CREATE INDEX ix_outbox_status ON outbox_message (status, id);

CREATE TABLE payment_posting (
  id                     BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  source_ref             VARCHAR(100)  NOT NULL,
  claim_id               BIGINT        NOT NULL,
  encounter_id           BIGINT        NOT NULL,
  outcome                VARCHAR(10)   NOT NULL,
  charge                 DECIMAL(12,2) NOT NULL,
  paid                   DECIMAL(12,2) NOT NULL,
  contractual_adjustment DECIMAL(12,2) NOT NULL,
  patient_responsibility DECIMAL(12,2) NOT NULL,
  carc_group             VARCHAR(2),
  carc                   VARCHAR(5),
  rarc                   VARCHAR(10),
  posted_at              TIMESTAMP(3)  NOT NULL,
  CONSTRAINT uk_payment_posting_source UNIQUE (source_ref)
);
CREATE INDEX ix_payment_posting_claim ON payment_posting (claim_id);

CREATE TABLE account_entry (
  id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  encounter_id BIGINT        NOT NULL,
  claim_id     BIGINT,
  entry_type   VARCHAR(30)   NOT NULL,
  amount       DECIMAL(12,2) NOT NULL,
  patient_amount DECIMAL(12,2) NOT NULL,
  reason       VARCHAR(120),
  posted_by    VARCHAR(64)   NOT NULL,
  posted_at    TIMESTAMP(3)  NOT NULL
);
CREATE INDEX ix_account_entry_encounter ON account_entry (encounter_id);

CREATE TABLE denial (
  id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  claim_id     BIGINT       NOT NULL,
  encounter_id BIGINT       NOT NULL,
  carc_group   VARCHAR(2)   NOT NULL,
  carc         VARCHAR(5)   NOT NULL,
  rarc         VARCHAR(10),
  appeal_level INT          NOT NULL,
  status       VARCHAR(20)  NOT NULL,
  created_at   TIMESTAMP(3) NOT NULL,
  updated_at   TIMESTAMP(3) NOT NULL
);
CREATE INDEX ix_denial_claim ON denial (claim_id);

CREATE TABLE statement (
  id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  encounter_id BIGINT        NOT NULL,
  seq          INT           NOT NULL,
  balance      DECIMAL(12,2) NOT NULL,
  sent_at      TIMESTAMP(3)  NOT NULL,
  CONSTRAINT uk_statement_seq UNIQUE (encounter_id, seq)
);

CREATE TABLE work_item (
  task_id             VARCHAR(64)   NOT NULL PRIMARY KEY,
  process_instance_id VARCHAR(64)   NOT NULL,
  encounter_id        BIGINT,
  claim_id            BIGINT,
  task_type           VARCHAR(64)   NOT NULL,
  task_name           VARCHAR(120)  NOT NULL,
  queue               VARCHAR(32)   NOT NULL,
  payer_id            VARCHAR(20),
  amount              DECIMAL(12,2) NOT NULL,
  priority            INT           NOT NULL,
  created_at          TIMESTAMP(3)  NOT NULL,
  due_at              TIMESTAMP(3),
  assignee            VARCHAR(64),
  sla_state           VARCHAR(12)   NOT NULL,
  excluded_user       VARCHAR(64)
);
CREATE INDEX ix_work_item_next ON work_item (queue, assignee, priority DESC, created_at);
CREATE INDEX ix_work_item_payer ON work_item (queue, payer_id, priority DESC, created_at);
CREATE INDEX ix_work_item_queue ON work_item (queue, priority DESC, created_at);
CREATE INDEX ix_work_item_assignee ON work_item (assignee, priority DESC);
CREATE INDEX ix_work_item_encounter ON work_item (encounter_id);

CREATE TABLE audit_event (
  id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  occurred_at  TIMESTAMP(3) NOT NULL,
  actor        VARCHAR(64)  NOT NULL,
  action       VARCHAR(40)  NOT NULL,
  encounter_id BIGINT,
  task_id      VARCHAR(64),
  detail       VARCHAR(500)
);
CREATE INDEX ix_audit_event_encounter ON audit_event (encounter_id, occurred_at);
CREATE INDEX ix_audit_event_time ON audit_event (occurred_at);
