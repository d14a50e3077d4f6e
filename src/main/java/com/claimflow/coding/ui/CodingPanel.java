package com.claimflow.coding.ui;

import com.claimflow.base.ui.Facts;
import com.claimflow.base.ui.Formats;
import com.claimflow.coding.Coding;
import com.claimflow.coding.CodingProcess;
import com.claimflow.coding.CapturedCharges;
import com.claimflow.coding.CodingService;
import com.claimflow.coding.ProcedureLine;
import com.claimflow.coding.ProviderQueries;
import com.claimflow.identity.Roles;
import com.claimflow.reference.ReferenceService;
import com.claimflow.workqueue.Note;
import com.claimflow.workqueue.TaskContext;
import com.claimflow.workqueue.TaskForm;
import com.claimflow.workqueue.TaskPanel;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The provider query (questions and answers) and the codes on file while the encounter has no claim yet; coder forms start from those codes and get a code lookup that
 * writes into them.
 */
@org.springframework.stereotype.Component
public class CodingPanel implements TaskPanel {
    private final CodingService coding;
    private final ReferenceService reference;
    private final ProviderQueries queries;
    private final CapturedCharges captured;

    public CodingPanel(CodingService coding, ReferenceService reference, ProviderQueries queries, CapturedCharges captured) {
        this.captured = captured;
        this.coding = coding;
        this.reference = reference;
        this.queries = queries;
    }

    @Override
    public String name() {
        return "coding";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public boolean showsFor(TaskContext task) {
        return task.item().encounterId() != null;
    }

    @Override
    public List<Component> sections(TaskContext task) {
        List<Component> sections = new ArrayList<>();
        List<Note> thread = queries.thread(task.item().encounterId());
        if (!thread.isEmpty()) sections.add(providerQuery(thread));
        coding.codingOf(task.item().encounterId()).ifPresent(c -> sections.add(codes(c)));
        Paragraph noClaim = new Paragraph("No claim yet: it is built from the codes once coding is done.");
        noClaim.setId("no-claim");
        noClaim.getStyle().set("color", "var(--lumo-secondary-text-color)");
        sections.add(noClaim);
        return sections;
    }

    @Override
    public void prefill(TaskContext task, TaskForm form) {
        if (!CodingProcess.TASKS_WITH_CODES.contains(task.item().taskType()) && !Roles.CODERS.equals(task.item().queue())) return;
        long encounterId = task.item().encounterId();
        var coded = coding.codingOf(encounterId);
        if (coded.isPresent()) {
            form.setValueIfEmpty("diagnosisCodes", String.join(", ", coded.get().diagnoses()));
            form.setValueIfEmpty("procedureLines", coded.get().procedures().stream().map(ProcedureLine::format).collect(Collectors.joining("\n")));
            return;
        }
        // not coded yet: start from the charges the clinical system sent, for the coder to check
        captured.draftOf(encounterId).ifPresent(d -> {
            form.setValueIfEmpty("diagnosisCodes", String.join(", ", d.diagnoses()));
            form.setValueIfEmpty("procedureLines", d.procedures().stream().map(ProcedureLine::format).collect(Collectors.joining("\n")));
        });
    }

    @Override
    public List<Component> tools(TaskContext task, TaskForm form) {
        if (!form.has("diagnosisCodes") || !form.has("procedureLines") || !task.mayWork()) return List.of();
        return List.of(new CodeLookup(reference, form));
    }

    /** The coder's questions to the provider and the answers, oldest first, so the resumed coding task shows both. */
    private static Component providerQuery(List<Note> thread) {
        VerticalLayout section = new VerticalLayout();
        section.setId("provider-query");
        section.setPadding(false);
        section.add(new H3("Provider query"));
        Facts facts = new Facts();
        for (Note n : thread) {
            String who = n.kind() == Note.Kind.PROVIDER_QUERY ? "Asked by " + n.author() : "Answer, recorded by " + n.author();
            facts.fact(who + ", " + Formats.dateTime(n.writtenAt()), n.text());
        }
        section.add(facts);
        if (thread.get(thread.size() - 1).kind() == Note.Kind.PROVIDER_QUERY) {
            Paragraph waiting = new Paragraph("No answer yet.");
            waiting.getStyle().set("color", "var(--lumo-secondary-text-color)");
            section.add(waiting);
        }
        return section;
    }

    private static Component codes(Coding c) {
        VerticalLayout section = new VerticalLayout();
        section.setId("coding");
        section.setPadding(false);
        section.add(new H3("Codes on file"));
        section.add(new Facts()
                .fact("Diagnoses", Formats.numbered(c.diagnoses()))
                .fact("Procedures", c.procedures().stream().map(ProcedureLine::format).collect(Collectors.joining("; ")))
                .fact("Coded by", c.codedBy() + ", " + Formats.dateTime(c.codedAt())));
        return section;
    }
}
