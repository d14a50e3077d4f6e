package com.claimflow.sla;

import com.claimflow.document.PdfPages;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The SLA register as a PDF report for an auditor: what was asked, the totals with compliance, then the events (capped). */
final class SlaReport {
    /** The most events a report lists; past it the report says how to get them all (the CSV). */
    static final int MAX_ROWS = 2000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    private SlaReport() {
    }

    static byte[] write(SlaFilter filter, SlaTotals totals, List<SlaEvent> events, Instant at, String by) {
        PdfPages pdf = new PdfPages("SLA register " + filter.period());
        pdf.heading("SLA register: " + filter.period());
        pdf.text("Filters: " + filter.describe() + ". Days and times are UTC.");
        pdf.text("Made " + TIME.format(at) + " by " + by + ".");
        if (filter.narrowsBeyondTotals()) {
            pdf.text("The totals follow the period, queue and person only; payer, task type and open/resolved narrow the event list.");
        }
        pdf.subheading("Totals per queue");
        totalsTable(pdf, "Queue", totals.perQueue(), totals.all());
        pdf.subheading("Totals per person");
        totalsTable(pdf, "Person", totals.perPerson(), totals.all());
        pdf.text("Warnings and escalations count by who held the task when raised; completed tasks and compliance (the share of "
                + "completed tasks never escalated) by who completed them.");
        pdf.subheading("Events, newest first");
        boolean capped = events.size() > MAX_ROWS;
        List<String[]> rows = new ArrayList<>();
        for (SlaEvent e : capped ? events.subList(0, MAX_ROWS) : events) {
            rows.add(new String[] {TIME.format(e.raisedAt()), e.kind() == SlaEvent.Kind.WARNING ? "warning" : "escalation", e.taskType(),
                    e.encounterId() == null ? "" : String.valueOf(e.encounterId()), e.queue(), e.holder() == null ? "" : e.holder(),
                    TIME.format(e.dueAt()), minutes(e.late()), e.isOpen() ? "open" : e.resolvedByText()});
        }
        pdf.table(new String[] {"Raised", "Kind", "Task type", "Encounter", "Queue", "Holder", "Due", "Late/left", "Resolved by"},
                new float[] {0.15f, 0.1f, 0.16f, 0.09f, 0.09f, 0.1f, 0.15f, 0.07f, 0.09f},
                new boolean[] {false, false, false, true, false, false, false, true, false}, rows);
        if (events.isEmpty()) pdf.text("No events match.");
        if (capped) {
            pdf.blank().text("Only the newest " + MAX_ROWS + " events are listed; more match. The CSV export (/api/sla-events.csv) holds them all.");
        }
        return pdf.toBytes();
    }

    private static void totalsTable(PdfPages pdf, String what, List<SlaTotal> totals, SlaTotal all) {
        List<String[]> rows = new ArrayList<>();
        for (SlaTotal t : totals) rows.add(row(t.name(), t));
        rows.add(row("All", all));
        pdf.table(new String[] {what, "Warnings", "Escalations", "Completed", "Completed escalated", "Compliance"},
                new float[] {0.3f, 0.12f, 0.13f, 0.13f, 0.18f, 0.14f}, new boolean[] {false, true, true, true, true, true}, rows);
    }

    private static String[] row(String name, SlaTotal t) {
        return new String[] {name, String.valueOf(t.warnings()), String.valueOf(t.escalations()), String.valueOf(t.completed()),
                String.valueOf(t.completedEscalated()), t.complianceText()};
    }

    /** "95 min"; a warning's time left or an escalation's lateness. */
    static String minutes(Duration d) {
        return d.toMinutes() + " min";
    }
}
