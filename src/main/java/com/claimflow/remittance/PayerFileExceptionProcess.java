package com.claimflow.remittance;

import com.claimflow.workqueue.TaskVariables;

/** Names of the {@code payer-file-exception} process ({@code processes/payer-file-exception.bpmn}). */
public final class PayerFileExceptionProcess {
    /** Process id. */
    public static final String PROCESS = "payer-file-exception";
    /** Set at its start: what kind of exception, its row, the file it came in, the payer, a payment's amount. */
    public static final String EXCEPTION_TYPE = "exceptionType";
    public static final String EXCEPTION_ID = "exceptionId";
    public static final String INBOUND_FILE_ID = "inboundFileId";
    public static final String PAYER_ID = TaskVariables.PAYER_ID;
    public static final String PAYMENT_AMOUNT = TaskVariables.PAYMENT_AMOUNT;
    /** Its tasks and what completing one sets. */
    public static final String RESOLVE_UNMATCHED_PAYMENT_TASK = "ResolveUnmatchedPayment";
    public static final String RESOLVE_PROVIDER_REJECTION_TASK = "ResolveProviderRejection";
    public static final String EXCEPTION_RESOLUTION = "exceptionResolution";

    private PayerFileExceptionProcess() {
    }
}
