package com.claimflow.intake.ui;

import com.claimflow.base.ui.Facts;
import com.claimflow.base.ui.Formats;
import com.claimflow.intake.Encounter;
import com.claimflow.intake.EncounterProcess;
import com.claimflow.intake.EncounterService;
import com.claimflow.reference.Payer;
import com.claimflow.reference.ReferenceService;
import com.claimflow.workqueue.TaskContext;
import com.claimflow.workqueue.TaskForm;
import com.claimflow.workqueue.TaskPanel;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import java.util.List;
import java.util.Optional;

/** The patient, the visit and its documentation for every task on an encounter; the eligibility form starts from the member id on file. */
@org.springframework.stereotype.Component
public class EncounterPanel implements TaskPanel {
    private final EncounterService encounters;
    private final ReferenceService reference;

    public EncounterPanel(EncounterService encounters, ReferenceService reference) {
        this.encounters = encounters;
        this.reference = reference;
    }

    @Override
    public String name() {
        return "encounter";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public boolean showsFor(TaskContext task) {
        return task.item().encounterId() != null;
    }

    @Override
    public List<Component> sections(TaskContext task) {
        return encounterOf(task).map(e -> List.<Component>of(new H3("Patient and visit"), facts(e), new H4("Documentation"), documentation(e)))
                .orElse(List.of());
    }

    @Override
    public void prefill(TaskContext task, TaskForm form) {
        if (!EncounterProcess.RESOLVE_ELIGIBILITY_TASK.equals(task.item().taskType())) return;
        encounterOf(task).map(Encounter::memberId).ifPresent(memberId -> form.setValueIfEmpty("memberId", memberId));
    }

    private Optional<Encounter> encounterOf(TaskContext task) {
        return encounters.find(task.item().encounterId());
    }

    private Facts facts(Encounter e) {
        return new Facts()
                .fact("Patient", e.patientName())
                .fact("Born", Formats.date(e.patientBirthDate()) + " (age " + e.patientAgeOn(e.dateOfService()) + " at the visit)")
                .fact("Sex", e.patientSex())
                .fact("Payer", payerName(e.payerId()))
                .fact("Member id", e.memberId() == null || e.memberId().isBlank() ? "missing" : e.memberId())
                .fact("Date of service", Formats.date(e.dateOfService()))
                .fact("Place of service", e.placeOfService())
                .fact("Claim type", e.claimType())
                .fact("Billing NPI", e.billingNpi())
                .fact("Rendering NPI", e.renderingNpi())
                .fact("External id", e.externalId());
    }

    private String payerName(String payerId) {
        if (payerId == null) return null;
        return reference.payer(payerId).map(Payer::name).map(n -> payerId + " · " + n).orElse(payerId);
    }

    private static Div documentation(Encounter e) {
        Div doc = new Div();
        doc.setId("documentation");
        doc.setText(e.documentation() == null || e.documentation().isBlank() ? "No documentation on file." : e.documentation());
        doc.getStyle().set("white-space", "pre-wrap")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("border", "1px solid var(--lumo-contrast-10pct)")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("max-height", "24em")
                .set("overflow", "auto")
                .set("box-sizing", "border-box")
                .set("width", "100%");
        return doc;
    }
}
