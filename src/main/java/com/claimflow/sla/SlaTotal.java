package com.claimflow.sla;

/**
 * One queue's or one person's SLA figures for a period: the warnings and escalations raised, and of the tasks completed
 * in the period how many had been escalated. SLA compliance is the share of completed tasks never escalated.
 */
public record SlaTotal(String name, long warnings, long escalations, long completed, long completedEscalated) {

    /** Compliance in percent, 0 to 100; null when nothing was completed (no share to give). */
    public Double compliancePercent() {
        return completed == 0 ? null : 100.0 * (completed - completedEscalated) / completed;
    }

    /** "97.5 %", or "–" when nothing was completed. */
    public String complianceText() {
        Double p = compliancePercent();
        return p == null ? "–" : String.format(java.util.Locale.ROOT, "%.1f %%", p);
    }

    SlaTotal plus(long w, long e, long c, long ce) {
        return new SlaTotal(name, warnings + w, escalations + e, completed + c, completedEscalated + ce);
    }
}
