package com.claimflow.rules;

import java.util.List;

/**
 * What a check of an uploaded file found: the problems that refuse it (each naming what to fix), or, when there are
 * none, the samples answered by the current and the uploaded version side by side.
 */
public record RuleCheck(String key, int currentVersion, List<String> problems, List<SampleAnswer> answers) {

    public boolean accepted() {
        return problems.isEmpty();
    }

    public long changedAnswers() {
        return answers.stream().filter(SampleAnswer::changed).count();
    }
}
