package com.claimflow.inbound.api;

import com.claimflow.base.BadInputException;
import com.claimflow.identity.CurrentWorker;
import com.claimflow.inbound.batch.BatchStatus;
import com.claimflow.inbound.batch.CsvColumn;
import com.claimflow.inbound.batch.IntakeBatches;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Encounter batch files (docs/intake-batches.md): upload a CSV or an NDJSON of FHIR bundles, follow its progress,
 * download the per-row report. Billers, leads and admins upload, as they open encounters; compliance reads too.
 */
@RestController
@RequestMapping("/api/intake/batches")
public class IntakeBatchController {
    private final IntakeBatches batches;
    private final CurrentWorker worker;

    public IntakeBatchController(IntakeBatches batches, CurrentWorker worker) {
        this.batches = batches;
        this.worker = worker;
    }

    /** A multipart upload (part {@code file}); answers 202 with the batch, which opens its rows in the background. */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('BILLERS','LEADS','ADMINS')")
    public ResponseEntity<BatchStatus> upload(@RequestPart("file") MultipartFile file) throws IOException {
        return accepted(batches.submit(file.getOriginalFilename(), worker.get().userId(), IntakeBatches.text(file.getOriginalFilename(), file.getBytes())));
    }

    /** The file as the body ({@code text/csv}, {@code application/x-ndjson}), named by {@code name}. */
    @PostMapping(consumes = { "text/csv", "application/x-ndjson", "application/fhir+ndjson", MediaType.TEXT_PLAIN_VALUE })
    @PreAuthorize("hasAnyRole('BILLERS','LEADS','ADMINS')")
    public ResponseEntity<BatchStatus> uploadBody(@RequestParam(name = "name", required = false) String name, @RequestBody byte[] body) {
        return accepted(batches.submit(name, worker.get().userId(), IntakeBatches.text(name, body)));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('BILLERS','LEADS','ADMINS','COMPLIANCE')")
    public BatchStatus status(@PathVariable long id) {
        return batches.status(id);
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('BILLERS','LEADS','ADMINS','COMPLIANCE')")
    public List<BatchStatus> recent(@RequestParam(name = "limit", defaultValue = "20") int limit) {
        if (limit < 1 || limit > 200) throw new BadInputException("limit", "must be between 1 and 200, not " + limit);
        return batches.recent(limit);
    }

    /** The per-row report as CSV: what each row became, and where and why a refused row went wrong. */
    @GetMapping(value = "/{id}/report", produces = "text/csv")
    @PreAuthorize("hasAnyRole('BILLERS','LEADS','ADMINS','COMPLIANCE')")
    public ResponseEntity<String> report(@PathVariable long id) {
        String csv = batches.report(id);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"batch-" + id + "-report.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(csv);
    }

    /** An empty CSV with every column, to fill in. */
    @GetMapping(value = "/template.csv", produces = "text/csv")
    public ResponseEntity<String> template() {
        String header = CsvColumn.headerLine();
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"encounter-batch-template.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(header);
    }

    private static ResponseEntity<BatchStatus> accepted(BatchStatus status) {
        return ResponseEntity.accepted().location(URI.create("/api/intake/batches/" + status.id())).body(status);
    }
}
