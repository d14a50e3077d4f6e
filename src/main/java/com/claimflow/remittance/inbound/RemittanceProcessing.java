package com.claimflow.remittance.inbound;

import com.claimflow.base.BadInputException;
import com.claimflow.claim.ClaimLine;
import com.claimflow.claim.ClaimService;
import com.claimflow.claim.ClaimStatus;
import com.claimflow.claim.ClaimSummary;
import com.claimflow.remittance.InboundResult;
import com.claimflow.remittance.InboundResult.Counts;
import com.claimflow.remittance.InboundResult.Problem;
import com.claimflow.remittance.PayerFileExceptions;
import com.claimflow.remittance.PostingResult;
import com.claimflow.remittance.RemittanceAdvice;
import com.claimflow.remittance.RemittanceService;
import com.claimflow.remittance.x12.Remittance835.Adjustment;
import com.claimflow.remittance.x12.Remittance835.ClaimPayment;
import com.claimflow.remittance.x12.Remittance835.Payment;
import com.claimflow.remittance.x12.Remittance835.ProviderAdjustment;
import com.claimflow.remittance.x12.Remittance835.ServiceLine;
import com.claimflow.remittance.x12.Remittance835Reader;
import com.claimflow.x12.X12Issue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Date;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Posts an 835 in two streaming passes over the stored file, so memory does not grow with the file:
 * <ol>
 * <li>check: envelope and segments, and that BPR02 (the money that moved) equals the sum of CLP04 minus the PLB
 * amounts. Any failure refuses the file whole: nothing is posted, the errors name the segment;</li>
 * <li>post: in one transaction for the whole file, so a file is posted whole or not at all (a failure half way rolls
 * everything back, the file is FAILED and may be sent again). Claim payments are taken {@code batch} at a time:
 * their claims are read set-based ({@link ClaimService#findAll}), each is matched by CLP01 (the 837's CLM01) and its
 * SVC lines to the claim's lines, and the batch is posted set-based through {@link RemittanceService#postAll}. A
 * payment that cannot be matched or posted is kept in {@code unmatched_payment}, listed in the result, and becomes
 * a biller task; never dropped.</li>
 * </ol>
 */
@Component
public class RemittanceProcessing {
    /** A claim the payer has and has not answered yet: sent, or acknowledged by a 277CA. */
    private static final Set<ClaimStatus> AWAITING_PAYER = EnumSet.of(ClaimStatus.SUBMITTED, ClaimStatus.ACCEPTED);
    private final InboundFileStore store;
    private final ClaimService claims;
    private final RemittanceService remittances;
    private final PayerFileExceptions exceptions;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate own;
    private final jakarta.persistence.EntityManager entities;
    private final int batch;

    public RemittanceProcessing(InboundFileStore store, ClaimService claims, RemittanceService remittances, PayerFileExceptions exceptions,
                                JdbcTemplate jdbc,
                                PlatformTransactionManager transactions, jakarta.persistence.EntityManager entities,
                                @Value("${claimflow.edi.posting-batch:500}") int batch) {
        this.store = store;
        this.claims = claims;
        this.remittances = remittances;
        this.exceptions = exceptions;
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.entities = entities;
        this.batch = Math.max(1, batch);
    }

    private static final class Tally {
        int claims, matched, posted, unmatched, duplicates, failed;
        int at;
        String payerId;
        final List<Problem> errors = new ArrayList<>();
    }

    InboundResult process(long fileId, String path, InboundFileService.Header h) {
        // pass 1: the file as a whole
        Payment payment;
        List<ProviderAdjustment> plb;
        BigDecimal claimPayments = BigDecimal.ZERO;
        int count = 0;
        List<X12Issue> issues;
        try (InputStream in = store.open(path); Remittance835Reader r = new Remittance835Reader(in)) {
            for (ClaimPayment c = r.next(); c != null; c = r.next()) {
                count++;
                if (c.paid() != null) claimPayments = claimPayments.add(c.paid());
            }
            payment = r.payment();
            plb = List.copyOf(r.providerAdjustments());
            issues = r.issues();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (issues.isEmpty() && payment == null) issues = List.of(new X12Issue(0, "BPR", "BPR02", null, "the file has no financial information (BPR)"));
        if (issues.isEmpty()) {
            BigDecimal adjustments = plb.stream().map(ProviderAdjustment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal expected = claimPayments.subtract(adjustments);
            if (payment.total().compareTo(expected) != 0) {
                issues = List.of(new X12Issue(payment.segmentNumber(), "BPR", "BPR02", null, "total payment " + payment.total().toPlainString()
                        + " is not the sum of the " + count + " claim payments (CLP04) " + claimPayments.toPlainString() + " minus the provider adjustments (PLB) "
                        + adjustments.toPlainString() + " = " + expected.toPlainString() + "; the file is refused whole, nothing was posted"));
            }
        }
        if (!issues.isEmpty()) {
            return new InboundResult(fileId, "REFUSED", h.transactionType(), h.senderId(), h.controlNumber(), null, Counts.none(),
                    issues.stream().map(Problem::of).toList());
        }
        // pass 2: post, the whole file in one transaction
        Tally t = new Tally();
        t.payerId = payment.payerId() == null || payment.payerId().isBlank() ? h.senderId() : payment.payerId();
        try {
            own.executeWithoutResult(s -> {
                try (InputStream in = store.open(path); Remittance835Reader r = new Remittance835Reader(in)) {
                    List<ClaimPayment> pending = new ArrayList<>(batch);
                    for (ClaimPayment c = r.next(); c != null; c = r.next()) {
                        pending.add(c);
                        if (pending.size() == batch) {
                            post(fileId, payment, pending, t);
                            pending.clear();
                        }
                    }
                    if (!pending.isEmpty()) post(fileId, payment, pending, t);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                jdbc.batchUpdate("insert into provider_adjustment (file_id, provider_id, fiscal_date, reason_code, reference, amount) "
                        + "values (?,?,?,?,?,?)", plb, 100, (ps, p) -> {
                    ps.setLong(1, fileId);
                    ps.setString(2, p.providerId());
                    ps.setDate(3, p.fiscalDate() == null ? null : Date.valueOf(p.fiscalDate()));
                    ps.setString(4, p.reasonCode());
                    ps.setString(5, p.reference());
                    ps.setBigDecimal(6, p.amount());
                });
            });
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(RemittanceProcessing.class).error("835 file {} failed at segment {}", fileId, t.at, e);
            return new InboundResult(fileId, "FAILED", h.transactionType(), h.senderId(), h.controlNumber(), null, Counts.none(),
                    List.of(new Problem(t.at, "CLP", null, "posting stopped in the batch of claim payments up to segment " + t.at + ": "
                            + e.getClass().getSimpleName() + ": " + e.getMessage() + "; nothing from this file was posted (a file posts whole or "
                            + "not at all), it may be sent again")));
        }
        Counts counts = new Counts(t.claims, t.matched, 0, 0, t.posted, t.unmatched, t.duplicates, t.failed);
        return new InboundResult(fileId, "PROCESSED", h.transactionType(), h.senderId(), h.controlNumber(), null, counts, t.errors);
    }

    /** Posts one batch of claim payments in the file's transaction; claims are read set-based, nothing is loaded per claim. */
    private void post(long fileId, Payment payment, List<ClaimPayment> payments, Tally t) {
        List<Long> ids = payments.stream().map(c -> AcknowledgementProcessing.claimOf(c.patientControlNumber())).flatMap(Optional::stream)
                .map(ref -> ref[0]).toList();
        Map<Long, ClaimSummary> found = claims.findAll(ids);
        List<RemittanceAdvice> advices = new ArrayList<>();
        for (ClaimPayment c : payments) {
            t.at = c.segmentNumber();
            RemittanceAdvice a = prepare(fileId, payment, c, forwardedTo(matchOf(c, found, t.payerId), t.payerId, found), t);
            if (a != null) advices.add(a);
        }
        for (PostingResult r : remittances.postAll(advices, found)) {
            if (r.duplicate()) t.duplicates++;
            else t.posted++;
        }
        entities.flush();
        entities.clear(); // the few entities a denial or reversal loaded: memory stays flat in file size
    }

    /**
     * The claim a payment names (CLP01 = CF&lt;id&gt;V&lt;version&gt;) when it exists in that version. Payers answer a
     * replacement (frequency 7) under the original's patient control number, so a payment naming a replaced claim goes
     * to the replacement that is out with the payer, whose process waits for it; a reversal (CLP02 22) stays with the
     * original, whose payment it takes back. The replacement joins {@code found}, where posting reads it.
     */
    private Optional<ClaimSummary> matchOf(ClaimPayment c, Map<Long, ClaimSummary> found, String payerId) {
        Optional<ClaimSummary> named = AcknowledgementProcessing.claimOf(c.patientControlNumber())
                .flatMap(ref -> Optional.ofNullable(found.get(ref[0])).filter(cl -> cl.version() == ref[1]))
                .or(() -> byPayerClaimNumber(c, found, payerId));
        if (named.isEmpty() || named.get().status() != ClaimStatus.REPLACED || "22".equals(c.statusCode())) return named;
        Optional<ClaimSummary> replacement = claims.latestFor(named.get().encounterId())
                .filter(r -> r.version() > named.get().version() && "7".equals(r.frequencyCode()) && AWAITING_PAYER.contains(r.status()))
                .map(r -> claims.findAll(List.of(r.id())).get(r.id()));
        replacement.ifPresent(r -> found.put(r.id(), r));
        return replacement.or(() -> named);
    }

    /**
     * A payment whose CLP01 names no claim of ours but whose CLP07 is the claim number the payer gave one of our claims
     * (payers answer a replacement under the original's ICN): that claim, read only for such a payment. An ICN is the
     * payer's own, so only a claim of the file's payer (REF*2U) counts, and only one still waiting for its answer or
     * replaced by one that is.
     */
    private Optional<ClaimSummary> byPayerClaimNumber(ClaimPayment c, Map<Long, ClaimSummary> found, String payerId) {
        if (c.payerClaimNumber() == null || c.payerClaimNumber().isBlank() || payerId == null) return Optional.empty();
        return claims.numberedByPayer(c.payerClaimNumber()).stream()
                .filter(n -> payerId.equals(n.payerId()) && (AWAITING_PAYER.contains(n.status()) || n.status() == ClaimStatus.REPLACED))
                .findFirst().map(numbered -> {
            ClaimSummary summary = claims.findAll(List.of(numbered.id())).get(numbered.id());
            found.put(summary.id(), summary);
            return summary;
        });
    }

    /**
     * A crossover's answer: the next payer's 835 names the claim the earlier payer forwarded to it (its CLP01 is the
     * patient control number we sent the earlier payer), so when the file's payer is not that claim's payer but the
     * encounter's next claim is billed to it, the payment is that claim's. Read only for such a payment.
     */
    private Optional<ClaimSummary> forwardedTo(Optional<ClaimSummary> matched, String payerId, Map<Long, ClaimSummary> found) {
        if (matched.isEmpty() || payerId == null || payerId.equals(matched.get().payerId())) return matched;
        Optional<com.claimflow.claim.Claim> next = claims.latestFor(matched.get().encounterId())
                .filter(n -> payerId.equals(n.payerId()) && n.coverageOrder() > matched.get().coverageOrder());
        if (next.isEmpty()) return matched;
        ClaimSummary summary = claims.findAll(List.of(next.get().id())).get(next.get().id());
        found.put(summary.id(), summary);
        return Optional.of(summary);
    }

    /** Matches a claim payment to its claim and lines; null (kept and listed) when it cannot be posted. */
    private RemittanceAdvice prepare(long fileId, Payment payment, ClaimPayment c, Optional<ClaimSummary> claim, Tally t) {
        t.claims++;
        if (c.problem() != null) {
            t.unmatched++;
            t.errors.add(new Problem(c.segmentNumber(), "CLP", "CLP04", c.problem() + "; kept, not posted"));
            keep(fileId, payment, c, c.problem(), t);
            return null;
        }
        if (claim.isEmpty() || "23".equals(c.statusCode())) {
            t.unmatched++;
            String reason = "23".equals(c.statusCode()) ? "claim status 23: not our claim, forwarded by the payer"
                    : "no claim of ours has patient control number '" + c.patientControlNumber() + "'";
            t.errors.add(new Problem(c.segmentNumber(), "CLP", "CLP01", reason + "; kept as unmatched payment " + c.paid()));
            keep(fileId, payment, c, reason, t);
            return null;
        }
        RemittanceAdvice advice = advice(payment.traceNumber(), c, claim.get(), t);
        Optional<String> refused = RemittanceService.refusal(advice, claim.get().totalCharge());
        if (refused.isPresent()) {
            t.failed++;
            String reason = "not posted to claim " + claim.get().id() + ": " + refused.get();
            t.errors.add(new Problem(c.segmentNumber(), "CLP", "CLP04", "claim payment " + c.patientControlNumber() + " " + reason + "; kept"));
            keep(fileId, payment, c, reason, t);
            return null;
        }
        t.matched++;
        return advice;
    }

    private RemittanceAdvice advice(String trace, ClaimPayment c, ClaimSummary claim, Tally t) {
        List<RemittanceAdvice.Adjustment> adjustments = new ArrayList<>();
        List<RemittanceAdvice.Remark> remarks = new ArrayList<>();
        for (Adjustment a : c.adjustments()) adjustments.add(new RemittanceAdvice.Adjustment(null, null, a.group(), a.carc(), a.amount(), a.quantity()));
        for (String rarc : c.remarks()) remarks.add(new RemittanceAdvice.Remark(null, rarc));
        List<RemittanceAdvice.LinePaid> linesPaid = new ArrayList<>();
        List<ClaimLine> lines = claim.lines();
        boolean[] taken = new boolean[lines.size()];
        for (ServiceLine l : c.lines()) {
            Integer lineNo = match(l, lines, taken);
            if (lineNo == null) {
                t.errors.add(new Problem(l.segmentNumber(), "SVC", "SVC01", "procedure " + l.procedureCode() + String.join("", l.modifiers().stream()
                        .map(m -> ":" + m).toList()) + " matches no line of claim " + claim.id() + "; its adjustments are posted at claim level"));
            }
            for (Adjustment a : l.adjustments()) {
                adjustments.add(new RemittanceAdvice.Adjustment(lineNo, l.procedureCode(), a.group(), a.carc(), a.amount(), a.quantity()));
            }
            for (String rarc : l.remarks()) remarks.add(new RemittanceAdvice.Remark(lineNo, rarc));
            if (lineNo != null) linesPaid.add(new RemittanceAdvice.LinePaid(lineNo, l.procedureCode(), l.modifiers(), l.charge(), l.paid(), l.units()));
        }
        BigDecimal patient = sum(adjustments, true);
        if (patient.signum() == 0 && c.patientResponsibility() != null) patient = c.patientResponsibility();
        BigDecimal contractual = sum(adjustments, false);
        RemittanceAdvice.Adjustment reason = adjustments.stream().filter(a -> !"PR".equals(a.group())).findFirst()
                .orElse(adjustments.isEmpty() ? null : adjustments.get(0));
        String sourceRef = "835:" + trace + ":" + c.patientControlNumber() + ":" + c.statusCode() + ":" + c.payerClaimNumber();
        if (sourceRef.length() > 100) sourceRef = sourceRef.substring(0, 100);
        return new RemittanceAdvice(sourceRef, claim.id(), c.payerClaimNumber(), c.paid(), contractual, patient, c.denied(),
                reason == null ? null : reason.group(), reason == null ? null : reason.carc(), remarks.isEmpty() ? null : remarks.get(0).rarc(),
                c.statusCode(), adjustments, remarks, linesPaid);
    }

    /** The claim line an SVC pays: same code and modifiers first, then same code; each claim line is paid once. */
    private static Integer match(ServiceLine l, List<ClaimLine> lines, boolean[] taken) {
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < lines.size(); i++) {
                if (taken[i] || !lines.get(i).code().equals(l.procedureCode())) continue;
                if (pass == 0 && !lines.get(i).modifiers().equals(l.modifiers())) continue;
                taken[i] = true;
                return i + 1;
            }
        }
        return null;
    }

    private static BigDecimal sum(List<RemittanceAdvice.Adjustment> adjustments, boolean patient) {
        return adjustments.stream().filter(a -> "PR".equals(a.group()) == patient).map(RemittanceAdvice.Adjustment::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Keeps a claim payment that was not posted; it becomes a biller task ({@link PayerFileExceptions}). */
    private void keep(long fileId, Payment payment, ClaimPayment c, String reason, Tally t) {
        exceptions.keepUnmatchedPayment(fileId, c.segmentNumber(), c.patientControlNumber(), c.payerClaimNumber(), c.statusCode(), c.charge(),
                c.paid(), t.payerId, reason);
    }

    /**
     * Posts a kept payment to the claim a biller named: the claim payment is read again from the stored file (its CLP
     * at the kept segment, with its adjustments and lines) and posted like a matched one, telling the claim's process.
     * Refuses with {@link BadInputException} (the task stays open) when the claim does not exist or the payment
     * cannot be posted to it.
     */
    public PostingResult postKept(long unmatchedPaymentId, long claimId) {
        PayerFileExceptions.UnmatchedPayment kept = exceptions.unmatchedPayment(unmatchedPaymentId)
                .orElseThrow(() -> new com.claimflow.base.NotFoundException("no unmatched payment " + unmatchedPaymentId));
        ClaimSummary claim = claims.findAll(List.of(claimId)).get(claimId);
        if (claim == null) throw new BadInputException("matchClaimId", "there is no claim " + claimId);
        String path = jdbc.queryForObject("select stored_path from edi_inbound_file where id = ?", String.class, kept.fileId());
        try (InputStream in = store.open(path); Remittance835Reader r = new Remittance835Reader(in)) {
            for (ClaimPayment c = r.next(); c != null; c = r.next()) {
                if (c.segmentNumber() != kept.segmentNumber()) continue;
                if (c.problem() != null) {
                    throw new BadInputException("resolution", "the payment itself is wrong (" + c.problem() + "): it cannot be posted, refund it");
                }
                RemittanceAdvice advice = advice(r.payment().traceNumber(), c, claim, new Tally());
                Optional<String> refused = RemittanceService.refusal(advice, claim.totalCharge());
                if (refused.isPresent()) throw new BadInputException("matchClaimId", "claim " + claimId + ": " + refused.get());
                PostingResult result = remittances.post(advice, false);
                if (result.duplicate()) throw new BadInputException("matchClaimId", "this payment was posted before (" + advice.sourceRef() + ")");
                return result;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("file " + kept.fileId() + " has no claim payment (CLP) at segment " + kept.segmentNumber());
    }
}
