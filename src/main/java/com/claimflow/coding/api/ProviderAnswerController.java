package com.claimflow.coding.api;

import com.claimflow.coding.ProviderQueries;
import com.claimflow.identity.CurrentWorker;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/encounters/{id}/provider-answer} {@code {"answer": "..."}}: the provider's answer to a coder's query
 * (coders, leads), kept as an encounter note; the coding task comes back with question and answer. 204; 400 names a
 * blank {@code answer}; 404 for no such encounter; 409 when no query of the encounter is waiting.
 */
@RestController
@RequestMapping("/api/encounters")
public class ProviderAnswerController {
    private final ProviderQueries queries;
    private final CurrentWorker current;

    public ProviderAnswerController(ProviderQueries queries, CurrentWorker current) {
        this.queries = queries;
        this.current = current;
    }

    public record ProviderAnswer(String answer) {
    }

    @PostMapping("/{id}/provider-answer")
    @PreAuthorize("hasAnyRole('CODERS','LEADS')")
    public ResponseEntity<Void> answer(@PathVariable long id, @RequestBody ProviderAnswer body) {
        queries.answer(id, body.answer(), current.get());
        return ResponseEntity.noContent().build();
    }
}
