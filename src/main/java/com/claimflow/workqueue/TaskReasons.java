package com.claimflow.workqueue;

import java.util.List;

/**
 * Why a task exists, as the capability that raised it knows it: the explanation counterpart of {@link TaskPanel}, read
 * by the task page ("Why this task") and the task API ({@code reasons}). Every bean is asked for every task and answers
 * an empty list when it has nothing to say about it.
 */
public interface TaskReasons {
    /** Place among the reasons, lowest first: the stages' order (eligibility before scrub before the payer's answers). */
    int order();

    List<ReasonSection> reasonsFor(WorkItem item);
}
