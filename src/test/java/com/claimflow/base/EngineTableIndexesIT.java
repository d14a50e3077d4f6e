package com.claimflow.base;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.support.ApiTestBase;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Completing a task must not scan the engine's task table: the parent-task column is indexed on every database. */
class EngineTableIndexesIT extends ApiTestBase {
    @Autowired DataSource dataSource;
    @Autowired EngineTableIndexes indexes;

    @Test
    void theParentTaskColumnIsIndexedAndAddingItAgainIsHarmless() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            assertThat(EngineTableIndexes.parentColumnIndexed(c.getMetaData())).isTrue();
        }
        indexes.postProcessEngineBuild(null); // a second start finds the index and leaves it
        try (Connection c = dataSource.getConnection()) {
            assertThat(EngineTableIndexes.parentColumnIndexed(c.getMetaData())).isTrue();
        }
    }
}
