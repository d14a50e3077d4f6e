package com.claimflow.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.intake.EncounterService;
import com.claimflow.support.ApiTestBase;
import com.claimflow.support.Encounters;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** A kept document downloads as the very bytes that were sent, with its file name; listing and downloading are audited. */
class DocumentApiIT extends ApiTestBase {
    @Autowired EncounterService encounters;
    @Autowired Documents documents;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aStatementDownloadsAsThePdfThatWasKeptAndTheDownloadIsAudited() {
        long id = encounters.open(Encounters.visit().request()).id();
        byte[] pdf = new PdfPages("Statement").heading("Patient statement").toBytes();
        EncounterDocument kept = documents.keepPdf(id, EncounterDocument.Kind.STATEMENT, "Patient statement 1", "statement-" + id + "-1.pdf", pdf, "collections");

        ResponseEntity<String> list = as("bella").getForEntity("/api/documents?encounterId=" + id, String.class);
        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(list.getBody()).contains("\"kind\":\"STATEMENT\"", "\"fileName\":\"statement-" + id + "-1.pdf\"");

        ResponseEntity<byte[]> download = as("bella").getForEntity(kept.downloadPath(), byte[].class);
        assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(download.getHeaders().getContentType()).hasToString("application/pdf");
        assertThat(download.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).contains("attachment", "statement-" + id + "-1.pdf");
        assertThat(download.getBody()).isEqualTo(pdf);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where encounter_id = ? and actor = 'bella' and action = 'VIEWED_DOCUMENT'",
                Integer.class, id)).isEqualTo(1);
    }

    @Test
    void aDocumentThatDoesNotExistIsNotFound() {
        assertThat(as("bella").getForEntity("/api/documents/987654321", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
