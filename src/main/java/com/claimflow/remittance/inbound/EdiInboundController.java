package com.claimflow.remittance.inbound;

import com.claimflow.base.NotFoundException;
import com.claimflow.identity.CurrentWorker;
import com.claimflow.remittance.InboundFiles;
import com.claimflow.remittance.InboundResult;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Inbound X12 (999, 277CA, 835) as a raw request body, streamed to the file store. The answer says what happened:
 * 200 PROCESSED or DUPLICATE, 422 REFUSED or FAILED (the file is kept; the errors name segment and element).
 */
@RestController
public class EdiInboundController {
    private final InboundFiles files;
    private final CurrentWorker worker;

    public EdiInboundController(InboundFiles files, CurrentWorker worker) {
        this.files = files;
        this.worker = worker;
    }

    @PostMapping("/api/edi/inbound")
    @PreAuthorize("hasAnyRole('BILLERS','LEADS','ADMINS')")
    public ResponseEntity<InboundResult> receive(HttpServletRequest request, @RequestParam(required = false) String fileName) throws IOException {
        try (InputStream body = request.getInputStream()) {
            InboundResult result = files.receive(body, "API", fileName, worker.get().userId());
            HttpStatus status = switch (result.status()) {
                case "PROCESSED", "DUPLICATE" -> HttpStatus.OK;
                default -> HttpStatus.UNPROCESSABLE_ENTITY;
            };
            return ResponseEntity.status(status).body(result);
        }
    }

    @GetMapping("/api/edi/inbound/{id}")
    @PreAuthorize("hasAnyRole('BILLERS','LEADS','ADMINS','COMPLIANCE')")
    public ResponseEntity<InboundResult> result(@PathVariable long id) {
        return files.result(id).map(ResponseEntity::ok).orElseThrow(() -> new NotFoundException("no inbound file " + id));
    }
}
