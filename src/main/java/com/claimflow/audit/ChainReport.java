package com.claimflow.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * What a walk of the audit chain found: ok, or the problems in chain order (the first is the first broken row; later
 * ones may follow from it). The head's seq and MAC, logged outside the database, anchor a later check against rows
 * deleted from the end.
 */
public record ChainReport(boolean ok, Instant checkedAt, long sealedRows, long headSeq, String headMac, long unsealedRows,
                          Instant oldestUnsealedAt, List<ChainProblem> problems) {

    @JsonProperty
    public ChainProblem firstProblem() {
        return problems.isEmpty() ? null : problems.get(0);
    }
}
