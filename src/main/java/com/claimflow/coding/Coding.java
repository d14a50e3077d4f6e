package com.claimflow.coding;

import java.time.Instant;
import java.util.List;

/** The codes assigned to an encounter: diagnoses in order (principal first), procedure lines, who coded them and when. */
public record Coding(Long encounterId, List<String> diagnoses, List<ProcedureLine> procedures, String codedBy, Instant codedAt) {
    public Coding {
        diagnoses = List.copyOf(diagnoses);
        procedures = List.copyOf(procedures);
    }
}
