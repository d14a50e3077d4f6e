package com.claimflow.workqueue;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.claim.Claim;
import com.claimflow.claim.ClaimService;
import com.claimflow.intake.EncounterProcess;
import com.claimflow.intake.EncounterService;
import com.claimflow.remittance.RemittanceAdvice;
import com.claimflow.remittance.RemittanceService;
import com.claimflow.support.ApiTestBase;
import com.claimflow.support.Encounters;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** A task over HTTP comes with why it exists, in the payer's codes and their meaning, and every earlier note of the encounter. */
class TaskContextApiIT extends ApiTestBase {
    @Autowired EncounterService encounters;
    @Autowired ClaimService claims;
    @Autowired RemittanceService payer;
    @Autowired Notes notes;
    @Autowired ObjectMapper json;

    private Claim codedAndSent() {
        long encounterId = encounters.open(Encounters.visit().request()).id();
        driver.runJobs();
        driver.code(encounterId, "I10", "99213 1 1\n36415 1 1");
        return claims.latestFor(encounterId).orElseThrow();
    }

    private JsonNode task(String user, String taskId) throws Exception {
        ResponseEntity<String> r = as(user).getForEntity("/api/tasks/" + taskId, String.class);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(r.getBody());
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    @Test
    void aBillingDenialTaskShowsTheCarcRarcAndAmountsWithTheirMeaningAndTheEarlierNotes() throws Exception {
        Claim c = codedAndSent();
        payer.acknowledge(c.id(), true, "PCN-" + c.id(), null);
        driver.runJobs();
        notes.add(c.encounterId(), null, null, Note.Kind.NOTE, "carla", "coded from the visit note; 36415 drawn in office");
        payer.post(new RemittanceAdvice("ERA-CTX-" + c.id(), c.id(), "PCN-" + c.id(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                true, "CO", "197", "N130", "4", List.of(new RemittanceAdvice.Adjustment(1, "99213", "CO", "197", c.lines().get(0).charge(), null)),
                List.of(new RemittanceAdvice.Remark(1, "N130"))));
        driver.runJobs();
        WorkItem denial = driver.task(c.encounterId(), EncounterProcess.CORRECT_BILLING_DENIAL_TASK);

        JsonNode t = task("bella", denial.taskId());

        assertThat(t.get("taskId").asText()).isEqualTo(denial.taskId());
        JsonNode reason = t.get("reasons").get(0);
        assertThat(reason.get("title").asText()).isEqualTo("Payer's denial");
        assertThat(reason.get("facts").findValuesAsText("value"))
                .contains("CO (contractual obligation: the provider absorbs it, the patient is not billed) 197 · prior authorization, "
                        + "precertification or notification missing", "N130 · see the plan's benefit documents for this service's limits", "$0.00");
        assertThat(texts(reason.get("lines"))).anySatisfy(l -> assertThat(l).startsWith("Line 1 (99213): CO-197 $").contains("prior authorization"))
                .anySatisfy(l -> assertThat(l).startsWith("Line 1: remark N130"));
        assertThat(t.get("notes").findValuesAsText("text")).contains("coded from the visit note; 36415 drawn in office");
        assertThat(t.get("notes").get(0).get("author").asText()).isEqualTo("carla");
    }

    @Test
    void aRejectedClaimTaskShowsWhatTheAcknowledgementSaidWithItsCodes() throws Exception {
        Claim c = codedAndSent();
        payer.acknowledge(c.id(), false, null,
                "277CA rejected the claim: A7 (rejected for invalid information); 164 (entity's contract/member number)");
        driver.runJobs();
        WorkItem fix = driver.task(c.encounterId(), EncounterProcess.FIX_REJECTED_CLAIM_TASK);

        JsonNode reason = task("bella", fix.taskId()).get("reasons").get(0);

        assertThat(reason.get("title").asText()).isEqualTo("Claim rejected");
        assertThat(texts(reason.get("lines"))).containsExactly("277CA rejected the claim: A7 (rejected for invalid information)",
                "164 (entity's contract/member number)");
    }

    @Test
    void anEligibilityTaskSaysWhatTheCheckDecidedAndHowItStandsNow() throws Exception {
        long encounterId = encounters.open(Encounters.visit().memberId("12345").request()).id();
        driver.runJobs();
        WorkItem resolve = driver.task(encounterId, EncounterProcess.RESOLVE_ELIGIBILITY_TASK);

        JsonNode reason = task("bella", resolve.taskId()).get("reasons").get(0);

        assertThat(reason.get("title").asText()).isEqualTo("Eligibility check");
        assertThat(reason.get("facts").findValuesAsText("value")).anySatisfy(v -> assertThat(v).startsWith("not eligible: member id '12345'"))
                .anySatisfy(v -> assertThat(v).startsWith("still not eligible"))
                .contains("12345", "BCBS");
    }

    @Test
    void aClaimEditTaskListsTheScrubFindingsWithWhereAndWhat() throws Exception {
        // UHC's demo fee schedule has no amount for 20610: the charge edit is the biller's
        long encounterId = encounters.open(Encounters.visit().payer("UHC", "123456789").request()).id();
        driver.runJobs();
        driver.code(encounterId, "M1711", "20610 RT 1 1");
        WorkItem fix = driver.task(encounterId, EncounterProcess.FIX_CLAIM_EDIT_TASK);

        JsonNode reason = task("bella", fix.taskId()).get("reasons").get(0);

        assertThat(reason.get("title").asText()).isEqualTo("Scrub findings");
        assertThat(texts(reason.get("lines"))).anySatisfy(l -> assertThat(l).startsWith("Error CHARGE_MISSING at line 1: No charge for 20610"));
    }
}
