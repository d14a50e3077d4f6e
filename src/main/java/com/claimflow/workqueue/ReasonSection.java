package com.claimflow.workqueue;

import java.util.List;

/**
 * One part of why a task exists, in the words and codes of whoever raised it (a scrub edit, a payer's rejection or
 * denial, an eligibility check): a title, labelled facts, and lines read in order (one per edit, code or adjustment).
 */
public record ReasonSection(String title, List<Fact> facts, List<String> lines) {
    public ReasonSection {
        facts = List.copyOf(facts);
        lines = List.copyOf(lines);
    }

    /** A labelled value, e.g. "CARC" → "50 · not medically necessary". */
    public record Fact(String label, String value) {
    }

    public static Fact fact(String label, Object value) {
        return new Fact(label, value == null ? "none" : String.valueOf(value));
    }
}
