package com.claimflow.rules;

/** A table a person may change, with the version the engine evaluates now. */
public record RuleTableSummary(String key, String label, RuleVersion current) {
}
