package com.claimflow.workqueue.ui;

import com.claimflow.base.ui.Badge;
import com.claimflow.workqueue.WorkItem;

/** A task's SLA state as a coloured badge: On time (green), Warned (amber), Escalated (red). */
final class SlaBadge {
    private SlaBadge() {
    }

    static Badge of(WorkItem.SlaState state) {
        if (state == null) return new Badge("–", Badge.Tone.NEUTRAL);
        return switch (state) {
            case OK -> new Badge("On time", Badge.Tone.SUCCESS);
            case WARNED -> new Badge("Warned", Badge.Tone.WARNING);
            case ESCALATED -> new Badge("Escalated", Badge.Tone.ERROR);
        };
    }
}
