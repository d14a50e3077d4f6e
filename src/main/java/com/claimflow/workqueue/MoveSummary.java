package com.claimflow.workqueue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** What a bulk move did: each task moved, with where to, and each it could not move, with why. */
public record MoveSummary(int asked, List<Moved> moved, List<NotMoved> notMoved) {

    public record Moved(String taskId, String to) {
    }

    public record NotMoved(String taskId, String why) {
    }

    /** How many tasks went to each person ("queue" for the ones put back), by name. */
    public Map<String, Long> movedPerTarget() {
        return moved.stream().collect(Collectors.groupingBy(m -> m.to() == null ? "queue" : m.to(), TreeMap::new, Collectors.counting()));
    }

    /** One line for people and the audit trail: "48 of 50 moved (carla 16, chen 16, colin 16); 2 not moved". */
    public String headline() {
        String per = movedPerTarget().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        return moved.size() + " of " + asked + " moved" + (per.isEmpty() ? "" : " (" + per + ")") + "; " + notMoved.size() + " not moved";
    }
}
