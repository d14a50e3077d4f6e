package com.claimflow.base;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Camunda 7.24 looks up sub-tasks by {@code ACT_RU_TASK.PARENT_TASK_ID_} on every task completion and deletion, but
 * indexes that column only on SQL Server: on MySQL and H2 each completion scans the task table (119 ms at 200,000 open
 * tasks, 15 ms with the index; docs/benchmarks.md). The index is added once the engine has created its tables, which is
 * after Flyway runs on a fresh database, hence a plugin and not a migration.
 */
@Component
public class EngineTableIndexes extends AbstractProcessEnginePlugin {
    static final String INDEX = "CF_IDX_TASK_PARENT";
    private static final Logger log = LoggerFactory.getLogger(EngineTableIndexes.class);

    private final DataSource dataSource;

    public EngineTableIndexes(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        try (Connection c = dataSource.getConnection()) {
            if (parentColumnIndexed(c.getMetaData())) return;
            try (Statement s = c.createStatement()) {
                s.execute("CREATE INDEX " + INDEX + " ON ACT_RU_TASK (PARENT_TASK_ID_)");
            }
            log.info("created index {} on ACT_RU_TASK(PARENT_TASK_ID_)", INDEX);
        } catch (SQLException e) {
            throw new IllegalStateException("could not add index " + INDEX + " on ACT_RU_TASK(PARENT_TASK_ID_): " + e.getMessage(), e);
        }
    }

    static boolean parentColumnIndexed(DatabaseMetaData meta) throws SQLException {
        for (String table : new String[] {"ACT_RU_TASK", "act_ru_task"}) {
            try (ResultSet rs = meta.getIndexInfo(null, null, table, false, false)) {
                while (rs.next()) {
                    String column = rs.getString("COLUMN_NAME");
                    if (column != null && column.equalsIgnoreCase("PARENT_TASK_ID_") && rs.getInt("ORDINAL_POSITION") == 1) return true;
                }
            }
        }
        return false;
    }
}
