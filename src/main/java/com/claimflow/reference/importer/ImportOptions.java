package com.claimflow.reference.importer;

import java.time.LocalDate;

/**
 * Per-import settings. {@code effectiveDate}: the date a snapshot release (ICD-10-CM fiscal year, CPT year, MUE quarter)
 * takes effect; when null it is derived from the file name (ICD-10-CM: a 4-digit fiscal year N gives 1 October N-1;
 * CPT: a 4-digit year gives 1 January; MUE: a quarter like 2026Q1 or a year) or refused.
 */
public record ImportOptions(LocalDate effectiveDate) {
    public static ImportOptions none() {
        return new ImportOptions(null);
    }
}
