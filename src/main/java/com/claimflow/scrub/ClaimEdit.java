package com.claimflow.scrub;

import java.util.List;

/** A named scrubber rule. Implementations are Spring beans in {@code scrub.edits}; each is small and tested on its own. */
public interface ClaimEdit {
    List<Finding> check(ScrubSubject subject);
}
