package com.claimflow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.demo.DemoReferenceData;
import com.claimflow.support.ApiTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Intake of the patient's coverages: up to three in payer order, each with its subscriber, the patient (18) or another
 * person who must be named with birth date and sex (837 loop 2010BA); bad combinations are refused naming the field.
 */
class EncounterCoverageIT extends ApiTestBase {
    @Autowired ObjectMapper json;
    @Autowired EncounterService encounters;
    @Autowired JdbcTemplate jdbc;

    private static final String SPOUSE = """
            {"order": 1, "payerId": "BCBS", "memberId": "XYZ123456789", "groupNumber": "88001", "relationship": "01",
             "subscriber": {"lastName": "Test", "firstName": "Sam", "birthDate": "1978-07-04", "sex": "M", "memberId": "XYZ123456700",
                            "address": {"line1": "12 Elm St", "city": "Springfield", "state": "IL", "postalCode": "62704"}}}""";
    private static final String SECONDARY_SELF = """
            {"order": 2, "payerId": "AETNA", "memberId": "W123456789", "groupNumber": "A-77"}""";

    private static String body(String coverages) {
        return """
                {"externalId": "COV-%s",
                 "patient": {"firstName": "Robin", "lastName": "Test", "birthDate": "1980-02-29", "sex": "F", "phone": "6145550123",
                             "address": {"line1": "12 Elm St", "line2": "Apt 4", "city": "Springfield", "state": "IL", "postalCode": "62704"}},
                 %s,
                 "billingProviderNpi": "%s", "renderingProviderNpi": "%s",
                 "dateOfService": "%s", "placeOfService": "11", "claimType": "PROFESSIONAL"}
                """.formatted(UUID.randomUUID(), coverages, DemoReferenceData.CLINIC_NPI, DemoReferenceData.DR_ADAMS_NPI, LocalDate.now().minusDays(2));
    }

