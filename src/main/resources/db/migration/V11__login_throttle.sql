-- Failed logins per user name ('user:<name>') and per client address ('address:<ip>'): the throttle before the
-- password check (identity/LoginThrottle). Times are epoch milliseconds, the same on every node and database; version
-- is the compare-and-set two nodes counting the same key meet on.
CREATE TABLE login_throttle (
  throttle_key  VARCHAR(80) NOT NULL PRIMARY KEY,
  failures      INT         NOT NULL,
  window_start  BIGINT      NOT NULL,
  locked_until  BIGINT      NOT NULL,
  locks         INT         NOT NULL,
  last_failure  BIGINT      NOT NULL,
  version       INT         NOT NULL
);
CREATE INDEX ix_login_throttle_last_failure ON login_throttle (last_failure);
