package com.claimflow.submission;

/**
 * Hands a claim file to a clearinghouse. Must be idempotent per {@link OutboxMessage#handOffName()}: the dispatcher
 * may hand the same message over again after a crash between hand-off and commit.
 */
public interface ClearinghouseConnection {
    void deliver(OutboxMessage message);
}
