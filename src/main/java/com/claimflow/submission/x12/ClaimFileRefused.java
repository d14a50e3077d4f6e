package com.claimflow.submission.x12;

import com.claimflow.x12.X12Issue;
import java.util.List;

/** The 837 written for a claim breaks the implementation guide: it must not leave; the issues say where. */
public class ClaimFileRefused extends RuntimeException {
    private final List<X12Issue> issues;

    public ClaimFileRefused(List<X12Issue> issues) {
        super("837 not valid: " + summary(issues));
        this.issues = List.copyOf(issues);
    }

    public List<X12Issue> issues() {
        return issues;
    }

    /** The first issues in one line, for a task or a log. */
    public static String summary(List<X12Issue> issues) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < issues.size() && i < 5; i++) {
            if (i > 0) b.append("; ");
            b.append(issues.get(i));
        }
        if (issues.size() > 5) b.append("; and ").append(issues.size() - 5).append(" more");
        return b.toString();
    }
}
