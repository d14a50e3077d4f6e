package com.claimflow.submission;

import java.nio.file.Path;

/**
 * Hands a claim file to a clearinghouse. Must be idempotent per file name: after a crash between the hand-off and
 * the commit that marks it sent, the dispatcher hands the same file (same name, same interchange control number,
 * same content) over again, and the connection must not deliver it twice.
 */
public interface ClearinghouseConnection {
    /** How batches record which connection took them. */
    String name();

    /** Delivers {@code file} under {@code fileName}; does nothing when a file of that name was delivered before. */
    void deliver(String fileName, Path file);
}
