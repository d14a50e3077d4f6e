package com.claimflow.intake;

import static com.claimflow.support.Problems.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.claimflow.base.BadInputException;
import com.claimflow.demo.DemoReferenceData;
import com.claimflow.support.ApiTestBase;
import com.claimflow.support.Encounters;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Intake holds every field to its column's width (db/migration: encounter), keeps control characters and X12 delimiters
 * out of what goes into the 837, and refuses impossible dates and place of service 00, each time naming the field.
 */
class EncounterInputIT extends ApiTestBase {
    @Autowired ObjectMapper json;
    @Autowired EncounterService encounters;

    private ObjectNode visit() throws Exception {
        return (ObjectNode) json.readTree(EncounterApiIT.body("IN-" + UUID.randomUUID(), "BCBS", DemoReferenceData.CLINIC_NPI));
    }

    private ResponseEntity<String> post(Consumer<ObjectNode> change) throws Exception {
        ObjectNode body = visit();
        change.accept(body);
        return postJson("bella", "/api/encounters", json.writeValueAsString(body));
    }


    private static ObjectNode at(ObjectNode body, String path) {
        return path.isEmpty() ? body : (ObjectNode) body.get(path);
    }

    /** Each field's column width: the longest value is stored, one character more is refused naming the field. */
    @Test
    void everyTextFieldTakesItsColumnsWidthAndNotOneCharacterMore() throws Exception {
        String npi = DemoReferenceData.npi("998877665");
        Map<String, Integer> widths = new LinkedHashMap<>();
        widths.put("externalId", 64);
        widths.put("patient.firstName", 60);
        widths.put("patient.lastName", 60);
        widths.put("coverage.memberId", 40);
        widths.put("priorAuthorization", 50);
        widths.put("documentation", 100_000);
        long before = encounters.count();
        for (Map.Entry<String, Integer> w : widths.entrySet()) {
            String[] path = w.getKey().split("\\.");
            String parent = path.length == 2 ? path[0] : "";
            String name = path[path.length - 1];
            String tooLong = "A".repeat(w.getValue() - 8) + UUID.randomUUID().toString().substring(0, 9);
            assertThat(refused(post(b -> at(b, parent).put(name, tooLong)), w.getKey())).as(w.getKey()).contains("size must be between");
        }
        assertThat(refused(post(b -> b.put("referringProviderNpi", npi).put("referringProviderName", "L".repeat(60) + ", " + "F".repeat(39))),
                "referringProviderName")).contains("size must be between");
        assertThat(refused(post(b -> ((ObjectNode) b.get("coverage")).put("payerId", "P".repeat(21))), "coverage.payerId"))
                .contains("size must be between");
        assertThat(refused(post(b -> ((ObjectNode) b.get("coverage")).put("payerId", "P".repeat(20))), "coverage.payerId"))
                .contains("unknown payer");
        assertThat(encounters.count()).isEqualTo(before);

        String externalId = "X".repeat(28) + UUID.randomUUID(); // 64 characters
        ResponseEntity<String> longest = post(b -> {
            b.put("externalId", externalId).put("priorAuthorization", "P".repeat(50)).put("documentation", "D".repeat(100_000))
                    .put("referringProviderNpi", npi).put("referringProviderName", "L".repeat(60) + ", " + "F".repeat(38));
            ((ObjectNode) b.get("patient")).put("firstName", "F".repeat(60)).put("lastName", "L".repeat(60));
            ((ObjectNode) b.get("coverage")).put("memberId", "M".repeat(40));
        });
        assertThat(longest.getStatusCode()).as(longest.getBody()).isEqualTo(HttpStatus.CREATED);
        Encounter stored = encounters.get(json.readTree(longest.getBody()).get("id").asLong());
        assertThat(stored.externalId()).isEqualTo(externalId);
        assertThat(stored.patientLastName()).hasSize(60);
        assertThat(stored.memberId()).hasSize(40);
        assertThat(stored.documentation()).hasSize(100_000);
    }

