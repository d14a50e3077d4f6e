package com.claimflow.collections.api;

import com.claimflow.collections.EncounterClosing;
import com.claimflow.identity.CurrentWorker;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/encounters/{id}/close}: a lead closes the encounter's claim from any stage, 202 once the process has
 * taken it (the write-off runs as the process's next step). 400 names a bad {@code kind}, {@code reasonCode} or
 * {@code note}; 403 for anyone but a lead; 409 when the encounter has already ended.
 */
@RestController
@RequestMapping("/api/encounters")
public class EncounterClosingController {
    private final EncounterClosing closing;
    private final CurrentWorker current;

    public EncounterClosingController(EncounterClosing closing, CurrentWorker current) {
        this.closing = closing;
        this.current = current;
    }

    /** {@code kind}: WRITE_OFF or NOT_BILLABLE; {@code reasonCode}: one of {@code CloseReason}; {@code note}: why, required. */
    public record CloseRequest(String kind, String reasonCode, String note) {
    }

    @PostMapping("/{id}/close")
    @PreAuthorize("hasRole('LEADS')")
    public ResponseEntity<Void> close(@PathVariable long id, @RequestBody CloseRequest request) {
        closing.close(id, request.kind(), request.reasonCode(), request.note(), current.get());
        return ResponseEntity.accepted().build();
    }
}
