package com.claimflow.remittance.ui;

import com.claimflow.base.ui.Facts;
import com.claimflow.base.ui.Formats;
import com.claimflow.remittance.PayerFileExceptionProcess;
import com.claimflow.remittance.PayerFileExceptions;
import com.claimflow.workqueue.TaskContext;
import com.claimflow.workqueue.TaskPanel;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H3;
import java.util.List;
import java.util.Set;

/** What a payer-file-exception task is about: an 835 payment no claim matches, or a 277CA rejection of a provider or the file. */
@org.springframework.stereotype.Component
public class PayerFilePanel implements TaskPanel {
    private static final Set<String> TASKS = Set.of(PayerFileExceptionProcess.RESOLVE_UNMATCHED_PAYMENT_TASK, PayerFileExceptionProcess.RESOLVE_PROVIDER_REJECTION_TASK);

    private final PayerFileExceptions exceptions;

    public PayerFilePanel(PayerFileExceptions exceptions) {
        this.exceptions = exceptions;
    }

    @Override
    public String name() {
        return "payer-file";
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public boolean showsFor(TaskContext task) {
        return TASKS.contains(task.item().taskType());
    }

    @Override
    public List<Component> sections(TaskContext task) {
        String processInstance = task.item().processInstanceId();
        var payment = exceptions.unmatchedPaymentOf(processInstance);
        if (payment.isPresent()) {
            var p = payment.get();
            return List.of(new H3("Payment from the payer"), new Facts()
                    .fact("Patient control number", Formats.orNone(p.patientControlNumber()))
                    .fact("Payer claim number", Formats.orNone(p.payerClaimNumber()))
                    .fact("Claim status (CLP02)", Formats.orNone(p.statusCode()))
                    .fact("Charged", Formats.money(p.charge()))
                    .fact("Paid", Formats.money(p.paid()))
                    .fact("Why it was not posted", p.reason())
                    .fact("835 file", p.fileId() + ", segment " + p.segmentNumber()));
        }
        return exceptions.providerRejectionOf(processInstance).<List<Component>>map(r -> List.of(new H3("Rejection from the payer"), new Facts()
                .fact("Rejected", r.level().equals("2000B") ? "the whole file (information receiver)" : "billing provider")
                .fact("Name", Formats.orNone(r.entityName()))
                .fact("Id", Formats.orNone(r.entityId()))
                .fact("Status (STC)", r.statuses())
                .fact("277CA file", r.fileId() + ", segment " + r.segmentNumber()))).orElse(List.of());
    }
}
