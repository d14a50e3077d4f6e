package com.claimflow.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.claimflow.support.ApiTestBase;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Completing a task must not scan the engine's task table, acquiring jobs its job table, nor a payer's message its
 * variables: the columns are indexed on every database the tests run on (H2, and MariaDB in the mysql-it pass).
 */
class EngineTableIndexesIT extends ApiTestBase {
    @Autowired DataSource dataSource;
    @Autowired EngineTableIndexes indexes;

    @Test
    void theParentTaskAndJobDueDateColumnsAreIndexedAndAddingThemAgainIsHarmless() throws Exception {
        assertThat(indexed()).containsExactly("CF_IDX_TASK_PARENT", "CF_IDX_JOB_DUEDATE", "CF_IDX_VAR_NAME_LONG");
        indexes.postProcessEngineBuild(null); // a second start finds the indexes and leaves them
        assertThat(indexed()).containsExactly("CF_IDX_TASK_PARENT", "CF_IDX_JOB_DUEDATE", "CF_IDX_VAR_NAME_LONG");
    }

    @Test
    void nodesStartingAtOnceOnADatabaseWithoutTheIndexesAllStart() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            // nodes share a MySQL or MariaDB database (docs/cluster.md); embedded H2 serves one node, and its metadata
            // reads fail with a ConcurrentModificationException while another thread adds an index
            assumeTrue(c.getMetaData().getDatabaseProductName().matches("(?i)mysql|mariadb"), "two nodes need a MySQL or MariaDB database");
        }
        for (int round = 0; round < 5; round++) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                for (EngineTableIndexes.Index index : EngineTableIndexes.ALL) s.execute("DROP INDEX " + index.name() + " ON " + index.table());
            }
            ExecutorService nodes = Executors.newFixedThreadPool(4);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> starts = new ArrayList<>();
                for (int n = 0; n < 4; n++) {
                    starts.add(nodes.submit(() -> {
                        go.await();
                        indexes.postProcessEngineBuild(null); // each finds the indexes missing, or made by another meanwhile
                        return null;
                    }));
                }
                go.countDown();
                for (Future<?> start : starts) start.get(60, TimeUnit.SECONDS); // throws if a node's start failed
            } finally {
                nodes.shutdownNow();
            }
            assertThat(indexed()).containsExactly("CF_IDX_TASK_PARENT", "CF_IDX_JOB_DUEDATE", "CF_IDX_VAR_NAME_LONG");
        }
    }

    @Test
    void anIndexOnlyCountsWhenItStartsWithTheColumn() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            // ACT_RU_JOB's handler index is (HANDLER_TYPE_, HANDLER_CFG_): it does not serve HANDLER_CFG_ alone
            assertThat(new EngineTableIndexes.Index("X", "ACT_RU_JOB", "HANDLER_CFG_").existsIn(c.getMetaData())).isFalse();
            assertThat(new EngineTableIndexes.Index("X", "ACT_RU_JOB", "HANDLER_TYPE_").existsIn(c.getMetaData())).isTrue();
            assertThat(new EngineTableIndexes.Index("X", "ACT_RU_JOB", "HANDLER_TYPE_", "HANDLER_CFG_").existsIn(c.getMetaData())).isTrue();
            assertThat(new EngineTableIndexes.Index("X", "ACT_RU_VARIABLE", "LONG_").existsIn(c.getMetaData())).as("second column only").isFalse();
        }
    }

    private List<String> indexed() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            List<String> found = new ArrayList<>();
            for (EngineTableIndexes.Index index : EngineTableIndexes.ALL) {
                if (index.existsIn(meta)) found.add(index.name());
            }
            return found;
        }
    }
}
