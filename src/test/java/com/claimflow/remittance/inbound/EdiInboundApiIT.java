package com.claimflow.remittance.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.remittance.x12.Fixtures;
import com.claimflow.support.ApiTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

class EdiInboundApiIT extends ApiTestBase {
    @Autowired ObjectMapper json;

    private ResponseEntity<String> post(String user, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/edi-x12"));
        var client = user == null ? http : as(user);
        return client.exchange("/api/edi/inbound?fileName=test.x12", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    @Test
    void billersPostRawFilesAndTheAnswerSaysWhatHappened() throws Exception {
        String file = Fixtures.text("999-accepted.x12").replace("000005001", String.format("%09d", 900_000_000 + (int) (System.nanoTime() % 1_000_000)));
        ResponseEntity<String> first = post("bella", file);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode r = json.readTree(first.getBody());
        assertThat(r.get("status").asText()).isEqualTo("PROCESSED");
        assertThat(r.get("transactionType").asText()).isEqualTo("999");
        assertThat(r.get("counts").get("claims").asInt()).isEqualTo(1);
        assertThat(r.get("counts").get("unmatched").asInt()).isEqualTo(1);

        JsonNode again = json.readTree(post("lena", file).getBody());
        assertThat(again.get("status").asText()).isEqualTo("DUPLICATE");
        assertThat(again.get("duplicateOf").asLong()).isEqualTo(r.get("fileId").asLong());

        ResponseEntity<String> garbage = post("bella", "ISA*00*garbage~");
        assertThat(garbage.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json.readTree(garbage.getBody()).get("errors").get(0).get("message").asText()).contains("ISA");

        assertThat(as("bella").getForEntity("/api/edi/inbound/" + r.get("fileId").asLong(), String.class).getBody()).contains("PROCESSED");
        assertThat(post("carla", file).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(null, file).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void garbageIsRefusedAndKeptNotProcessedWithZeroCounts() throws Exception {
        String accepted = fresh("999-accepted.x12");
        // an X12 999 with its acknowledgement taken out: nothing but the envelope and ST/SE
        String empty999 = accepted.replaceAll("AK1\\*[^~]*~\\s*|AK2\\*[^~]*~\\s*|IK5\\*[^~]*~\\s*|AK9\\*[^~]*~\\s*", "").replace("SE*6*0001", "SE*2*0001");
        String purchaseOrder = fresh("999-accepted.x12").replace("ST*999*0001", "ST*850*0001");
        for (String garbage : new String[] {empty999, purchaseOrder, "%PDF-1.7 not a payer file at all", "ISA*garbage"}) {
            ResponseEntity<String> r = post("bella", garbage);
            assertThat(r.getStatusCode()).as(garbage).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            JsonNode result = json.readTree(r.getBody());
            assertThat(result.get("status").asText()).isEqualTo("REFUSED");
            assertThat(result.get("errors")).isNotEmpty();
            assertThat(as("bella").getForEntity("/api/edi/inbound/" + result.get("fileId").asLong(), String.class).getBody()).contains("REFUSED");
        }
        JsonNode empty = json.readTree(post("bella", empty999).getBody());
        assertThat(empty.get("errors").toString()).contains("AK9").contains("AK1");
    }

    /** A fixture under a fresh interchange control number (ISA13 and IEA02). */
    private static String fresh(String fixture) {
        String text = Fixtures.text(fixture);
        String isa13 = String.format("%09d", 900_000_000 + (int) (System.nanoTime() % 1_000_000));
        return text.substring(0, 90) + isa13 + text.substring(99).replaceFirst("IEA\\*1\\*\\d{9}", "IEA*1*" + isa13);
    }

    @Test
    void aPaymentNoClaimMatchesAndAProviderRejectionAreKeptAndAnswered() throws Exception {
        JsonNode payment = json.readTree(post("bella", fresh("835-unmatched.x12")).getBody());
        assertThat(payment.get("status").asText()).isEqualTo("PROCESSED");
        assertThat(payment.get("counts").get("unmatched").asInt()).isEqualTo(1);
        assertThat(payment.get("errors").get(0).get("message").asText()).contains("kept as unmatched payment 75");

        JsonNode rejection = json.readTree(post("bella", fresh("277ca-provider-rejected.x12")).getBody());
        assertThat(rejection.get("status").asText()).isEqualTo("PROCESSED");
        assertThat(rejection.get("rejections")).hasSize(2);
        assertThat(rejection.get("rejections").get(1).get("statuses").asText()).startsWith("A3:562:85");
        assertThat(rejection.get("rejections").get(1).get("claimsUnder").asInt()).isZero();
        assertThat(as("bella").getForEntity("/api/edi/inbound/" + rejection.get("fileId").asLong(), String.class).getBody())
                .contains("\"entityId\":\"1234567893\"");
    }
}
