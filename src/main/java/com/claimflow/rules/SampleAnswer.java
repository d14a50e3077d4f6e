package com.claimflow.rules;

/** One sample evaluated by the current version and by the uploaded one; {@code changed} when the answers differ. */
public record SampleAnswer(String decision, String inputs, String current, String uploaded, boolean changed) {
}
