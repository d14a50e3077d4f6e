package com.claimflow.workqueue;

import java.util.Map;

/**
 * What a capability does when a person completes one of its task types: validate and store the form's business data
 * (codes, corrected member id) and return the process variables the model routes on. Throwing
 * {@link com.claimflow.base.BadInputException} refuses the completion and leaves the task open.
 */
public interface TaskCompletion {
    boolean handles(String taskType);

    Map<String, Object> complete(WorkItem item, Map<String, Object> form, String userId);
}
