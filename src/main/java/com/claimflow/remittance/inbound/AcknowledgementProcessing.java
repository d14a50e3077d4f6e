package com.claimflow.remittance.inbound;

import com.claimflow.claim.Claim;
import com.claimflow.claim.ClaimService;
import com.claimflow.claim.ClaimStatus;
import com.claimflow.remittance.InboundResult;
import com.claimflow.remittance.InboundResult.Counts;
import com.claimflow.remittance.InboundResult.Problem;
import com.claimflow.remittance.PayerFileExceptions;
import com.claimflow.remittance.RemittanceService;
import com.claimflow.remittance.x12.Ack999;
import com.claimflow.remittance.x12.ClaimStatus277;
import com.claimflow.remittance.x12.InboundReaders;
import com.claimflow.submission.ClaimVersion;
import com.claimflow.submission.SubmissionService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies 999 and 277CA files. The file is read whole first (they are small: one entry per transaction set or
 * claim); a file with structural errors is refused and nothing is applied. Then each claim's answer is applied in
 * its own transaction through {@link RemittanceService#acknowledge}: a rejection becomes the biller's FixRejectedClaim
 * task with the reason, a 277CA acceptance records the payer's claim number and moves the process on. A claim that
 * already had its answer counts as a duplicate; one we cannot find is unmatched; both are listed, never dropped.
 */
@Component
public class AcknowledgementProcessing {
    private static final Pattern PCN = Pattern.compile("CF(\\d{1,15})V(\\d{1,5})");

    private final InboundFileStore store;
    private final ClaimService claims;
    private final RemittanceService remittances;
    private final SubmissionService sent;
    private final PayerFileExceptions exceptions;
    private final TransactionTemplate own;

    public AcknowledgementProcessing(InboundFileStore store, ClaimService claims, RemittanceService remittances, SubmissionService sent,
                                     PayerFileExceptions exceptions, PlatformTransactionManager transactions) {
        this.store = store;
        this.claims = claims;
        this.remittances = remittances;
        this.sent = sent;
        this.exceptions = exceptions;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Claim id and version from a patient control number we wrote (CLM01 {@code CF<id>V<version>}). */
    public static Optional<long[]> claimOf(String patientControlNumber) {
        if (patientControlNumber == null) return Optional.empty();
        Matcher m = PCN.matcher(patientControlNumber.trim());
        return m.matches() ? Optional.of(new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))}) : Optional.empty();
    }

    private static final class Tally {
        int claims, matched, accepted, rejected, unmatched, duplicates, failed;
        final List<Problem> errors = new ArrayList<>();

        Counts counts() {
            return new Counts(claims, matched, accepted, rejected, 0, unmatched, duplicates, failed);
        }
    }

    InboundResult process999(long fileId, String path, InboundFileService.Header h) {
        Ack999 ack;
        try (InputStream in = store.open(path)) {
            ack = InboundReaders.read999(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!ack.issues().isEmpty()) return refused(fileId, h, ack.issues().stream().map(Problem::of).toList());
        Tally t = new Tally();
        for (Ack999.TransactionAck a : ack.transactions()) {
            t.claims++;
            Optional<ClaimVersion> claim = sent.claimOfTransaction(a.controlNumber());
            if (claim.isEmpty()) {
                t.unmatched++;
                t.errors.add(new Problem(a.segmentNumber(), "AK2", "AK202", "no 837 was sent with transaction set control number " + a.controlNumber()));
                continue;
            }
            t.matched++;
            if (a.accepted()) {
                t.accepted++;
                continue;
            }
            apply(t, a.segmentNumber(), "AK2", claim.get().claimId(), false, null,
                    "999 rejected the 837 (transaction " + a.controlNumber() + ", IK5 " + a.status() + ")" + (a.reason().isEmpty() ? "" : ": " + a.reason()));
        }
        return new InboundResult(fileId, "PROCESSED", h.transactionType(), h.senderId(), h.controlNumber(), null, t.counts(), t.errors);
    }

    InboundResult process277(long fileId, String path, InboundFileService.Header h) {
        ClaimStatus277 status;
        try (InputStream in = store.open(path)) {
            status = InboundReaders.read277(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!status.issues().isEmpty()) return refused(fileId, h, status.issues().stream().map(Problem::of).toList());
        Tally t = new Tally();
        for (ClaimStatus277.ClaimAck c : status.claims()) {
            t.claims++;
            Optional<long[]> ref = claimOf(c.patientControlNumber());
            Optional<Claim> claim = ref.flatMap(r -> find(r[0])).filter(cl -> cl.version() == ref.get()[1]);
            if (claim.isEmpty()) {
                t.unmatched++;
                t.errors.add(new Problem(c.segmentNumber(), "TRN", "TRN02", "no claim of ours has patient control number '" + c.patientControlNumber() + "'"));
                continue;
            }
            t.matched++;
            apply(t, c.segmentNumber(), "STC", claim.get().id(), c.accepted(), c.payerClaimNumber(),
                    c.accepted() ? null : "277CA rejected the claim: " + c.reason());
        }
        List<InboundResult.Rejection> rejections = new ArrayList<>();
        for (ClaimStatus277.ProviderStatus p : status.providers()) {
            if (!p.rejects()) continue;
            // with claims under it, each claim's own STC makes its own task; with none, nothing would: a biller task says who and why
            // (one: the same answer sent again while its task is open raises no second task)
            Optional<Long> open = p.claims() == 0 ? exceptions.openRejection(p.level(), p.entityId(), p.reason(), h.senderId()) : Optional.empty();
            boolean task = p.claims() == 0 && open.isEmpty();
            rejections.add(new InboundResult.Rejection(p.segmentNumber(), p.level(), p.entityName(), p.entityId(), p.reason(), p.claims(), task));
            t.errors.add(new Problem(p.segmentNumber(), "STC", "STC01", "277CA rejected the " + p.describe() + ": " + p.reason()
                    + (p.claims() > 0 ? "; its " + p.claims() + " claim(s) are answered one by one"
                    : task ? "; no claim is listed under it: a biller task was raised"
                    : "; no claim is listed under it: the biller task for the same rejection (" + open.get() + ") is still open")));
            if (task) {
                own.executeWithoutResult(s -> exceptions.raiseProviderRejection(fileId, p.segmentNumber(), p.level(), p.entityName(), p.entityId(),
                        p.reason(), h.senderId()));
            }
        }
        return new InboundResult(fileId, "PROCESSED", h.transactionType(), h.senderId(), h.controlNumber(), null, t.counts(), t.errors, rejections);
    }

    private Optional<Claim> find(long claimId) {
        try {
            return Optional.of(claims.get(claimId));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private void apply(Tally t, int segment, String segmentId, long claimId, boolean accepted, String payerClaimNumber, String reason) {
        try {
            boolean applied = Boolean.TRUE.equals(own.execute(s -> {
                Claim claim = claims.get(claimId);
                if (claim.status() != ClaimStatus.SUBMITTED) return false; // answered before (or by another file)
                remittances.acknowledge(claimId, accepted, payerClaimNumber, reason);
                return true;
            }));
            if (!applied) {
                t.duplicates++;
                return;
            }
            if (accepted) t.accepted++;
            else t.rejected++;
        } catch (RuntimeException e) {
            t.failed++;
            t.errors.add(new Problem(segment, segmentId, null, "claim " + claimId + " not updated: " + e.getMessage()));
        }
    }

    private static InboundResult refused(long fileId, InboundFileService.Header h, List<Problem> problems) {
        return new InboundResult(fileId, "REFUSED", h.transactionType(), h.senderId(), h.controlNumber(), null, Counts.none(), problems);
    }
}
