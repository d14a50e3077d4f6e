package com.claimflow.overview;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.intake.EncounterService;
import com.claimflow.overview.EncounterFile.ProcessPath;
import com.claimflow.support.ApiTestBase;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The encounter page's processes: the encounter's own first, where its diagram opens, then the sub-processes its call
 * activities started, as they started, also when they started in the same second (MySQL keeps start times to the
 * second, and a fast encounter starts several in one).
 */
class EncounterProcessesIT extends ApiTestBase {
    @Autowired EncounterStory story;
    @Autowired EncounterFiles files;
    @Autowired EncounterService encounters;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theEncountersOwnProcessComesFirstWhenItsSubProcessesStartedInTheSameSecond() {
        long id = story.sent();
        String root = encounters.get(id).processInstanceId();
        // the sub-processes "started" in one second, the encounter's own a second later: whatever the recorded times say
        // (on MariaDB the same second, the rows coming in whatever order the index gives), the encounter's own is first
        Instant second = Instant.parse("2026-12-01T10:00:00Z");
        jdbc.update("UPDATE ACT_HI_PROCINST SET START_TIME_ = ? WHERE BUSINESS_KEY_ = ?", Timestamp.from(second), String.valueOf(id));
        jdbc.update("UPDATE ACT_HI_PROCINST SET START_TIME_ = ? WHERE ID_ = ?", Timestamp.from(second.plusSeconds(1)), root);

        List<ProcessPath> processes = files.read(id).processes();

        assertThat(processes).hasSizeGreaterThan(2);
        assertThat(processes.get(0).processInstanceId()).isEqualTo(root);
        assertThat(processes.get(0).definitionKey()).isEqualTo("encounter");
        assertThat(processes.get(0).active()).as("it waits in submission").contains("Submission");
        assertThat(processes.subList(1, processes.size())).extracting(ProcessPath::definitionKey).doesNotContain("encounter");
    }
}
