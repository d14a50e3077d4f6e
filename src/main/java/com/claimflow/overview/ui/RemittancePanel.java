package com.claimflow.overview.ui;

import com.claimflow.base.ui.Facts;
import com.claimflow.base.ui.Formats;
import com.claimflow.overview.EncounterFile.Adjustment;
import com.claimflow.overview.EncounterFile.Payment;
import com.claimflow.overview.EncounterFile.Remark;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;

/**
 * Every 835 claim payment (CLP) posted for the encounter's claims, newest first: the amounts, then each adjustment
 * (CAS group and CARC, claim or line level) and remark (RARC) with what the code means.
 */
class RemittancePanel extends VerticalLayout {

    RemittancePanel(List<Payment> payments) {
        setPadding(false);
        setId("remittance");
        if (payments.isEmpty()) add(new Span("No remittance yet."));
        for (int i = payments.size() - 1; i >= 0; i--) add(payment(payments.get(i)));
    }

    private static VerticalLayout payment(Payment p) {
        H4 title = new H4("Claim " + p.claimId() + " · " + EncountersView.stageLabel(p.outcome()) + " · posted " + Formats.dateTime(p.postedAt()));
        Facts facts = new Facts()
                .fact("Charge", Formats.money(p.charge()))
                .fact("Allowed", Formats.money(p.allowed()))
                .fact("Paid", Formats.money(p.paid()))
                .fact("Contractual adjustment", Formats.money(p.contractualAdjustment()))
                .fact("Patient responsibility", Formats.money(p.patientResponsibility()))
                .fact("Payer's reference", p.sourceRef());
        Grid<Adjustment> cas = new Grid<>();
        cas.addClassName("adjustments");
        cas.addColumn(a -> a.line() == null ? "claim" : "line " + a.line() + (a.procedureCode() == null ? "" : " " + a.procedureCode()))
                .setKey("level").setHeader("Level").setAutoWidth(true);
        cas.addColumn(a -> a.group() + "-" + a.carc()).setKey("code").setHeader("Group-CARC").setAutoWidth(true);
        cas.addColumn(a -> Formats.orNone(a.description())).setKey("description").setHeader("Reason").setFlexGrow(3);
        cas.addColumn(a -> Formats.money(a.amount())).setKey("amount").setHeader("Amount").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        cas.setItems(p.adjustments());
        cas.setAllRowsVisible(true);
        cas.addThemeVariants(GridVariant.LUMO_COMPACT);
        cas.setEmptyStateText("No adjustments.");
        UnorderedList remarks = new UnorderedList();
        for (Remark r : p.remarks()) {
            remarks.add(new ListItem((r.line() == null ? "Claim" : "Line " + r.line()) + " remark " + r.rarc() + ": " + Formats.orNone(r.description())));
        }
        VerticalLayout section = new VerticalLayout(title, facts, cas);
        if (!p.remarks().isEmpty()) section.add(remarks);
        section.setPadding(false);
        section.setSpacing(false);
        return section;
    }
}
