package com.claimflow.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.support.ApiTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

class ReferenceImportApiIT extends ApiTestBase {
    private static final String PTP = "Column 1\tColumn 2\t*=in existence prior to 1996\tEffective Date\tDeletion Date *=no data\tModifier\tPTP Edit Rationale\n"
            + "X9991\tX9992\t\t20200101\t*\t1\tsynthetic API test edit\n"
            + "X9991\tX9993\t\t20200101\t*\t0\tsynthetic API test edit\n";
    private final ObjectMapper json = new ObjectMapper();

    private ResponseEntity<String> postRaw(String user, String path, String body) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.TEXT_PLAIN);
        return as(user).exchange(path, HttpMethod.POST, new HttpEntity<>(body, h), String.class);
    }

    @Test
    void anAdminImportsARawFileAndGetsTheReportThenTheSameFileIsUnchanged() throws Exception {
        ResponseEntity<String> first = postRaw("adam", "/api/admin/imports/ncci-ptp-practitioner?fileName=ptp_api_test.txt", PTP);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode r = json.readTree(first.getBody());
        assertThat(r.get("rowsRead").asLong()).isEqualTo(2);
        assertThat(r.get("inserted").asLong() + r.get("unchanged").asLong()).isEqualTo(2);

        JsonNode again = json.readTree(postRaw("adam", "/api/admin/imports/ncci-ptp-practitioner?fileName=ptp_api_test.txt", PTP).getBody());
        assertThat(again.get("status").asText()).isEqualTo("UNCHANGED");
        assertThat(again.get("unchanged").asLong()).isEqualTo(2);

        JsonNode stored = json.readTree(as("adam").getForEntity("/api/admin/imports/" + again.get("id").asLong(), String.class).getBody());
        assertThat(stored.get("status").asText()).isEqualTo("UNCHANGED");
        assertThat(stored.get("progress").asDouble()).isEqualTo(1.0);
    }

    @Test
    void aMultipartUploadThatIsMalformedIsRefusedWith422AndTheErrors() throws Exception {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource("X9991\tX9994\t\t2020-01-01\t*\t1\tbad date\n".getBytes()) {
            @Override
            public String getFilename() {
                return "ptp_bad.txt";
            }
        });
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<String> r = as("adam").exchange("/api/admin/imports/ncci-ptp-practitioner", HttpMethod.POST, new HttpEntity<>(form, h), String.class);

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json.readTree(r.getBody()).get("errors").get(0).asText())
                .isEqualTo("NCCI practitioner file ptp_bad.txt line 1: effective date 2020-01-01 is not a date (yyyyMMdd)");
    }

    @Test
    void aBackgroundImportCanBePolledUntilItIsDone() throws Exception {
        ResponseEntity<String> started = postRaw("adam", "/api/admin/imports/pos?fileName=pos.csv&wait=false", "code,description,start,stop\n99,Other place (api test),2000-01-01,\n");
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        long id = json.readTree(started.getBody()).get("id").asLong();
        JsonNode r = null;
        for (int i = 0; i < 100; i++) {
            r = json.readTree(as("adam").getForEntity("/api/admin/imports/" + id, String.class).getBody());
            if (!r.get("status").asText().equals("RUNNING")) break;
            Thread.sleep(100);
        }
        assertThat(r.get("status").asText()).isIn("DONE", "UNCHANGED");
        assertThat(r.get("rowsRead").asLong()).isEqualTo(1);
    }

    @Test
    void onlyAdminsImportAndAnUnknownKindIsABadRequest() {
        assertThat(postRaw("carla", "/api/admin/imports/pos?fileName=pos.csv", "99,x,2000-01-01,\n").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/api/admin/imports", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(postRaw("adam", "/api/admin/imports/snomed?fileName=x.txt", "x").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(postRaw("adam", "/api/admin/imports/pos", "99,x,2000-01-01,\n").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    /** A multipart body as bytes, exactly as given: a file part named {@code fileName}, or a body cut short. */
    private ResponseEntity<String> postMultipart(byte[] body) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.parseMediaType("multipart/form-data; boundary=cfboundary"));
        return as("adam").exchange("/api/admin/imports/pos", HttpMethod.POST, new HttpEntity<>(body, h), String.class);
    }

    private static byte[] filePart(String fileName) {
        return ("--cfboundary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: text/csv\r\n\r\n99,x,2000-01-01,\n\r\n--cfboundary--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aFileNameWithANulByteOrAFolderAndABrokenMultipartBodyAreClearBadRequests() throws Exception {
        for (String name : new String[] {"pos\u0000.csv", "pos\u0007.csv", "../../etc/pos.csv", "p".repeat(201) + ".csv"}) {
            ResponseEntity<String> r = postMultipart(filePart(name));
            assertThat(r.getStatusCode()).as(name).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(json.readTree(r.getBody()).get("fields")).as(r.getBody()).isNotNull();
        }
        assertThat(postRaw("adam", "/api/admin/imports/pos?fileName=a/b.csv", "99,x,2000-01-01,\n").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(postRaw("adam", "/api/admin/imports/pos?fileName=pos.csv&effectiveDate=%2B999999999-12-31", "99,x,2000-01-01,\n").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);

        byte[] whole = filePart("pos.csv");
        for (byte[] broken : new byte[][] {java.util.Arrays.copyOf(whole, whole.length / 2), "no boundary here".getBytes(), new byte[0]}) {
            ResponseEntity<String> r = postMultipart(broken);
            assertThat(r.getStatusCode()).as(new String(broken)).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(json.readTree(r.getBody()).get("detail").asText()).isNotBlank();
        }
        ResponseEntity<String> fine = postMultipart(filePart("pos_api_test.csv"));
        assertThat(fine.getStatusCode().value()).as(fine.getBody()).isLessThan(500);
    }
}
