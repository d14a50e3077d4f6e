package com.claimflow.inbound.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.claimflow.coding.CapturedCharges;
import com.claimflow.coding.CodingProcess;
import com.claimflow.coding.ProcedureLine;
import com.claimflow.demo.DemoReferenceData;
import com.claimflow.intake.EncounterService;
import com.claimflow.support.ApiTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Encounter batch files through the API: a CSV's good rows open their encounters to the coding task with the sent
 * charges, a refused row names its line and column and leaves nothing behind, a file with a wrong header is refused
 * whole (and kept), the report lists every row, the same file again opens nothing, and a batch left running resumes.
 */
class IntakeBatchIT extends ApiTestBase {
    private static final String HEADER = "external_id,first_name,last_name,birth_date,sex,date_of_service,place_of_service,billing_npi,"
            + "rendering_npi,payer_id,member_id,diagnoses,procedures";

    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired EncounterService encounters;
    @Autowired CapturedCharges captured;
    @Autowired IntakeBatches batches;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final LocalDate dos = LocalDate.now().minusDays(2);

    private String row(String id, String payer, String diagnoses, String procedures) {
        return String.join(",", "B-" + run + "-" + id, "Robin", "\"Test, Jr\"", "1980-02-29", "F", dos.toString(), "11", DemoReferenceData.CLINIC_NPI,
                DemoReferenceData.DR_ADAMS_NPI, payer, "XYZ123456789", diagnoses, procedures);
    }

