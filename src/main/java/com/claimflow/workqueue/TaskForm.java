package com.claimflow.workqueue;

import java.util.Map;

/** The task's form as a {@link TaskPanel} sees it: fields by key, which it may fill from what is on file. */
public interface TaskForm {
    boolean has(String key);

    /** The person's answers by key: Boolean (checkbox), Double (number), String (everything else); blanks left out. */
    Map<String, Object> values();

    /** Sets a field; unknown keys are ignored. */
    void setValue(String key, Object value);

    /** Sets a field only if the person (or the form's default) has not put anything there yet. */
    void setValueIfEmpty(String key, Object value);
}
