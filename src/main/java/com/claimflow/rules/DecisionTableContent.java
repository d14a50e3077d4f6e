package com.claimflow.rules;

import java.util.List;

/** One decision of a table as a person reads it: its columns and each rule's entries and annotation. */
public record DecisionTableContent(String key, String name, String hitPolicy, List<String> inputs, List<String> outputs, List<Rule> rules) {

    /** One row: its entries in column order and the annotation (the rule's description). */
    public record Rule(int number, List<String> inputEntries, List<String> outputEntries, String annotation) {
    }
}
