package com.claimflow.scrub;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.claim.ClaimService;
import com.claimflow.claim.ClaimStatus;
import com.claimflow.demo.DemoReferenceData;
import com.claimflow.intake.Encounter;
import com.claimflow.intake.EncounterService;
import com.claimflow.support.ApiTestBase;
import com.claimflow.support.Encounters;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class ScrubApiIT extends ApiTestBase {
    @Autowired EncounterService encounters;
    @Autowired ClaimService claims;
    private final ObjectMapper json = new ObjectMapper();

    private static String claim(String memberId, LocalDate dos, String lines) {
        return """
                {"payerId": "BCBS", "memberId": "%s", "billingProviderNpi": "%s", "renderingProviderNpi": "%s",
                 "placeOfService": "11", "dateOfService": "%s", "patient": {"birthDate": "1970-05-17", "sex": "F"},
                 "diagnoses": ["I10"], "lines": [%s]}""".formatted(memberId, DemoReferenceData.CLINIC_NPI, DemoReferenceData.DR_ADAMS_NPI, dos, lines);
    }

    private List<String> editIds(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        answer.get("findings").forEach(f -> ids.add(f.get("editId").asText() + "@" + f.get("location").asText()));
        return ids;
    }

    @Test
    void aCleanClaimComesBackCleanAndNothingIsSaved() throws Exception {
        long before = encounters.count();
        ResponseEntity<String> r = postJson("bella", "/api/scrub",
                claim("ABC123456789", LocalDate.now().minusDays(3), "{\"code\": \"99213\", \"units\": 1, \"charge\": 120.00, \"pointers\": [1]}"));

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode answer = json.readTree(r.getBody());
        assertThat(editIds(answer)).isEmpty();
        assertThat(answer.get("clean").asBoolean()).isTrue();
        assertThat(encounters.count()).isEqualTo(before);
    }

    @Test
    void everyEditOfABadClaimIsReturnedWithSeverityOwnerAndPlace() throws Exception {
        String body = """
                {"payerId": "BCBS", "memberId": "12345", "billingProviderNpi": "1234567890", "placeOfService": "11",
                 "dateOfService": "%s", "patient": {"birthDate": "1950-01-01", "sex": "F"},
                 "diagnoses": ["I10", "N40.0"], "lines": [{"code": "99213", "modifiers": ["LT", "RT"], "units": 0, "charge": 120.00, "pointers": [3]}]}"""
                .formatted(LocalDate.now().minusDays(3));
        JsonNode answer = json.readTree(postJson("carla", "/api/scrub", body).getBody());

        assertThat(answer.get("clean").asBoolean()).isFalse();
        assertThat(editIds(answer)).contains("SUBSCRIBER_ID_FORMAT@subscriber.memberId", "NPI_INVALID@billingProvider.npi",
                "REQUIRED_FIELD@billingProvider", "AGE_SEX@diagnosis 2", "MODIFIER@line 1", "UNITS@line 1", "DIAGNOSIS_POINTER@line 1");
        JsonNode ageSex = java.util.stream.StreamSupport.stream(answer.get("findings").spliterator(), false)
                .filter(f -> f.get("editId").asText().equals("AGE_SEX")).findFirst().orElseThrow();
        assertThat(ageSex.get("severity").asText()).isEqualTo("ERROR");
        assertThat(ageSex.get("owner").asText()).isEqualTo("CODER");
        assertThat(ageSex.get("message").asText()).contains("male patients");
    }

    @Test
    void aClaimAlreadySentForTheSamePatientProviderDayAndCodesIsADuplicate() throws Exception {
        String member = "DUP" + (100_000_000 + ThreadLocalRandom.current().nextInt(899_999_999));
        LocalDate dos = LocalDate.now().minusDays(5);
        Encounter e = encounters.open(Encounters.visit().payer("BCBS", member).on(dos).request());
        driver.runJobs();
        driver.code(e.id(), "I10", "99213 1 1");
        driver.runJobs();
        assertThat(claims.latestFor(e.id()).orElseThrow().status()).isIn(ClaimStatus.SUBMITTED, ClaimStatus.ACCEPTED, ClaimStatus.PAID);

        JsonNode same = json.readTree(postJson("bella", "/api/scrub", claim(member, dos, "{\"code\": \"99213\", \"units\": 1, \"charge\": 120.00, \"pointers\": [1]}")).getBody());
        assertThat(editIds(same)).containsExactly("DUPLICATE_CLAIM@claim");

        JsonNode other = json.readTree(postJson("bella", "/api/scrub", claim(member, dos, "{\"code\": \"99214\", \"units\": 1, \"charge\": 150.00, \"pointers\": [1]}")).getBody());
        assertThat(editIds(other)).doesNotContain("DUPLICATE_CLAIM@claim");
    }

    @Test
    void fractionalUnitsAreRefusedNamingTheLineInsteadOfBeingCutToAWholeNumber() throws Exception {
        ResponseEntity<String> r = postJson("bella", "/api/scrub", claim("ABC123456789", LocalDate.now().minusDays(3),
                "{\"code\": \"99213\", \"units\": 1, \"charge\": 120.00, \"pointers\": [1]},"
                        + " {\"code\": \"36415\", \"units\": 1.5, \"charge\": 12.00, \"pointers\": [1]}"));
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r.getBody()).contains("lines[1].units").contains("whole number").contains("1.5");

        ResponseEntity<String> whole = postJson("bella", "/api/scrub", claim("ABC123456789", LocalDate.now().minusDays(3),
                "{\"code\": \"99213\", \"units\": 1.0, \"charge\": 120.00, \"pointers\": [1]}"));
        assertThat(whole.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(editIds(json.readTree(whole.getBody()))).isEmpty();
    }

    @Test
    void anUnassignedPlaceOfServiceIsAFindingOnTheField() throws Exception {
        String body = claim("ABC123456789", LocalDate.now().minusDays(3), "{\"code\": \"99213\", \"units\": 1, \"charge\": 120.00, \"pointers\": [1]}")
                .replace("\"placeOfService\": \"11\"", "\"placeOfService\": \"30\"");
        assertThat(editIds(json.readTree(postJson("bella", "/api/scrub", body).getBody()))).containsExactly("PLACE_OF_SERVICE@placeOfService");
    }

    @Test
    void scrubbingNeedsASignedInUserAndADateOfService() {
        assertThat(http.postForEntity("/api/scrub", "{}", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(postJson("bella", "/api/scrub", "{\"payerId\": \"BCBS\"}").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
