package com.claimflow.submission.x12;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.claim.ClaimService;
import com.claimflow.coding.AuditSampling;
import com.claimflow.intake.Encounter;
import com.claimflow.intake.EncounterService;
import com.claimflow.support.ApiTestBase;
import com.claimflow.support.Encounters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

class ClaimFileApiIT extends ApiTestBase {
    @Autowired EncounterService encounters;
    @Autowired ClaimService claims;
    @Autowired com.claimflow.submission.SubmissionService submissions;
    @MockitoBean AuditSampling sampling;

    @BeforeEach
    void sampling() {
        Mockito.when(sampling.draw()).thenReturn(0.5);
    }

    @Test
    void supportStaffReadTheClaimsLatest837() {
        Encounter e = encounters.open(Encounters.visit().request());
        driver.runJobs();
        driver.code(e.id(), "I10", "99213 1 1");
        long claimId = claims.latestFor(e.id()).orElseThrow().id();

        ResponseEntity<String> file = as("bella").getForEntity("/api/claims/" + claimId + "/x12", String.class);
        assertThat(file.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(file.getHeaders().getContentType()).hasToString("application/edi-x12");
        assertThat(file.getBody()).startsWith("ISA*").contains("ST*837*").contains("CLM*CF" + claimId + "V1*");
        assertThat(Claim837Validator.validate(file.getBody())).isEmpty();
        assertThat(file.getHeaders().getFirst("X-Claim-Status")).isEqualTo("PENDING");
        assertThat(file.getHeaders().containsKey("X-Claim-File")).isFalse();

        // once handed over, it names the batch file the claim went out in; the body is still the claim's own 837
        assertThat(submissions.handOff(submissions.messagesFor(claimId).get(0).getId())).isTrue();
        ResponseEntity<String> sent = as("bella").getForEntity("/api/claims/" + claimId + "/x12", String.class);
        assertThat(sent.getHeaders().getFirst("X-Claim-Status")).isEqualTo("SENT");
        assertThat(sent.getHeaders().getFirst("X-Claim-File")).matches("837P-BCBS-\\d{9}\\.x12");
        assertThat(sent.getBody()).isEqualTo(file.getBody());

        assertThat(as("carla").getForEntity("/api/claims/" + claimId + "/x12", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/api/claims/" + claimId + "/x12", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(as("bella").getForEntity("/api/claims/999999999/x12", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
