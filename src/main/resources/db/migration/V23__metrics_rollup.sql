-- The dashboard's rollups (module metrics): kept up to date incrementally by metrics.internal.MetricsRefresh, so each
-- figure reads at most a few hundred rows instead of aggregating the encounter, claim and account tables.

-- One row per encounter: what its claims, scrubs, 837s, remittances and account entries add up to. Flags are 0/1 INT so
-- they can be summed on H2 and MariaDB alike.
CREATE TABLE metric_encounter (
  encounter_id    BIGINT        NOT NULL PRIMARY KEY,
  payer_id        VARCHAR(20)   NOT NULL,
  date_of_service DATE          NOT NULL,
  claim_id        BIGINT,
  claim_status    VARCHAR(20),
  claim_charge    DECIMAL(12,2) NOT NULL,
  billed_on       DATE,
  unbilled        INT           NOT NULL,
  scrubbed        INT           NOT NULL,
  clean_first     INT           NOT NULL,
  answered_first  INT           NOT NULL,
  accepted_first  INT           NOT NULL,
  adjudicated     INT           NOT NULL,
  denial_group    VARCHAR(2),
  gross_charges   DECIMAL(12,2) NOT NULL,
  payments        DECIMAL(12,2) NOT NULL,
  contractual     DECIMAL(12,2) NOT NULL,
  open_ar         DECIMAL(12,2) NOT NULL
);
CREATE INDEX ix_metric_encounter_dos ON metric_encounter (date_of_service, payer_id);
CREATE INDEX ix_metric_encounter_payer ON metric_encounter (payer_id, date_of_service);

-- metric_encounter summed per date of service and payer: a figure over two years reads at most 730 rows per payer.
CREATE TABLE metric_day (
  service_day     DATE          NOT NULL,
  payer_id        VARCHAR(20)   NOT NULL,
  encounters      INT           NOT NULL,
  billed          INT           NOT NULL,
  billed_charge   DECIMAL(14,2) NOT NULL,
  unbilled        INT           NOT NULL,
  unbilled_charge DECIMAL(14,2) NOT NULL,
  scrubbed        INT           NOT NULL,
  clean_first     INT           NOT NULL,
  answered_first  INT           NOT NULL,
  accepted_first  INT           NOT NULL,
  adjudicated     INT           NOT NULL,
  denied          INT           NOT NULL,
  denied_co       INT           NOT NULL,
  denied_pr       INT           NOT NULL,
  denied_oa       INT           NOT NULL,
  denied_pi       INT           NOT NULL,
  denied_cr       INT           NOT NULL,
  gross_charges   DECIMAL(14,2) NOT NULL,
  payments        DECIMAL(14,2) NOT NULL,
  contractual     DECIMAL(14,2) NOT NULL,
  open_ar         DECIMAL(14,2) NOT NULL,
  PRIMARY KEY (service_day, payer_id)
);

-- How far the rollups have read each source table (the highest id, or the latest claim change), and when they last did.
CREATE TABLE metric_refresh (
  id            INT          NOT NULL PRIMARY KEY,
  encounter_mark BIGINT      NOT NULL,
  scrub_mark    BIGINT       NOT NULL,
  x12_mark      BIGINT       NOT NULL,
  posting_mark  BIGINT       NOT NULL,
  entry_mark    BIGINT       NOT NULL,
  claim_mark    TIMESTAMP(3) NULL,
  refreshed_at  TIMESTAMP(3) NULL,
  rollup_pending INT        NOT NULL
);
INSERT INTO metric_refresh (id, encounter_mark, scrub_mark, x12_mark, posting_mark, entry_mark, rollup_pending) VALUES (1, 0, 0, 0, 0, 0, 0);

-- The refresh finds the claims changed since its last run by this index instead of reading the whole claim table.
CREATE INDEX ix_claim_updated_at ON claim (updated_at);
