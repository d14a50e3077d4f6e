package com.claimflow.rules.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** ClaimFlow's record of the versions it deployed: who, why, and from which version a restore came. */
@Repository
public class RuleVersionStore {
    private final JdbcTemplate jdbc;

    /** One row of {@code rule_version}. */
    public record Row(String decisionKey, int engineVersion, String deploymentId, String deployedBy, String reason, Instant deployedAt,
                      Integer restoredFrom) {
    }

    public RuleVersionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Row row) {
        jdbc.update("insert into rule_version (decision_key, engine_version, deployment_id, deployed_by, reason, deployed_at, restored_from_version)"
                        + " values (?, ?, ?, ?, ?, ?, ?)",
                row.decisionKey(), row.engineVersion(), row.deploymentId(), row.deployedBy(), row.reason(), Timestamp.from(row.deployedAt()),
                row.restoredFrom());
    }

    /** Every recorded version of a table by engine version; a table has tens of versions, not thousands. */
    public Map<Integer, Row> byVersion(String decisionKey) {
        List<Row> rows = jdbc.query("select decision_key, engine_version, deployment_id, deployed_by, reason, deployed_at, restored_from_version"
                        + " from rule_version where decision_key = ?",
                (rs, i) -> new Row(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant(), (Integer) rs.getObject(7, Integer.class)), decisionKey);
        return rows.stream().collect(Collectors.toMap(Row::engineVersion, Function.identity()));
    }
}
