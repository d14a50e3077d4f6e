package com.claimflow.submission;

/** A claim as one version of it was sent: what a 999 answers when it names a transaction set's control number. */
public record ClaimVersion(long claimId, int version) {
}
