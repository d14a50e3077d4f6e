package com.claimflow.denial.api;

import com.claimflow.denial.AppealDecisions;
import com.claimflow.identity.CurrentWorker;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/encounters/{id}/appeal-decision} {@code {"decision": "OVERTURNED"|"UPHELD", "note": "..."}}: the
 * payer's appeal decision as a biller reads it from the letter (billers, leads). 204; 400 names a bad {@code decision}
 * or a missing {@code note}; 409 when no appeal of the encounter is waiting for a decision.
 */
@RestController
@RequestMapping("/api/encounters")
public class AppealDecisionController {
    private final AppealDecisions decisions;
    private final CurrentWorker current;

    public AppealDecisionController(AppealDecisions decisions, CurrentWorker current) {
        this.decisions = decisions;
        this.current = current;
    }

    public record AppealDecision(String decision, String note) {
    }

    @PostMapping("/{id}/appeal-decision")
    @PreAuthorize("hasAnyRole('BILLERS','LEADS')")
    public ResponseEntity<Void> decide(@PathVariable long id, @RequestBody AppealDecision body) {
        decisions.record(id, body.decision(), body.note(), current.get());
        return ResponseEntity.noContent().build();
    }
}