    @Test
    void controlCharactersAndX12DelimitersAreRefusedNamingTheField() throws Exception {
        assertThat(refused(post(b -> ((ObjectNode) b.get("patient")).put("lastName", "Nul\u0000l")), "patient.lastName")).contains("control characters");
        assertThat(refused(post(b -> ((ObjectNode) b.get("patient")).put("firstName", "Bell\u0007")), "patient.firstName")).contains("control characters");
        for (String delimiter : new String[] {"~", "*", ":", "^"}) {
            assertThat(refused(post(b -> ((ObjectNode) b.get("coverage")).put("memberId", "XYZ" + delimiter + "123")), "coverage.memberId"))
                    .as(delimiter).contains("X12 delimiters ~ * : ^");
        }
        assertThat(refused(post(b -> b.put("externalId", "EHR~1")), "externalId")).contains("X12 delimiters");
        assertThat(refused(post(b -> b.put("priorAuthorization", "PA*1")), "priorAuthorization")).contains("X12 delimiters");
        assertThat(refused(post(b -> b.put("documentation", "note\u0000")), "documentation")).contains("control characters");
        ResponseEntity<String> noteWithLines = post(b -> b.put("documentation", "Line one.\r\n\tLine two: BP 120/80 ~ stable *"));
        assertThat(noteWithLines.getStatusCode()).as(noteWithLines.getBody()).isEqualTo(HttpStatus.CREATED);

        // callers other than the API (the demo loader, a UI form) meet the same rules
        assertThatThrownBy(() -> encounters.open(Encounters.visit().memberId("XYZ~123").request()))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("coverage.memberId:");
        Encounter e = encounters.open(Encounters.visit().request());
        assertThatThrownBy(() -> encounters.correctMemberId(e.id(), "ABC*123")).hasMessageStartingWith("memberId:");
        assertThatThrownBy(() -> encounters.correctMemberId(e.id(), "M".repeat(41))).hasMessageStartingWith("memberId:");
        assertThatThrownBy(() -> encounters.recordPriorAuthorization(e.id(), "PA\u0000")).hasMessageStartingWith("priorAuthorization:");
    }

    @Test
    void impossibleDatesAreRefusedNamingTheFieldAndTheRange() throws Exception {
        long before = encounters.count();
        String earliest = LocalDate.now().minusYears(3).toString();
        for (String dos : new String[] {"0001-01-01", "0000-01-01", "-0001-01-01", "+999999999-12-31", LocalDate.now().plusDays(2).toString(),
                LocalDate.now().minusYears(3).minusDays(1).toString()}) {
            assertThat(refused(post(b -> b.put("dateOfService", dos)), "dateOfService")).as(dos).contains("from " + earliest);
        }
        String dos = LocalDate.now().minusDays(2).toString();
        assertThat(refused(post(b -> ((ObjectNode) b.get("patient")).put("birthDate", LocalDate.now().toString())), "patient.birthDate"))
                .contains("to the date of service " + dos);
        assertThat(refused(post(b -> ((ObjectNode) b.get("patient")).put("birthDate", "1800-01-01")), "patient.birthDate"))
                .contains("at most 130 years");
        assertThat(refused(post(b -> ((ObjectNode) b.get("patient")).put("birthDate", "0000-01-01")), "patient.birthDate"))
                .contains("'0000-01-01'");
        assertThat(encounters.count()).isEqualTo(before);

        ResponseEntity<String> newborn = post(b -> ((ObjectNode) b.get("patient")).put("birthDate", dos));
        assertThat(newborn.getStatusCode()).as("a newborn seen on the day of birth").isEqualTo(HttpStatus.CREATED);
        ResponseEntity<String> tomorrow = post(b -> b.put("dateOfService", LocalDate.now().plusDays(1).toString()));
        assertThat(tomorrow.getStatusCode()).as("the sending system's day may start before ours").isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void anAdmissionLiesBetweenTheBirthAndTheDateOfService() throws Exception {
        String inpatient = """
                {"facilityTypeCode": "11", "admittedAt": "%s", "admissionType": "1", "admissionSource": "1", "patientStatus": "01",
                 "revenueCode": "0120"}""";
        for (String admitted : new String[] {"1979-12-31T23:00", LocalDate.now().plusDays(1) + "T00:00", "0000-01-01T00:00"}) {
            ResponseEntity<String> r = postJson("bella", "/api/encounters", EncounterApiIT.institutional("IA-" + UUID.randomUUID(),
                    inpatient.formatted(admitted)).replace("1980-02-29", "1980-01-01"));
            assertThat(refused(r, "institutional.admittedAt")).as(admitted).containsAnyOf("before the patient's birth date", "after the date of service");
        }
    }

    @Test
    void placeOfServiceIsACmsCode() throws Exception {
        assertThat(refused(post(b -> b.put("placeOfService", "00")), "placeOfService")).contains("01 to 99");
        assertThat(refused(post(b -> b.put("placeOfService", "1")), "placeOfService")).contains("01 to 99");
        assertThat(post(b -> b.put("placeOfService", "02")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }
}
