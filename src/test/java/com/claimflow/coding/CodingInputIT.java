package com.claimflow.coding;

import static com.claimflow.support.Problems.refused;
import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.intake.Encounter;
import com.claimflow.intake.EncounterService;
import com.claimflow.support.ApiTestBase;
import com.claimflow.support.Encounters;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** A coding task completion with values of the wrong kind, null parts or more lines than the 837 carries is a 400 naming the field. */
class CodingInputIT extends ApiTestBase {
    @Autowired EncounterService encounters;
    @Autowired CodingService coding;
    @Autowired ObjectMapper json;

    private ResponseEntity<String> complete(String taskId, Map<String, Object> form) throws Exception {
        return postJson("carla", "/api/tasks/" + taskId + "/complete", json.writeValueAsString(form));
    }

    private static Map<String, Object> form(Object diagnoses, Object procedures, Object query) {
        Map<String, Object> form = new HashMap<>();
        form.put("diagnosisCodes", diagnoses);
        form.put("procedureLines", procedures);
        form.put("queryProvider", query);
        return form;
    }


    @Test
    void badCodingIsRefusedNamingTheFieldAndFiftyLinesAreTaken() throws Exception {
        Encounter e = encounters.open(Encounters.visit().request());
        driver.runJobs();
        String task = driver.task(e.id(), "CodeEncounter").taskId();

        assertThat(refused(complete(task, form(10, "99213 1 1", false)), "diagnosisCodes")).contains("must be text");
        assertThat(refused(complete(task, form("I10", java.util.List.of("99213 1 1"), false)), "procedureLines")).contains("must be text");
        assertThat(refused(complete(task, form("I10", "99213 1 1", "yes")), "queryProvider")).contains("must be true or false");
        assertThat(refused(complete(task, form("I10", "99213 1 1,null", false)), "procedureLines line 1")).contains("diagnosis pointers");
        assertThat(refused(complete(task, form("I10", "99213 null 1 1", false)), "procedureLines line 1")).contains("modifier 'null'");
        assertThat(refused(complete(task, form("I10", "99213 1 1\n".repeat(51), false)), "procedureLines")).contains("at most 50");
        assertThat(refused(complete(task, form("I10", "99213 1 1\n".repeat(1000), false)), "procedureLines"))
                .contains("1000 service lines").contains("837P");
        assertThat(coding.codingOf(e.id())).isEmpty();

        ResponseEntity<String> fifty = complete(task, form("I10", "99213 1 1\n".repeat(50), "false"));
        assertThat(fifty.getStatusCode()).as(fifty.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(coding.codingOf(e.id()).orElseThrow().procedures()).hasSize(50);
    }
}
