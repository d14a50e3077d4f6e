package com.claimflow.claimstatus.internal;

import com.claimflow.claimstatus.ClaimStatusDecision;
import com.claimflow.claimstatus.ClaimStatusInquiries;
import com.claimflow.claimstatus.ClaimStatusInquiries.Outcome;
import com.claimflow.claimstatus.ClaimStatusInquiries.Taken;
import com.claimflow.remittance.InboundAnswers;
import com.claimflow.remittance.InboundResult;
import com.claimflow.remittance.InboundResult.Counts;
import com.claimflow.remittance.InboundResult.Problem;
import com.claimflow.remittance.x12.ClaimStatusResponse277;
import com.claimflow.remittance.x12.ClaimStatusResponse277.Answer;
import com.claimflow.remittance.x12.InboundReaders;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a 277 claim status response (X212) received through the inbound files and takes each claim status in a
 * transaction of its own. A file with nothing to take is REFUSED with what the reader found; a status with no inquiry
 * of ours (unknown TRN02) is listed, not taken. Counts: accepted = the answers that let adjudication wait again,
 * rejected = those that need a biller.
 */
@Component
class ClaimStatusAnswerFiles implements InboundAnswers {
    private static final Logger log = LoggerFactory.getLogger(ClaimStatusAnswerFiles.class);
    private final ClaimStatusInquiries inquiries;
    private final TransactionTemplate own;

    ClaimStatusAnswerFiles(ClaimStatusInquiries inquiries, PlatformTransactionManager transactions) {
        this.inquiries = inquiries;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public String transactionType() {
        return "277";
    }

    @Override
    public InboundResult read(long fileId, String senderId, String controlNumber, InputStream content) {
        ClaimStatusResponse277 file = InboundReaders.read277ClaimStatus(content);
        List<Problem> errors = new ArrayList<>(file.issues().stream().map(Problem::of).toList());
        List<Answer> usable = file.claims().stream().filter(a -> !a.traceNumber().isEmpty() && !a.statuses().isEmpty()).toList();
        if (usable.isEmpty()) {
            if (errors.isEmpty()) errors.add(new Problem(0, "HL", "HL03", "the 277 answers no claim status inquiry (2200D/2200E)"));
            return new InboundResult(fileId, "REFUSED", "277", senderId, controlNumber, null, Counts.none(), errors);
        }
        int matched = 0;
        int waits = 0;
        int people = 0;
        int unmatched = 0;
        int failed = 0;
        for (Answer a : usable) {
            try {
                Taken taken = own.execute(s -> inquiries.answer(fileId, a));
                if (taken.outcome() == Outcome.UNKNOWN_TRACE) {
                    unmatched++;
                    errors.add(new Problem(a.segmentNumber(), "TRN", "TRN02", "loop " + a.loop() + ": trace number '" + a.traceNumber()
                            + "' answers no claim status inquiry of ours; the answer is kept in this file only"));
                    continue;
                }
                matched++;
                if (taken.decision().action().equals(ClaimStatusDecision.WAIT)) waits++;
                else people++;
                if (taken.outcome() == Outcome.LATE) errors.add(new Problem(a.segmentNumber(), "TRN", "TRN02", "loop " + a.loop() + ": trace number '"
                        + a.traceNumber() + "': stored on its claim; adjudication no longer waited for it (answered before, or the wait had ended)"));
            } catch (RuntimeException e) {
                log.error("277 file {}: claim status at segment {} not taken", fileId, a.segmentNumber(), e);
                failed++;
                errors.add(new Problem(a.segmentNumber(), "TRN", "TRN02", "trace number '" + a.traceNumber() + "' not taken: "
                        + e.getClass().getSimpleName() + ": " + e.getMessage()));
            }
        }
        return new InboundResult(fileId, "PROCESSED", "277", senderId, controlNumber, null,
                new Counts(file.claims().size(), matched, waits, people, 0, unmatched, 0, failed), errors);
    }
}
