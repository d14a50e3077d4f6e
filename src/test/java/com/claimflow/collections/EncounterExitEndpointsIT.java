package com.claimflow.collections;

import static com.claimflow.support.Problems.refused;
import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.coding.CodingProcess;
import com.claimflow.intake.Encounter;
import com.claimflow.intake.EncounterService;
import com.claimflow.support.ApiTestBase;
import com.claimflow.support.Encounters;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * The exits over HTTP: a lead closes an encounter's claim, a coder records the provider's answer, a biller the payer's
 * appeal decision; bad input is a 400 naming the field, the wrong role a 403, nothing waiting a 409.
 */
class EncounterExitEndpointsIT extends ApiTestBase {
    @Autowired EncounterService encounters;

    private Encounter opened() {
        Encounter e = encounters.open(Encounters.visit().request());
        driver.runJobs();
        return e;
    }

    @Test
    void aLeadClosesTheClaimOthersMayNotAndAClosedEncounterIsAConflict() throws Exception {
        Encounter e = opened();
        String close = "/api/encounters/" + e.id() + "/close";
        assertThat(postJson("bella", close, "{\"kind\":\"WRITE_OFF\",\"reasonCode\":\"TIMELY_FILING\",\"note\":\"late\"}").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused(postJson("lena", close, "{\"kind\":\"WRITE_OFF\",\"reasonCode\":\"LAZY\",\"note\":\"late\"}"), "reasonCode"))
                .contains("TIMELY_FILING");
        assertThat(refused(postJson("lena", close, "{\"kind\":\"WRITE_OFF\",\"reasonCode\":\"TIMELY_FILING\"}"), "note")).contains("why");
        assertThat(driver.openTaskTypes(e.id())).containsExactly(CodingProcess.CODE_ENCOUNTER_TASK);

        assertThat(postJson("lena", close, "{\"kind\":\"NOT_BILLABLE\",\"reasonCode\":\"billed_in_error\",\"note\":\"opened twice\"}")
                .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        driver.runJobs();
        assertThat(driver.openTaskTypes(e.id())).isEmpty();
        assertThat(encounters.stage(encounters.get(e.id()))).isEqualTo("CLOSED");
        assertThat(postJson("lena", close, "{\"kind\":\"WRITE_OFF\",\"reasonCode\":\"TIMELY_FILING\",\"note\":\"again\"}").getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void theProvidersAnswerResumesCodingAndIsAConflictWhenNoQueryWaits() throws Exception {
        Encounter e = opened();
        String answer = "/api/encounters/" + e.id() + "/provider-answer";
        assertThat(postJson("carla", answer, "{\"answer\":\"left knee\"}").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        driver.complete(e.id(), CodingProcess.CODE_ENCOUNTER_TASK, "carla", "coders",
                Map.of(CodingProcess.QUERY_PROVIDER, true, "providerQuestion", "which knee?"));
        assertThat(refused(postJson("carla", answer, "{\"answer\":\" \"}"), "answer")).contains("required");
        assertThat(postJson("bella", answer, "{\"answer\":\"left knee\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(postJson("carla", answer, "{\"answer\":\"left knee\"}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        driver.runJobs();
        assertThat(driver.openTaskTypes(e.id())).containsExactly(CodingProcess.CODE_ENCOUNTER_TASK);
    }

    @Test
    void anAppealDecisionWithNoAppealWaitingIsAConflictAndABadOneNamesTheField() throws Exception {
        Encounter e = opened();
        String decision = "/api/encounters/" + e.id() + "/appeal-decision";
        assertThat(refused(postJson("bella", decision, "{\"decision\":\"MAYBE\",\"note\":\"letter\"}"), "decision")).contains("OVERTURNED");
        assertThat(postJson("carla", decision, "{\"decision\":\"UPHELD\",\"note\":\"letter\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(postJson("bella", decision, "{\"decision\":\"UPHELD\",\"note\":\"letter\"}").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }
}
