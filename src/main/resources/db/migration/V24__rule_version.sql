-- Who deployed which version of a decision table from ClaimFlow, and why; versions without a row were shipped with the
-- product (auto-deployed at start-up) or deployed outside ClaimFlow. One row per deployment, keyed like the engine's.
CREATE TABLE rule_version (
  id                    BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  decision_key          VARCHAR(64)   NOT NULL,
  engine_version        INT           NOT NULL,
  deployment_id         VARCHAR(64)   NOT NULL,
  deployed_by           VARCHAR(64)   NOT NULL,
  reason                VARCHAR(1000) NOT NULL,
  deployed_at           TIMESTAMP(3)  NOT NULL,
  restored_from_version INT
);
CREATE UNIQUE INDEX ux_rule_version_key_version ON rule_version (decision_key, engine_version);
