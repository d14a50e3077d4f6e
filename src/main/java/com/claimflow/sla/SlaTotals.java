package com.claimflow.sla;

import java.util.List;

/** A period's SLA figures per queue and per person (who held the task; who completed it), and over all. */
public record SlaTotals(List<SlaTotal> perQueue, List<SlaTotal> perPerson, SlaTotal all) {
    /** The name under which events raised while nobody held the task are counted. */
    public static final String NOBODY = "(unassigned)";
}
