package com.claimflow.workqueue;

import java.time.Instant;

/**
 * Something a person wrote while working an encounter, kept so every later task of the encounter and its timeline show
 * it. {@code taskId} and {@code taskType} are null for a note written outside a task (an API call, the encounter page).
 */
public record Note(long id, long encounterId, String taskId, String taskType, Kind kind, String author, Instant writtenAt, String text) {

    /** Why the note was written. */
    public enum Kind {
        /** The note a worker completed a task with. */
        COMPLETED,
        /** Why a worker sent the task to the leads. */
        ESCALATED,
        /** Why a lead moved the task. */
        REASSIGNED,
        /** The question a coder asked the provider. */
        PROVIDER_QUERY,
        /** The provider's answer. */
        PROVIDER_ANSWER,
        /** The payer's decision on an appeal, as a biller read it from the letter. */
        APPEAL_DECISION,
        /** Anything else said about the encounter. */
        NOTE
    }
}
