package com.claimflow.scrub;

import static com.claimflow.support.Problems.refused;
import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.demo.DemoReferenceData;
import com.claimflow.support.ApiTestBase;
import java.time.LocalDate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** {@code POST /api/scrub} holds a claim to the 837's line limit, sane dates and whole values, each refusal naming the field. */
class ScrubLimitsIT extends ApiTestBase {

    static String claim(String claimType, String dos, String birthDate, String lines) {
        return """
                {"claimType": "%s", "payerId": "BCBS", "memberId": "ABC123456789", "billingProviderNpi": "%s",
                 "placeOfService": "11", "dateOfService": "%s", "patient": {"birthDate": "%s", "sex": "F"},
                 "diagnoses": ["I10"], "lines": [%s]}""".formatted(claimType, DemoReferenceData.CLINIC_NPI, dos, birthDate, lines);
    }

    static String lines(int count) {
        return IntStream.range(0, count).mapToObj(i -> "{\"code\": \"99213\", \"units\": 1, \"charge\": 120.00, \"pointers\": [1]}")
                .collect(Collectors.joining(", "));
    }

    private static String recent() {
        return LocalDate.now().minusDays(3).toString();
    }


    @Test
    void aFiftyLineClaimScrubsFastAndFiftyOneLinesAreRefusedNamingTheField() throws Exception {
        postJson("bella", "/api/scrub", claim("PROFESSIONAL", recent(), "1970-05-17", lines(50))); // warm-up
        long start = System.nanoTime();
        ResponseEntity<String> fifty = postJson("bella", "/api/scrub", claim("PROFESSIONAL", recent(), "1970-05-17", lines(50)));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(fifty.getStatusCode()).as(fifty.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(millis).as("50 lines took %d ms", millis).isLessThan(2_000);

        ResponseEntity<String> fiftyOne = postJson("bella", "/api/scrub", claim("PROFESSIONAL", recent(), "1970-05-17", lines(51)));
        assertThat(refused(fiftyOne, "lines")).contains("51 service lines").contains("837P").contains("at most 50");
    }

    @Test
    void anInstitutionalClaimCarriesUpTo999Lines() throws Exception {
        ResponseEntity<String> many = postJson("bella", "/api/scrub", claim("INSTITUTIONAL", recent(), "1970-05-17", lines(999)));
        assertThat(many.getStatusCode()).as(many.getBody()).isEqualTo(HttpStatus.OK);
        ResponseEntity<String> tooMany = postJson("bella", "/api/scrub", claim("INSTITUTIONAL", recent(), "1970-05-17", lines(1000)));
        assertThat(refused(tooMany, "lines")).contains("at most 999");
    }

    @Test
    void impossibleDatesAreRefusedNamingTheFieldAndTheRange() throws Exception {
        for (String dos : new String[] {"0001-01-01", "0000-01-01", "-0001-01-01", "+999999999-12-31", LocalDate.now().plusDays(2).toString()}) {
            ResponseEntity<String> r = postJson("bella", "/api/scrub", claim("PROFESSIONAL", dos, "1970-05-17", lines(1)));
            assertThat(refused(r, "dateOfService")).as(dos).contains("from " + LocalDate.now().minusYears(3));
        }
        assertThat(refused(postJson("bella", "/api/scrub", claim("PROFESSIONAL", recent(), LocalDate.now().toString(), lines(1))),
                "patient.birthDate")).contains("not after it");
        assertThat(refused(postJson("bella", "/api/scrub", claim("PROFESSIONAL", recent(), "1800-01-01", lines(1))), "patient.birthDate"))
                .contains("at most 130 years");
    }

    @Test
    void nullModifiersAndPointersAndOverlongChargesAreRefusedNamingTheField() throws Exception {
        String nullPointer = "{\"code\": \"99213\", \"units\": 1, \"charge\": 120.00, \"pointers\": [1, null]}";
        refused(postJson("bella", "/api/scrub", claim("PROFESSIONAL", recent(), "1970-05-17", nullPointer)), "lines[0].pointers[1]");
        String nullModifier = "{\"code\": \"99213\", \"modifiers\": [null], \"units\": 1, \"charge\": 120.00, \"pointers\": [1]}";
        refused(postJson("bella", "/api/scrub", claim("PROFESSIONAL", recent(), "1970-05-17", nullModifier)), "lines[0].modifiers[0]");
        for (String charge : new String[] {"1e400", "1e-999999999", "12345678901.00"}) {
            String line = "{\"code\": \"99213\", \"units\": 1, \"charge\": " + charge + ", \"pointers\": [1]}";
            refused(postJson("bella", "/api/scrub", claim("PROFESSIONAL", recent(), "1970-05-17", line)), "lines[0].charge");
        }
    }
}
