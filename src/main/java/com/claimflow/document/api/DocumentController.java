package com.claimflow.document.api;

import com.claimflow.audit.AuditService;
import com.claimflow.document.Documents;
import com.claimflow.document.EncounterDocument;
import com.claimflow.identity.CurrentWorker;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An encounter's documents (statements, appeal letters): listed, and downloaded as the file that was sent. Both audited. */
@RestController
@RequestMapping("/api/documents")
public class DocumentController {
    private final Documents documents;
    private final AuditService audit;
    private final CurrentWorker worker;

    public DocumentController(Documents documents, AuditService audit, CurrentWorker worker) {
        this.documents = documents;
        this.audit = audit;
        this.worker = worker;
    }

    @GetMapping
    public List<EncounterDocument> list(@RequestParam long encounterId) {
        audit.record(worker.get().userId(), AuditService.VIEWED_ENCOUNTER, encounterId, null, "api documents");
        return documents.forEncounter(encounterId);
    }

    @GetMapping("/{id}")
    public ResponseEntity<byte[]> download(@PathVariable long id) {
        EncounterDocument d = documents.get(id);
        audit.record(worker.get().userId(), Documents.VIEWED_DOCUMENT, d.encounterId(), null, "api " + d.kind() + " " + d.fileName());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(d.fileName()).build().toString())
                .contentType(MediaType.parseMediaType(d.mediaType()))
                .body(documents.content(id));
    }
}
