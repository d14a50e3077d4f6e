package com.claimflow.base;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes Camunda 7.24's own schema lacks on the databases the product runs on, for queries the engine sends on every
 * task completion, job acquisition or message correlation (docs/benchmarks.md has the figures of each). They are added
 * once the engine has created its tables, which is after Flyway runs on a fresh database, hence a plugin and not a
 * migration; a database that has one already (under any name) keeps it.
 */
@Component
public class EngineTableIndexes extends AbstractProcessEnginePlugin {
    /** One index of an engine table, on its columns in this order. */
    public record Index(String name, String table, List<String> columns) {
        public Index(String name, String table, String... columns) {
            this(name, table, List.of(columns));
        }

        /** True when an index of the table starts with these columns in this order, whatever its name. */
        public boolean existsIn(DatabaseMetaData meta) throws SQLException {
            for (String t : new String[] {table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT)}) {
                Map<String, Map<Integer, String>> indexes = new HashMap<>();
                try (ResultSet rs = meta.getIndexInfo(null, null, t, false, false)) {
                    while (rs.next()) {
                        String index = rs.getString("INDEX_NAME"), column = rs.getString("COLUMN_NAME");
                        if (index != null && column != null) {
                            indexes.computeIfAbsent(index, i -> new HashMap<>()).put((int) rs.getShort("ORDINAL_POSITION"), column);
                        }
                    }
                }
                for (Map<Integer, String> indexed : indexes.values()) {
                    boolean starts = true;
                    for (int i = 0; i < columns.size() && starts; i++) starts = columns.get(i).equalsIgnoreCase(indexed.get(i + 1));
                    if (starts) return true;
                }
            }
            return false;
        }

        String ddl() {
            return "CREATE INDEX " + name + " ON " + table + " (" + String.join(", ", columns) + ")";
        }
    }

    /**
     * Task completion and deletion look up sub-tasks by {@code PARENT_TASK_ID_}, indexed by Camunda only on SQL Server: on
     * MySQL and H2 each completion scanned the task table (119 ms at 200,000 open tasks, 15 ms with the index).
     */
    public static final Index TASK_PARENT = new Index("CF_IDX_TASK_PARENT", "ACT_RU_TASK", "PARENT_TASK_ID_");
    /**
     * The job executor's acquisition asks for jobs with {@code DUEDATE_ is null or DUEDATE_ <= now}, which no index of
     * Camunda's serves: every acquisition (about nine an encounter in the demo mix) read the whole job table, where each
     * open task's SLA timers and each waiting payer's follow-up timer sit until due. At 1,000,000 timers on MariaDB that was
     * 1.2 s and 0.75 s of the server's CPU an acquisition; with this index it is a range read of the due jobs (the NULLs
     * included).
     */
    public static final Index JOB_DUE_DATE = new Index("CF_IDX_JOB_DUEDATE", "ACT_RU_JOB", "DUEDATE_");
    /**
     * A payer's acknowledgement, remittance or appeal decision finds its process by a variable
     * ({@code processInstanceVariableEquals(claimId, ...)}): Camunda asks for executions with the message's subscription
     * and an {@code EXISTS} on {@code ACT_RU_VARIABLE} by name and value, which no index of Camunda's serves, so MariaDB
     * walked every execution of the process definition. At 300,000 waiting processes that was 4.4 s a message; with this
     * index the server reads the one variable first (a few milliseconds).
     */
    public static final Index VARIABLE_NAME_LONG = new Index("CF_IDX_VAR_NAME_LONG", "ACT_RU_VARIABLE", "NAME_", "LONG_");
    static final List<Index> ALL = List.of(TASK_PARENT, JOB_DUE_DATE, VARIABLE_NAME_LONG);

    private static final Logger log = LoggerFactory.getLogger(EngineTableIndexes.class);

    private final DataSource dataSource;

    public EngineTableIndexes(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        for (Index index : ALL) {
            try (Connection c = dataSource.getConnection()) {
                if (index.existsIn(c.getMetaData())) continue;
                try (Statement s = c.createStatement()) {
                    // InnoDB adds a secondary index in place, with reads and writes to the table going on meanwhile
                    s.execute(index.ddl());
                } catch (SQLException e) {
                    if (index.existsIn(c.getMetaData())) continue; // another node starting at the same time made it
                    throw e;
                }
                log.info("created index {} on {}{}", index.name(), index.table(), index.columns());
            } catch (SQLException e) {
                throw new IllegalStateException("could not add index " + index.name() + " on " + index.table() + index.columns() + ": "
                        + e.getMessage(), e);
            }
        }
    }
}
