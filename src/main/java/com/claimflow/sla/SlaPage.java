package com.claimflow.sla;

import java.util.List;

/** A page of the SLA register, newest first, and the cursor of the page after it (null on the last page). */
public record SlaPage(List<SlaEvent> events, String next) {
}