    private String refused(ResponseEntity<String> response, String field) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode fields = json.readTree(response.getBody()).get("fields");
        assertThat(fields.has(field)).as(response.getBody()).isTrue();
        return fields.get(field).asText();
    }

    private ResponseEntity<String> post(String coverages) {
        return postJson("bella", "/api/encounters", body(coverages));
    }

    @Test
    void aSpouseSubscribedPrimaryAndASecondaryAreKeptInPayerOrder() throws Exception {
        ResponseEntity<String> created = post("\"coverages\": [" + SECONDARY_SELF + ", " + SPOUSE + "]");
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        long id = json.readTree(created.getBody()).get("id").asLong();

        Encounter e = encounters.get(id);
        assertThat(e.coverages()).extracting(CoverageOnFile::order, CoverageOnFile::payerId, CoverageOnFile::relationship, CoverageOnFile::isSelf)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "BCBS", "01", false), org.assertj.core.groups.Tuple.tuple(2, "AETNA", "18", true));
        CoverageOnFile primary = e.coverage(CoverageOnFile.PRIMARY).orElseThrow();
        assertThat(primary.groupNumber()).isEqualTo("88001");
        assertThat(primary.subscriber()).isEqualTo(new Subscriber("Test", "Sam", LocalDate.of(1978, 7, 4), "M",
                new EncounterRequest.Address("12 Elm St", null, "Springfield", "IL", "62704"), "XYZ123456700"));
        assertThat(primary.subscriberMemberId()).isEqualTo("XYZ123456700");
        assertThat(e.coverage(CoverageOnFile.SECONDARY).orElseThrow().subscriber()).isNull();
        assertThat(e.coverage(CoverageOnFile.TERTIARY)).isEmpty();
        assertThat(encounters.coveragesOf(id)).isEqualTo(e.coverages());
        // the encounter's payer and member id stay the primary's: other modules read them there
        assertThat(e.payerId()).isEqualTo("BCBS");
        assertThat(e.memberId()).isEqualTo("XYZ123456789");
        assertThat(e.patientPhone()).isEqualTo("6145550123");
        assertThat(e.patientAddress().line2()).isEqualTo("Apt 4");
        assertThat(encounters.search(e.externalId(), org.springframework.data.domain.PageRequest.of(0, 5)).get(0).coverages())
                .isEqualTo(e.coverages());
    }

    @Test
    void openAnswersTheEncounterWithItsCoveragesAndAddressAsStored() throws Exception {
        String text = body("\"coverages\": [" + SECONDARY_SELF + ", " + SPOUSE + "]").replace(
                "\"line1\": \"12 Elm St\", \"line2\": \"Apt 4\", \"city\": \"Springfield\"",
                "\"line1\": \" 12 Elm St \", \"line2\": \"  \", \"city\": \"Springfield \"");
        Encounter opened = encounters.open(json.readValue(text, EncounterRequest.class));

        Encounter stored = encounters.get(opened.id());
        assertThat(opened.patientAddress()).isEqualTo(new EncounterRequest.Address("12 Elm St", null, "Springfield", "IL", "62704"))
                .isEqualTo(stored.patientAddress());
        assertThat(opened.coverages()).extracting(CoverageOnFile::order).containsExactly(1, 2);
        assertThat(opened.coverages()).isEqualTo(stored.coverages());
        assertThat(opened.coverage(CoverageOnFile.PRIMARY).orElseThrow().subscriber().address())
                .isEqualTo(new EncounterRequest.Address("12 Elm St", null, "Springfield", "IL", "62704"));
        assertThat(opened.processInstanceId()).isNotNull().isEqualTo(stored.processInstanceId());
    }

    @Test
    void anEncounterWithTheSingleCoverageHasOnePrimaryWhoseSubscriberIsThePatient() throws Exception {
        ResponseEntity<String> created = post("\"coverage\": {\"payerId\": \"BCBS\", \"memberId\": \"XYZ123456789\"}");
        long id = json.readTree(created.getBody()).get("id").asLong();
        assertThat(encounters.get(id).coverages()).containsExactly(new CoverageOnFile(1, "BCBS", "XYZ123456789", null, "18", null));
        // an encounter opened before coverages were kept, its member id then corrected on another node: the row's member id
        // is not the one of the coverages this node keeps, so they are read again, and the primary is made from the row
        jdbc.update("delete from encounter_coverage where encounter_id = ?", id);
        jdbc.update("update encounter set member_id = ? where id = ?", "XYZ000000002", id);
        assertThat(encounters.get(id).coverages()).containsExactly(new CoverageOnFile(1, "BCBS", "XYZ000000002", null, "18", null));
        // a corrected member id is the primary coverage's
        encounters.correctMemberId(id, "XYZ000000001");
        assertThat(encounters.get(id).coverage(1).orElseThrow().memberId()).isEqualTo("XYZ000000001");
    }

    @Test
    void badCoveragesAreRefusedNamingTheField() throws Exception {
        long before = encounters.count();
        assertThat(refused(post("\"coverage\": {\"payerId\": \"BCBS\"}, \"coverages\": [" + SPOUSE + "]"), "coverages"))
                .contains("either coverage").contains("not both");
        assertThat(refused(post("\"coverages\": [" + SECONDARY_SELF + "]"), "coverages[0].order"))
                .contains("a secondary coverage (2) needs a primary (1)");
        assertThat(refused(post("\"coverages\": [" + SPOUSE + ", " + SPOUSE + "]"), "coverages[1].order")).contains("order 1 is given twice");
        assertThat(refused(post("\"coverages\": [" + SPOUSE + ", " + SECONDARY_SELF.replace("\"order\": 2", "\"order\": 4") + "]"),
                "coverages[1].order")).contains("must be 1 (primary), 2 (secondary) or 3 (tertiary)");
        assertThat(refused(post("\"coverages\": [" + SECONDARY_SELF.replace("\"order\": 2", "\"order\": 1") + ", "
                + SPOUSE.replace("\"order\": 1", "\"order\": 2").replace("\"birthDate\": \"1978-07-04\", ", "") + "]"),
                "coverages[1].subscriber.birthDate")).isEqualTo("required when the subscriber is not the patient");
        assertThat(refused(post("\"coverages\": [" + SPOUSE.replace("\"sex\": \"M\", ", "") + "]"), "coverages[0].subscriber.sex"))
                .isEqualTo("required when the subscriber is not the patient");
        assertThat(refused(post("\"coverages\": [" + SPOUSE.replace("\"relationship\": \"01\"", "\"relationship\": \"18\"") + "]"),
                "coverages[0].subscriber")).contains("must be left out when the patient is the subscriber");
        assertThat(refused(post("\"coverages\": [" + SPOUSE.replace("\"relationship\": \"01\"", "\"relationship\": \"99\"") + "]"),
                "coverages[0].relationship")).contains("X12 individual relationship code");
        assertThat(refused(post("\"coverages\": [" + SECONDARY_SELF.replace("\"order\": 2", "\"order\": 1").replace("AETNA", "NOPE") + "]"),
                "coverages[0].payerId")).contains("unknown payer 'NOPE'");
        assertThat(refused(post("\"coverages\": []"), "coverages")).contains("is required");
        // X222A1 2010CA: the patient's address goes on the claim when someone else is the subscriber
        assertThat(refused(postJson("bella", "/api/encounters", body("\"coverages\": [" + SPOUSE + "]")
                .replaceAll(",\\s*\"address\": \\{[^}]*\\}", "")),
                "patient.address")).contains("required when the patient is not the subscriber of coverages[0]");
        assertThat(refused(postJson("bella", "/api/encounters", body("\"coverage\": {\"payerId\": \"BCBS\"}").replace("6145550123", "614-555")),
                "patient.phone")).contains("ten-digit phone number");
        assertThat(encounters.count()).isEqualTo(before);
    }

    @Test
    void the837iDataAGuideRequiresIsAskedForNamingTheField() throws Exception {
        String inpatient = """
                "claimType": "INSTITUTIONAL", "institutional": {"facilityTypeCode": "11", "admittedAt": "%sT22:15", "admissionType": "1",
                 "admissionSource": "1", "patientStatus": "01", "revenueCode": "0120"%s}""";
        LocalDate dos = LocalDate.now().minusDays(2);
        String coverage = "\"coverage\": {\"payerId\": \"BCBS\", \"memberId\": \"XYZ123456789\"}";
        java.util.function.Function<String, ResponseEntity<String>> open = ub04 -> postJson("bella", "/api/encounters",
                body(coverage).replace("\"claimType\": \"PROFESSIONAL\"", ub04).replace(DemoReferenceData.CLINIC_NPI, DemoReferenceData.HOSPITAL_NPI));
        assertThat(refused(open.apply(inpatient.formatted(dos.minusDays(1), "")), "institutional.admittingDiagnosis"))
                .contains("required on an inpatient bill (facility type 11)").contains("HI*ABJ");
        assertThat(refused(open.apply(inpatient.formatted(dos.minusDays(1), ", \"admittingDiagnosis\": \"R07.9\"")), "institutional.dischargedAt"))
                .contains("required when an inpatient (facility type 11) was discharged").contains("DTP*096");
        ResponseEntity<String> stay = open.apply(inpatient.formatted(dos.minusDays(1), ", \"admittingDiagnosis\": \"R07.9\", \"dischargedAt\": \""
                + dos + "T10:40\""));
        assertThat(stay.getStatusCode()).as(stay.getBody()).isEqualTo(HttpStatus.CREATED);
        Encounter e = encounters.get(json.readTree(stay.getBody()).get("id").asLong());
        assertThat(e.admittingDiagnosis()).isEqualTo("R07.9");
        assertThat(e.dischargedAt()).isEqualTo(dos.atTime(10, 40));

        String emergency = """
                "claimType": "INSTITUTIONAL", "institutional": {"facilityTypeCode": "13", "admissionType": "1",
                 "admissionSource": "1", "patientStatus": "01", "revenueCode": "0450"%s}""";
        assertThat(refused(open.apply(emergency.formatted("")), "institutional.reasonForVisit"))
                .contains("required on an unscheduled outpatient visit (facility type 13, admission type 1 ").contains("HI*APR");
        ResponseEntity<String> er = open.apply(emergency.formatted(", \"reasonForVisit\": [\"r07.9\", \"R06.02\"]"));
        assertThat(er.getStatusCode()).as(er.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(encounters.get(json.readTree(er.getBody()).get("id").asLong()).reasonForVisit()).containsExactly("R07.9", "R06.02");
    }
}
