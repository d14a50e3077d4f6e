package com.claimflow.audit;

import java.util.List;

/** A page of the audit trail, newest first, and the cursor of the page after it (null on the last page). */
public record AuditPage(List<AuditEntry> rows, String next) {
}