    private ResponseEntity<String> upload(String user, String name, String csv) {
        HttpHeaders part = new HttpHeaders();
        part.setContentType(new MediaType("text", "csv"));
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new HttpEntity<>(new ByteArrayResource(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return name;
            }
        }, part));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return as(user).exchange("/api/intake/batches", HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
    }

    private JsonNode finished(ResponseEntity<String> accepted) throws Exception {
        assertThat(accepted.getStatusCode()).as(accepted.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        long id = json.readTree(accepted.getBody()).get("id").asLong();
        await().atMost(Duration.ofSeconds(60)).until(() -> !batches.status(id).running());
        return json.readTree(as("bella").getForEntity("/api/intake/batches/" + id, String.class).getBody());
    }

    private long encounterOf(String id) {
        return encounters.findByExternalId("B-" + run + "-" + id).orElseThrow().id();
    }

    @Test
    void goodRowsOpenToCodingWithTheirChargesAndARefusedRowNamesItsLineAndColumnAndLeavesNothing() throws Exception {
        String csv = HEADER + "\n"
                + row("1", "BCBS", "I10 E119", "\"99213 25 1 1,2;36415\"") + "\n"
                + row("2", "NOSUCHPAYER", "I10", "99213") + "\n"
                + row("3", "BCBS", "I10", "99999") + "\n"
                + row("4", "BCBS", "", "") + "\n";
        JsonNode done = finished(upload("bella", "visits.csv", csv));
        assertThat(done.get("status").asText()).isEqualTo("DONE");
        assertThat(done.get("totalRows").asInt()).isEqualTo(4);
        assertThat(done.get("opened").asInt()).as(batches.report(done.get("id").asLong())).isEqualTo(2);
        assertThat(done.get("refused").asInt()).isEqualTo(2);

        long first = encounterOf("1");
        driver.runJobs();
        assertThat(driver.openTaskTypes(first)).contains(CodingProcess.CODE_ENCOUNTER_TASK);
        CapturedCharges.Draft draft = captured.draftOf(first).orElseThrow();
        assertThat(draft.diagnoses()).containsExactly("I10", "E119");
        assertThat(draft.procedures()).containsExactly(new ProcedureLine("99213", List.of("25"), 1, List.of(1, 2)),
                new ProcedureLine("36415", List.of(), 1, List.of(1)));
        assertThat(driver.openTaskTypes(encounterOf("4"))).contains(CodingProcess.CODE_ENCOUNTER_TASK);
        // a refused row leaves no encounter, also when only its charge was wrong
        assertThat(encounters.findByExternalId("B-" + run + "-2")).isEmpty();
        assertThat(encounters.findByExternalId("B-" + run + "-3")).isEmpty();

        long id = done.get("id").asLong();
        ResponseEntity<String> report = as("cora").getForEntity("/api/intake/batches/" + id + "/report", String.class);
        assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(report.getHeaders().getContentType().toString()).startsWith("text/csv");
        List<String> lines = report.getBody().lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(1)).startsWith("1,B-" + run + "-1,OPENED," + first + ",");
        assertThat(lines.get(2)).startsWith("2,B-" + run + "-2,REFUSED,,visits.csv line 3 column payer_id,").contains("unknown payer 'NOSUCHPAYER'");
        assertThat(lines.get(3)).startsWith("3,B-" + run + "-3,REFUSED,,visits.csv line 4 column procedures line 1,").contains("99999");
        assertThat(lines.get(4)).startsWith("4,B-" + run + "-4,OPENED,");

        // the row is kept as received, the header above it, and the audit trail names who sent it
        String kept = jdbc.queryForObject("SELECT body FROM inbound_message WHERE batch_id = ? AND batch_row = 2", String.class, id);
        assertThat(kept).isEqualTo(HEADER + "\n" + row("2", "NOSUCHPAYER", "I10", "99213"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE encounter_id = ? AND actor = 'bella' AND action = 'OPENED_ENCOUNTER'",
                Integer.class, first)).isEqualTo(1);

        // the same file again: every good row is already there, nothing opens twice
        JsonNode again = finished(upload("lena", "visits.csv", csv));
        assertThat(again.get("opened").asInt()).isZero();
        assertThat(again.get("alreadyThere").asInt()).isEqualTo(2);
        assertThat(again.get("refused").asInt()).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM encounter WHERE external_id LIKE ?", Integer.class, "B-" + run + "-%")).isEqualTo(2);
    }

    private String bundleLine(String visit) throws Exception {
        try (var in = getClass().getResourceAsStream("/fhir/visit-transaction.json")) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).replace("${visit}", visit)
                    .replace("${bundleId}", "NB-" + visit).replace("${dos}", dos.toString());
            return json.writeValueAsString(json.readTree(text)); // one line
        }
    }

    @Test
    void anNdjsonOfFhirBundlesOpensEachVisitAndABrokenLineIsRefusedAlone() throws Exception {
        String ndjson = bundleLine("N-" + run + "-1") + "\n\n" + "{\"resourceType\": \"Patient\"}\n"
                + bundleLine("N-" + run + "-2").replace("\"BCBS\"", "\"NOPE\"") + "\n" + bundleLine("N-" + run + "-3") + "\n";
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType("application", "x-ndjson"));
        ResponseEntity<String> accepted = as("bella").exchange("/api/intake/batches?name=visits.ndjson", HttpMethod.POST,
                new HttpEntity<>(ndjson.getBytes(java.nio.charset.StandardCharsets.UTF_8), headers), String.class);
        JsonNode done = finished(accepted);
        assertThat(done.get("format").asText()).isEqualTo("NDJSON");
        assertThat(done.get("totalRows").asInt()).isEqualTo(4);
        assertThat(done.get("opened").asInt()).as(batches.report(done.get("id").asLong())).isEqualTo(2);
        String report = batches.report(done.get("id").asLong());
        assertThat(report).contains("visits.ndjson line 3 resourceType").contains("visits.ndjson line 4 Bundle.entry[2].resource(Coverage/cov1).payor");
        long first = encounters.findByExternalId("N-" + run + "-1").orElseThrow().id();
        assertThat(captured.draftOf(first)).isPresent();
        assertThat(encounters.findByExternalId("N-" + run + "-2")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT message_key FROM inbound_message WHERE batch_id = ? AND batch_row = 1", String.class,
                done.get("id").asLong())).endsWith("|NB-N-" + run + "-1");
    }

    @Test
    void aFileWithAWrongHeaderIsRefusedWholeNamingTheColumnAndIsKept() throws Exception {
        String csv = HEADER.replace("payer_id", "payer") + "\n" + row("1", "BCBS", "I10", "99213") + "\n";
        ResponseEntity<String> refused = upload("bella", "wrong.csv", csv);
        assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("wrong.csv line 1 column 10").contains("'payer' is not a column");
        assertThat(encounters.findByExternalId("B-" + run + "-1")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inbound_batch WHERE file_name = 'wrong.csv' AND status = 'REFUSED' AND body = ?",
                Integer.class, csv)).isGreaterThanOrEqualTo(1);

        ResponseEntity<String> missing = upload("bella", "missing.csv", "external_id,first_name\nX,Y\n");
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missing.getBody()).contains("no column 'last_name'");

        ResponseEntity<String> quoting = upload("bella", "quotes.csv", HEADER + "\n\"B-1,Robin\n");
        assertThat(quoting.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(quoting.getBody()).contains("quotes.csv line 2").contains("never closed");

        ResponseEntity<String> notAFile = upload("bella", "visits.xlsx", "PK\u0003\u0004");
        assertThat(notAFile.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notAFile.getBody()).contains("visits.xlsx");

        ResponseEntity<String> rowWidth = upload("bella", "short.csv", HEADER + "\nB-" + run + "-9,Robin\n");
        JsonNode done = finished(rowWidth);
        assertThat(done.get("refused").asInt()).isEqualTo(1);
        assertThat(batches.report(done.get("id").asLong())).contains("short.csv line 2").contains("2 fields, but the header has 13");
    }

    @Test
    void onlyBillersLeadsAndAdminsUploadAndComplianceReads() {
        String csv = HEADER + "\n" + row("r", "BCBS", "I10", "99213") + "\n";
        assertThat(http.exchange("/api/intake/batches", HttpMethod.POST, new HttpEntity<>(csv), String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(upload("carla", "r.csv", csv).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(upload("cora", "r.csv", csv).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        for (String user : List.of("bella", "lena", "adam")) {
            assertThat(upload(user, "r.csv", csv).getStatusCode()).as(user).isEqualTo(HttpStatus.ACCEPTED);
        }
        assertThat(as("cora").getForEntity("/api/intake/batches", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(as("carla").getForEntity("/api/intake/batches", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        // every reading endpoint, every role
        long id = batches.recent(1).get(0).id();
        for (String path : List.of("/api/intake/batches", "/api/intake/batches/" + id, "/api/intake/batches/" + id + "/report")) {
            assertThat(http.getForEntity(path, String.class).getStatusCode()).as("anonymous " + path).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(as("carla").getForEntity(path, String.class).getStatusCode()).as("coder " + path).isEqualTo(HttpStatus.FORBIDDEN);
            for (String user : List.of("bella", "lena", "cora", "adam")) {
                assertThat(as(user).getForEntity(path, String.class).getStatusCode()).as(user + " " + path).isEqualTo(HttpStatus.OK);
            }
        }
        assertThat(http.getForEntity("/api/intake/batches/template.csv", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> badId = as("bella").getForEntity("/api/intake/batches/abc/report", String.class);
        assertThat(badId.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badId.getBody()).contains("id");
        assertThat(as("bella").getForEntity("/api/intake/batches?limit=0", String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(as("bella").getForEntity("/api/intake/batches/999999999", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<String> template = as("carla").getForEntity("/api/intake/batches/template.csv", String.class);
        assertThat(template.getBody()).startsWith("external_id,first_name,last_name,birth_date,sex,");
    }

    @Test
    void aBatchLeftRunningByADeadNodeResumesFromItsUnansweredRows() throws Exception {
        String csv = HEADER + "\n" + row("a", "BCBS", "I10", "99213") + "\n" + row("b", "BCBS", "I10", "99213") + "\n";
        // the first row was answered before the node died; the batch's heartbeat is old
        JsonNode first = finished(upload("bella", "first.csv", HEADER + "\n" + row("a", "BCBS", "I10", "99213") + "\n"));
        jdbc.update("INSERT INTO inbound_batch (file_name, format, uploaded_by, uploaded_at, body, body_bytes, total_rows, status, heartbeat_at) "
                + "VALUES ('resumed.csv', 'CSV', 'bella', ?, ?, ?, 2, 'RUNNING', ?)", Timestamp.from(Instant.now()), csv, csv.length(),
                Timestamp.from(Instant.now().minusSeconds(3600)));
        long id = jdbc.queryForObject("SELECT MAX(id) FROM inbound_batch WHERE file_name = 'resumed.csv'", Long.class);
        jdbc.update("UPDATE inbound_message SET batch_id = ?, batch_row = 1 WHERE batch_id = ?", id, first.get("id").asLong());

        assertThat(batches.resume(id, Instant.now().minusSeconds(60))).isTrue();
        assertThat(batches.resume(id, Instant.now().minusSeconds(60))).as("taken over once").isFalse();
        await().atMost(Duration.ofSeconds(60)).until(() -> !batches.status(id).running());
        BatchStatus done = batches.status(id);
        assertThat(done.answered()).isEqualTo(2);
        assertThat(done.opened()).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inbound_message WHERE batch_id = ?", Integer.class, id)).isEqualTo(2);
        assertThat(encounters.findByExternalId("B-" + run + "-b")).isPresent();
    }
}
