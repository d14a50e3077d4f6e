package com.claimflow.submission;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.claim.Claim;
import com.claimflow.claim.ClaimService;
import com.claimflow.claim.ClaimStatus;
import com.claimflow.intake.EncounterService;
import com.claimflow.remittance.RemittanceService;
import com.claimflow.support.ApiTestBase;
import com.claimflow.support.Encounters;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** A biller voids the claim the payer received: a frequency-8 837 naming the payer's claim number, with the same lines. */
class VoidClaimIT extends ApiTestBase {
    @Autowired EncounterService encounters;
    @Autowired ClaimService claims;
    @Autowired RemittanceService payer;
    @Autowired SubmissionService submissions;
    @Autowired ObjectMapper json;

    private static String voidOf(String reason) {
        return "{\"reason\": \"" + reason + "\"}";
    }

    @Test
    void theClaimThePayerReceivedIsVoidedAsFrequency8WithItsClaimNumberAndTheSameLines() throws Exception {
        long encounterId = encounters.open(Encounters.visit().request()).id();
        driver.runJobs();
        driver.code(encounterId, "I10", "99213 1 1\n36415 1 1");
        Claim sent = claims.latestFor(encounterId).orElseThrow();
        payer.acknowledge(sent.id(), true, "PCN-V" + sent.id(), null);
        driver.runJobs();

        assertThat(postJson("carla", "/api/encounters/" + encounterId + "/void", voidOf("wrong patient")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> r = postJson("bella", "/api/encounters/" + encounterId + "/void", voidOf("billed under the wrong patient"));

        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
        Claim voiding = claims.latestFor(encounterId).orElseThrow();
        assertThat(json.readTree(r.getBody()).get("claimId").asLong()).isEqualTo(voiding.id());
        assertThat(voiding.frequencyCode()).isEqualTo("8");
        assertThat(voiding.voidReason()).isEqualTo("billed under the wrong patient");
        assertThat(voiding.lines()).isEqualTo(sent.lines());
        assertThat(claims.get(sent.id()).status()).isEqualTo(ClaimStatus.VOIDED);
        // neither the voided claim nor the void counts as billed for the duplicate-claim edit
        assertThat(claims.sentFor(sent.memberId(), sent.billingNpi(), sent.dateOfService())).extracting(Claim::encounterId)
                .doesNotContain(encounterId);
        List<String> file = Arrays.stream(submissions.latestPayload(voiding.id()).orElseThrow().split("~")).map(String::strip).toList();
        assertThat(file).anySatisfy(s -> assertThat(s).startsWith("CLM*").contains("*11:B:8*"))
                .contains("REF*F8*PCN-V" + sent.id())
                .anySatisfy(s -> assertThat(s).startsWith("SV1*HC:99213*"))
                .anySatisfy(s -> assertThat(s).startsWith("SV1*HC:36415*"));
    }

    @Test
    void aClaimNeverSentCannotBeVoidedAndNothingIsQueued() throws Exception {
        long encounterId = encounters.open(Encounters.visit().request()).id();
        driver.runJobs();

        ResponseEntity<String> r = postJson("bella", "/api/encounters/" + encounterId + "/void", voidOf("duplicate visit"));

        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode fields = json.readTree(r.getBody()).get("fields");
        assertThat(fields.get("claim").asText()).startsWith("never sent");
        assertThat(claims.versionsOf(encounterId)).isEmpty();
    }
}
