package com.claimflow.intake.ui;

import com.claimflow.base.ui.Facts;
import com.claimflow.base.ui.Formats;
import com.claimflow.intake.CoverageOnFile;
import com.claimflow.intake.Encounter;
import com.claimflow.intake.EncounterProcess;
import com.claimflow.intake.EncounterService;
import com.claimflow.intake.Subscriber;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The patient, their coverages, the visit and its documentation for every task on an encounter; the eligibility form
 * starts from the member id on file.
 */
@org.springframework.stereotype.Component
public class EncounterPanel implements TaskPanel {
    /** X12 individual relationship codes of the patient to the subscriber, in words. */
    private static final Map<String, String> RELATIONSHIPS = Map.of("01", "spouse", "19", "child", "20", "employee", "21", "unknown",
            "39", "organ donor", "40", "cadaver donor", "53", "life partner", "G8", "other relationship");

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
        Facts facts = new Facts()
                .fact("Patient", e.patientName())
                .fact("Born", Formats.date(e.patientBirthDate()) + " (age " + e.patientAgeOn(e.dateOfService()) + " at the visit)")
                .fact("Sex", e.patientSex())
                .fact("Address", e.patientAddress() == null ? "none on file" : String.join(", ", e.patientAddress().lines()))
                .fact("Phone", e.patientPhone() == null ? "none on file" : e.patientPhone());
        for (CoverageOnFile c : e.coverages()) {
            String label = c.orderName().substring(0, 1).toUpperCase(Locale.ROOT) + c.orderName().substring(1) + " coverage";
            facts.fact(label, coverage(c));
        }
        return facts
                .fact("Date of service", Formats.date(e.dateOfService()))
                .fact("Place of service", e.placeOfService())
                .fact("Claim type", e.claimType())
                .fact("Billing NPI", e.billingNpi())
                .fact("Rendering NPI", e.renderingNpi())
                .fact("External id", e.externalId());
    }

    /** "BCBS · Blue Cross, member XYZ1, group 88001; subscriber Test, Sam (spouse), born 1978-07-04". */
    private String coverage(CoverageOnFile c) {
        StringBuilder text = new StringBuilder(payerName(c.payerId()))
                .append(", member ").append(c.memberId() == null || c.memberId().isBlank() ? "missing" : c.memberId());
        if (c.groupNumber() != null) text.append(", group ").append(c.groupNumber());
        if (c.isSelf()) return text.append("; the patient is the subscriber").toString();
        Subscriber s = c.subscriber();
        return text.append("; subscriber ").append(s.name()).append(" (").append(RELATIONSHIPS.getOrDefault(c.relationship(), c.relationship()))
                .append("), born ").append(Formats.date(s.birthDate())).toString();
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
