package com.claimflow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.demo.DemoReferenceData;
import com.claimflow.support.ApiTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class EncounterApiIT extends ApiTestBase {
    @Autowired ObjectMapper json;
    @Autowired RuntimeService runtime;
    @Autowired EncounterService encounters;
    @org.springframework.boot.test.web.server.LocalServerPort int port;

    static String body(String externalId, String payerId, String billingNpi) {
        return """
                {"externalId": "%s",
                 "patient": {"firstName": "Robin", "lastName": "Test", "birthDate": "1980-02-29", "sex": "F"},
                 "coverage": {"payerId": "%s", "memberId": "XYZ123456789"},
                 "billingProviderNpi": "%s", "renderingProviderNpi": "%s",
                 "dateOfService": "%s", "placeOfService": "11", "claimType": "PROFESSIONAL",
                 "documentation": "Synthetic note."}
                """.formatted(externalId, payerId, billingNpi, DemoReferenceData.DR_ADAMS_NPI, LocalDate.now().minusDays(2));
    }

    @Test
    void intakeStartsTheProcessAndTheStatusShowsTheCodingTask() throws Exception {
        String externalId = "API-" + UUID.randomUUID();
        ResponseEntity<String> created = postJson("bella", "/api/encounters", body(externalId, "BCBS", DemoReferenceData.CLINIC_NPI));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long id = json.readTree(created.getBody()).get("id").asLong();
        assertThat(created.getHeaders().getLocation()).hasToString("/api/encounters/" + id);

        driver.runJobs();
        JsonNode status = json.readTree(as("bella").getForObject("/api/encounters/" + id, String.class));
        assertThat(status.get("stage").asText()).isEqualTo("CODING");
        assertThat(status.get("openTasks").get(0).get("taskType").asText()).isEqualTo("CodeEncounter");
        assertThat(status.get("openTasks").get(0).get("queue").asText()).isEqualTo("coders");
        assertThat(status.get("balance").decimalValue()).isZero();
    }

    @Test
    void theSameExternalIdTwiceIsAConflictAndStartsNoSecondProcess() throws Exception {
        String externalId = "DUP-" + UUID.randomUUID();
        ResponseEntity<String> first = postJson("bella", "/api/encounters", body(externalId, "BCBS", DemoReferenceData.CLINIC_NPI));
        ResponseEntity<String> second = postJson("bella", "/api/encounters", body(externalId, "BCBS", DemoReferenceData.CLINIC_NPI));
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        long id = json.readTree(first.getBody()).get("id").asLong();
        assertThat(json.readTree(second.getBody()).get("existing").get("encounterId").asLong()).isEqualTo(id);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("encounter").processInstanceBusinessKey(String.valueOf(id)).count())
                .isEqualTo(1);
    }

    @Test
    void badInputIsRefusedWithTheFieldNamedAndNothingCreated() throws Exception {
        long before = encounters.count();
        ResponseEntity<String> malformed = postJson("bella", "/api/encounters", "{\"externalId\": ");
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(malformed.getBody()).contains("not valid JSON");

        ResponseEntity<String> missing = postJson("bella", "/api/encounters", body("", "BCBS", DemoReferenceData.CLINIC_NPI));
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(missing.getBody()).get("fields").has("externalId")).isTrue();

        ResponseEntity<String> badDate = postJson("bella", "/api/encounters",
                body("X-" + UUID.randomUUID(), "BCBS", DemoReferenceData.CLINIC_NPI).replace("1980-02-29", "1980-02-30"));
        assertThat(badDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badDate.getBody()).contains("patient.birthDate");

        ResponseEntity<String> unknownPayer = postJson("bella", "/api/encounters", body("X-" + UUID.randomUUID(), "NOPE", DemoReferenceData.CLINIC_NPI));
        assertThat(unknownPayer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(unknownPayer.getBody()).get("fields").get("coverage.payerId").asText()).contains("unknown payer 'NOPE'");

        ResponseEntity<String> badNpi = postJson("bella", "/api/encounters", body("X-" + UUID.randomUUID(), "BCBS", "1234567890"));
        assertThat(badNpi.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(badNpi.getBody()).get("fields").get("billingProviderNpi").asText()).contains("check digit");

        ResponseEntity<String> badReferring = postJson("bella", "/api/encounters", body("X-" + UUID.randomUUID(), "BCBS", DemoReferenceData.CLINIC_NPI)
                .replace("\"documentation\"", "\"referringProviderNpi\": \"1234567890\", \"documentation\""));
        assertThat(badReferring.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(badReferring.getBody()).get("fields").get("referringProviderNpi").asText()).contains("not a valid NPI");

        assertThat(encounters.count()).isEqualTo(before);
    }

    static String institutional(String externalId, String ub04) {
        return body(externalId, "BCBS", DemoReferenceData.HOSPITAL_NPI).replace("\"PROFESSIONAL\"", "\"INSTITUTIONAL\"")
                .replace("\"documentation\"", (ub04 == null ? "" : "\"institutional\": " + ub04 + ", ") + "\"documentation\"");
    }

    private String field(ResponseEntity<String> response, String field) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode fields = json.readTree(response.getBody()).get("fields");
        assertThat(fields.has(field)).as(response.getBody()).isTrue();
        return fields.get(field).asText();
    }

    @Test
    void anInstitutionalEncounterCarriesItsUb04DataAndIsToldWhichFieldIsMissingOrWrong() throws Exception {
        long before = encounters.count();
        String outpatient = """
                {"facilityTypeCode": "13", "admissionType": "3", "admissionSource": "2", "patientStatus": "01",
                 "revenueCode": "0510", "revenueCodes": {"36415": "0300"}}""";
        assertThat(field(postJson("bella", "/api/encounters", institutional("I-" + UUID.randomUUID(), null)), "institutional"))
                .contains("required for an INSTITUTIONAL encounter");
        assertThat(field(postJson("bella", "/api/encounters", institutional("I-" + UUID.randomUUID(), outpatient.replace("\"13\"", "\"11\""))),
                "institutional.admittedAt")).contains("required on an inpatient or home health bill (facility type 11)");
        assertThat(field(postJson("bella", "/api/encounters", institutional("I-" + UUID.randomUUID(), outpatient.replace("\"13\"", "\"9\""))),
                "institutional.facilityTypeCode")).contains("'9' is not a facility type code");
        assertThat(field(postJson("bella", "/api/encounters", institutional("I-" + UUID.randomUUID(), outpatient.replace("\"admissionType\": \"3\"",
                "\"admissionType\": \"7\""))), "institutional.admissionType")).contains("'7' is not a NUBC admission type");
        assertThat(field(postJson("bella", "/api/encounters", institutional("I-" + UUID.randomUUID(), outpatient.replace("\"admissionSource\": \"2\", ", ""))),
                "institutional.admissionSource")).contains("is required: a NUBC point of origin");
        assertThat(field(postJson("bella", "/api/encounters", institutional("I-" + UUID.randomUUID(), outpatient.replace("\"01\"", "\"99\""))),
                "institutional.patientStatus")).contains("'99' is not a NUBC patient discharge status");
        assertThat(field(postJson("bella", "/api/encounters", institutional("I-" + UUID.randomUUID(), outpatient.replace("\"0300\"", "\"300\""))),
                "institutional.revenueCodes.36415")).contains("'300' is not a four-digit NUBC revenue code");
        assertThat(field(postJson("bella", "/api/encounters", institutional("I-" + UUID.randomUUID(), outpatient.replace("\"13\"", "\"11\"")
                .replace("{", "{\"admittedAt\": \"2026-02-30T08:00\", "))), "institutional.admittedAt")).contains("not a valid");
        assertThat(field(postJson("bella", "/api/encounters", body("P-" + UUID.randomUUID(), "BCBS", DemoReferenceData.CLINIC_NPI)
                .replace("\"documentation\"", "\"institutional\": " + outpatient + ", \"documentation\"")), "institutional"))
                .contains("only for INSTITUTIONAL encounters");
        assertThat(field(postJson("bella", "/api/encounters", body("R-" + UUID.randomUUID(), "BCBS", DemoReferenceData.CLINIC_NPI)
                .replace("\"documentation\"", "\"referringProviderNpi\": \"" + DemoReferenceData.npi("112233445") + "\", \"documentation\"")),
                "referringProviderName")).contains("is required when the referring provider").contains("is not on file");
        assertThat(encounters.count()).isEqualTo(before);

        ResponseEntity<String> created = postJson("bella", "/api/encounters", institutional("I-" + UUID.randomUUID(), outpatient));
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        Encounter e = encounters.get(json.readTree(created.getBody()).get("id").asLong());
        assertThat(e.claimType()).isEqualTo("INSTITUTIONAL");
        assertThat(e.facilityTypeCode()).isEqualTo("13");
        assertThat(e.revenueCodeFor("99213")).isEqualTo("0510");
        assertThat(e.revenueCodeFor("36415")).isEqualTo("0300");
    }

    @Test
    void nothingAnswersWithoutLoginAndCodersCannotOpenEncounters() {
        assertThat(http.getForEntity("/api/encounters/1", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("bianca", "wrong").getForEntity("/api/encounters/1", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> coder = postJson("carla", "/api/encounters", body("C-" + UUID.randomUUID(), "BCBS", DemoReferenceData.CLINIC_NPI));
        assertThat(coder.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void camundaWebappsAndTheUiNeedLogin() throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (String path : new String[] {"/camunda/app/cockpit/default/", "/"}) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElseThrow()).as(path).endsWith("/login");
        }
        // Camunda's REST answers 401, not a redirect to a page
        HttpResponse<String> rest = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/api/engine/engine/default/process-definition")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(rest.statusCode()).isEqualTo(401);
    }
}
