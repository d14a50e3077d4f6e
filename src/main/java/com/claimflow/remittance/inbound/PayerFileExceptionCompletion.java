package com.claimflow.remittance.inbound;

import com.claimflow.base.BadInputException;
import com.claimflow.remittance.PayerFileExceptionProcess;
import com.claimflow.remittance.PayerFileExceptions;
import com.claimflow.workqueue.TaskCompletion;
import com.claimflow.workqueue.WorkItem;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A biller resolves a payer file exception. An unmatched payment is posted to the claim they name ({@code MATCHED},
 * posted and correlated like a matched one) or recorded as {@code NOT_OURS} or {@code REFUND}; a provider rejection is
 * recorded as {@code CORRECTED} or {@code NO_ACTION}. Always with a note; the resolution is the process variable
 * {@code exceptionResolution}.
 */
@Component
public class PayerFileExceptionCompletion implements TaskCompletion {
    private static final Set<String> PAYMENT_RESOLUTIONS = Set.of("MATCHED", "NOT_OURS", "REFUND");
    private static final Set<String> REJECTION_RESOLUTIONS = Set.of("CORRECTED", "NO_ACTION");

    private final PayerFileExceptions exceptions;
    private final RemittanceProcessing remittances;

    public PayerFileExceptionCompletion(PayerFileExceptions exceptions, RemittanceProcessing remittances) {
        this.exceptions = exceptions;
        this.remittances = remittances;
    }

    @Override
    public boolean handles(String taskType) {
        return PayerFileExceptionProcess.RESOLVE_UNMATCHED_PAYMENT_TASK.equals(taskType)
                || PayerFileExceptionProcess.RESOLVE_PROVIDER_REJECTION_TASK.equals(taskType);
    }

    @Override
    public Map<String, Object> complete(WorkItem item, Map<String, Object> form, String userId) {
        String note = PayerFileExceptions.requireNote(form.get("note"));
        String resolution = form.get("resolution") instanceof String s ? s : "";
        if (PayerFileExceptionProcess.RESOLVE_PROVIDER_REJECTION_TASK.equals(item.taskType())) {
            if (!REJECTION_RESOLUTIONS.contains(resolution)) throw new BadInputException("resolution", "choose CORRECTED or NO_ACTION");
            long id = exceptions.providerRejectionOf(item.processInstanceId()).orElseThrow().id();
            exceptions.resolveRejection(id, resolution, note, userId);
            return Map.of(PayerFileExceptionProcess.EXCEPTION_RESOLUTION, resolution);
        }
        if (!PAYMENT_RESOLUTIONS.contains(resolution)) throw new BadInputException("resolution", "choose MATCHED, NOT_OURS or REFUND");
        long id = exceptions.unmatchedPaymentOf(item.processInstanceId()).orElseThrow().id();
        Long claimId = null;
        if ("MATCHED".equals(resolution)) {
            claimId = claimId(form.get("matchClaimId"));
            remittances.postKept(id, claimId);
        }
        exceptions.resolvePayment(id, resolution, claimId, note, userId);
        return Map.of(PayerFileExceptionProcess.EXCEPTION_RESOLUTION, resolution);
    }

    private static long claimId(Object value) {
        String text = value == null ? "" : value.toString().trim();
        if (!text.matches("\\d{1,15}")) throw new BadInputException("matchClaimId", "name the claim id the payment is for (digits)");
        return Long.parseLong(text);
    }
}
