package com.claimflow.eligibility.internal;

import com.claimflow.eligibility.EligibilityInquiries;
import com.claimflow.eligibility.EligibilityInquiries.Taken;
import com.claimflow.eligibility.x12.Eligibility271;
import com.claimflow.eligibility.x12.Eligibility271.Answer;
import com.claimflow.eligibility.x12.Eligibility271.Coverage;
import com.claimflow.eligibility.x12.Eligibility271Reader;
import com.claimflow.remittance.InboundAnswers;
import com.claimflow.remittance.InboundResult;
import com.claimflow.remittance.InboundResult.Counts;
import com.claimflow.remittance.InboundResult.Problem;
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
 * Reads a 271 file received through the inbound files and takes each answer in a transaction of its own, so one
 * answer that fails leaves the others taken. A file with no answer to take is REFUSED with what the reader found; an
 * answer with no inquiry of ours (unknown TRN02) or one answered before is listed, not taken.
 */
@Component
class EligibilityAnswerFiles implements InboundAnswers {
    private static final Logger log = LoggerFactory.getLogger(EligibilityAnswerFiles.class);
    private final EligibilityInquiries inquiries;
    private final TransactionTemplate own;

    EligibilityAnswerFiles(EligibilityInquiries inquiries, PlatformTransactionManager transactions) {
        this.inquiries = inquiries;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public String transactionType() {
        return "271";
    }

    @Override
    public InboundResult read(long fileId, String senderId, String controlNumber, InputStream content) {
        Eligibility271 file = Eligibility271Reader.read(content);
        List<Problem> errors = new ArrayList<>(file.issues().stream().map(Problem::of).toList());
        if (file.answers().isEmpty()) {
            if (errors.isEmpty()) errors.add(new Problem(0, "HL", "HL03", "the 271 answers no subscriber or dependent (2000C/2000D)"));
            return new InboundResult(fileId, "REFUSED", "271", senderId, controlNumber, null, Counts.none(), errors);
        }
        int matched = 0;
        int active = 0;
        int notActive = 0;
        int unmatched = 0;
        int duplicates = 0;
        int failed = 0;
        for (Answer a : file.answers()) {
            try {
                Taken taken = own.execute(s -> inquiries.answer(fileId, a));
                switch (taken) {
                    case UNKNOWN_TRACE -> {
                        unmatched++;
                        errors.add(new Problem(a.segment(), "TRN", "TRN02", "trace number '"
                                + a.traceNumber() + "' answers no eligibility inquiry of ours; the answer is kept in this file only"));
                    }
                    case ANSWERED_BEFORE -> {
                        duplicates++;
                        errors.add(new Problem(a.segment(), "TRN", "TRN02", "trace number '" + a.traceNumber()
                                + "' was answered before; this answer is kept in this file only"));
                    }
                    case LATE, APPLIED -> {
                        matched++;
                        if (a.coverage() == Coverage.ACTIVE) active++;
                        else notActive++;
                        if (taken == Taken.LATE) errors.add(new Problem(a.segment(), "TRN", "TRN02", "trace number '" + a.traceNumber()
                                + "': stored on its inquiry; intake no longer waited for it (the wait had ended), the biller's task shows it"));
                    }
                }
            } catch (RuntimeException e) {
                log.error("271 file {}: answer at segment {} not taken", fileId, a.segment(), e);
                failed++;
                errors.add(new Problem(a.segment(), "TRN", "TRN02", "trace number '" + a.traceNumber() + "' not taken: "
                        + e.getClass().getSimpleName() + ": " + e.getMessage()));
            }
        }
        return new InboundResult(fileId, "PROCESSED", "271", senderId, controlNumber, null,
                new Counts(file.answers().size(), matched, active, notActive, 0, unmatched, duplicates, failed), errors);
    }
}
