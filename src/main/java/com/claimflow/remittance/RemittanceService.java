package com.claimflow.remittance;

import com.claimflow.base.BadInputException;
import com.claimflow.claim.Claim;
import com.claimflow.claim.ClaimService;
import com.claimflow.claim.ClaimStatus;
import com.claimflow.remittance.AccountEntry.Type;
import com.claimflow.remittance.internal.PaymentPostingRepository;
import java.math.BigDecimal;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payer responses: acknowledgements (accepted / rejected) and remittances. Each is applied to the claim and the
 * account and correlated into the encounter's process in one transaction, so a response is either fully taken or not at all.
 */
@Service
@Transactional
public class RemittanceService {
    public static final String ACK_MESSAGE = "ClaimAcknowledgement";
    public static final String REMITTANCE_MESSAGE = "RemittancePosted";

    private final ClaimService claims;
    private final AccountService account;
    private final PaymentPostingRepository postings;
    private final RuntimeService runtime;
    private final ApplicationEventPublisher events;
    private final JdbcTemplate jdbc;

    public RemittanceService(ClaimService claims, AccountService account, PaymentPostingRepository postings, RuntimeService runtime,
                             ApplicationEventPublisher events, JdbcTemplate jdbc) {
        this.claims = claims;
        this.account = account;
        this.postings = postings;
        this.runtime = runtime;
        this.events = events;
        this.jdbc = jdbc;
    }

    public void acknowledge(long claimId, boolean accepted, String payerClaimNumber, String reason) {
        claims.markAcknowledged(claimId, accepted, payerClaimNumber);
        runtime.createMessageCorrelation(ACK_MESSAGE)
                .processInstanceVariableEquals("claimId", claimId)
                .setVariable("ackAccepted", accepted)
                .setVariable("ackReason", reason)
                .correlate();
    }

    public PostingResult post(RemittanceAdvice advice) {
        return post(advice, true);
    }

    /**
     * Posts a claim payment. With {@code processMustWait} false (835 files) the encounter's process is told if it
     * waits for the remittance, and the posting stands on the account when it does not (e.g. a re-adjudication after
     * the encounter closed). A reversal (CLP02 22) takes the earlier payment, adjustments and patient share back off
     * the account and tells no process: the corrected payment that follows it does.
     */
    public PostingResult post(RemittanceAdvice advice, boolean processMustWait) {
        Claim claim = claims.get(advice.claimId());
        if (postings.existsBySourceRef(advice.sourceRef())) {
            return new PostingResult(true, null, account.balance(claim.getEncounterId()).patient());
        }
        if (advice.reversal()) return reverse(claim, advice);
        BigDecimal applied = advice.paid().add(advice.contractualAdjustment()).add(advice.patientResponsibility());
        if (!advice.denied() && applied.compareTo(claim.getTotalCharge()) > 0) {
            throw new BadInputException("remittance " + advice.sourceRef(), "paid, adjusted and patient amounts (" + applied
                    + ") exceed the claim's charge " + claim.getTotalCharge());
        }
        long encounterId = claim.getEncounterId();
        account.chargeClaim(encounterId, claim.getId(), claim.getTotalCharge());
        ClaimStatus status;
        if (advice.denied()) {
            status = ClaimStatus.DENIED;
        } else {
            account.post(encounterId, claim.getId(), Type.PAYER_PAYMENT, advice.paid().negate(), BigDecimal.ZERO, advice.sourceRef(), "payer");
            account.post(encounterId, claim.getId(), Type.CONTRACTUAL_ADJUSTMENT, advice.contractualAdjustment().negate(), BigDecimal.ZERO,
                    adjustmentReason(advice), "payer");
            account.post(encounterId, claim.getId(), Type.PATIENT_RESPONSIBILITY, advice.patientResponsibility().negate(),
                    advice.patientResponsibility(), "PR", "payer");
            status = advice.patientResponsibility().signum() > 0 ? ClaimStatus.PARTIALLY_PAID : ClaimStatus.PAID;
        }
        String outcome = advice.denied() ? "DENIED" : "PAID";
        postings.save(new PaymentPosting(advice, encounterId, claim.getTotalCharge(), outcome));
        saveDetail(advice);
        claims.markAdjudicated(claim.getId(), status);
        BigDecimal patientBalance = account.balance(encounterId).patient();
        if (advice.denied()) {
            events.publishEvent(new ClaimDenied(claim.getId(), encounterId, advice.carcGroup(), advice.carc(), advice.rarc()));
        }
        MessageCorrelationBuilder message = runtime.createMessageCorrelation(REMITTANCE_MESSAGE)
                .processInstanceVariableEquals("claimId", claim.getId())
                .setVariable("claimOutcome", outcome)
                .setVariable("patientBalance", patientBalance.doubleValue())
                .setVariable("denialCarc", advice.denied() ? advice.carc() : null)
                .setVariable("denialRarc", advice.denied() ? advice.rarc() : null);
        if (processMustWait) message.correlate();
        else message.correlateAll();
        return new PostingResult(false, outcome, patientBalance);
    }

    /**
     * Posts many claim payments in the caller's transaction, set-based: one query for the source refs posted
     * before, one for the charges on the accounts, account entries, postings and detail as JDBC batches, and message
     * correlation only for the claims whose process waits for a remittance. The outcome per claim is what
     * {@link #post(RemittanceAdvice, boolean)} gives; a claim that breaks a rule throws, and the caller redoes the
     * batch claim by claim. Reversals and denials go through {@link #post(RemittanceAdvice, boolean)}.
     */
    public List<PostingResult> postAll(List<RemittanceAdvice> advices) {
        List<PostingResult> results = new java.util.ArrayList<>();
        if (advices.isEmpty()) return results;
        java.util.Set<String> seen = new java.util.HashSet<>(jdbc.queryForList("select source_ref from payment_posting where source_ref in ("
                + String.join(",", java.util.Collections.nCopies(advices.size(), "?")) + ")", String.class,
                advices.stream().map(RemittanceAdvice::sourceRef).toArray()));
        java.util.Map<Long, Claim> byId = new java.util.HashMap<>();
        for (RemittanceAdvice a : advices) byId.computeIfAbsent(a.claimId(), claims::get);
        List<Long> encounters = byId.values().stream().map(Claim::getEncounterId).distinct().toList();
        String in = String.join(",", java.util.Collections.nCopies(encounters.size(), "?"));
        java.util.Map<Long, BigDecimal> charged = new java.util.HashMap<>();
        java.util.Map<Long, BigDecimal> patient = new java.util.HashMap<>();
        jdbc.query("select encounter_id, coalesce(sum(case when entry_type = 'CHARGE' then amount else 0 end), 0), coalesce(sum(patient_amount), 0) "
                + "from account_entry where encounter_id in (" + in + ") group by encounter_id", rs -> {
            charged.put(rs.getLong(1), rs.getBigDecimal(2));
            patient.put(rs.getLong(1), rs.getBigDecimal(3));
        }, encounters.toArray());
        List<Object[]> entries = new java.util.ArrayList<>();
        List<RemittanceAdvice> posted = new java.util.ArrayList<>();
        java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
        for (RemittanceAdvice advice : advices) {
            Claim claim = byId.get(advice.claimId());
            long encounterId = claim.getEncounterId();
            if (!seen.add(advice.sourceRef())) {
                results.add(new PostingResult(true, null, patient.getOrDefault(encounterId, BigDecimal.ZERO)));
                continue;
            }
            if (advice.reversal() || advice.denied()) {
                // rare: the one-by-one path, in file order, after what this batch has so far is written
                write(entries, posted, byId, patient);
                entries.clear();
                posted.clear();
                results.add(post(advice, false));
                patient.put(encounterId, account.balance(encounterId).patient());
                charged.put(encounterId, claim.getTotalCharge());
                continue;
            }
            BigDecimal applied = advice.paid().add(advice.contractualAdjustment()).add(advice.patientResponsibility());
            if (applied.compareTo(claim.getTotalCharge()) > 0) {
                throw new BadInputException("remittance " + advice.sourceRef(), "paid, adjusted and patient amounts (" + applied
                        + ") exceed the claim's charge " + claim.getTotalCharge());
            }
            BigDecimal delta = claim.getTotalCharge().subtract(charged.getOrDefault(encounterId, BigDecimal.ZERO));
            if (delta.signum() != 0) {
                entries.add(new Object[] {encounterId, claim.getId(), Type.CHARGE.name(), delta, BigDecimal.ZERO, "claim " + claim.getId(), "system", now});
                charged.put(encounterId, claim.getTotalCharge());
            }
            entry(entries, encounterId, claim.getId(), Type.PAYER_PAYMENT, advice.paid().negate(), BigDecimal.ZERO, advice.sourceRef(), now);
            entry(entries, encounterId, claim.getId(), Type.CONTRACTUAL_ADJUSTMENT, advice.contractualAdjustment().negate(), BigDecimal.ZERO,
                    adjustmentReason(advice), now);
            entry(entries, encounterId, claim.getId(), Type.PATIENT_RESPONSIBILITY, advice.patientResponsibility().negate(),
                    advice.patientResponsibility(), "PR", now);
            BigDecimal patientBalance = patient.getOrDefault(encounterId, BigDecimal.ZERO).add(advice.patientResponsibility());
            patient.put(encounterId, patientBalance);
            posted.add(advice);
            claims.markAdjudicated(claim.getId(), advice.patientResponsibility().signum() > 0 ? ClaimStatus.PARTIALLY_PAID : ClaimStatus.PAID);
            results.add(new PostingResult(false, "PAID", patientBalance));
        }
        write(entries, posted, byId, patient);
        return results;
    }

    private void write(List<Object[]> entries, List<RemittanceAdvice> posted, java.util.Map<Long, Claim> byId, java.util.Map<Long, BigDecimal> patient) {
        java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
        jdbc.batchUpdate("insert into account_entry (encounter_id, claim_id, entry_type, amount, patient_amount, reason, posted_by, posted_at) "
                + "values (?,?,?,?,?,?,?,?)", entries);
        jdbc.batchUpdate("insert into payment_posting (source_ref, claim_id, encounter_id, outcome, charge, paid, contractual_adjustment, "
                + "patient_responsibility, carc_group, carc, rarc, posted_at) values (?,?,?,?,?,?,?,?,?,?,?,?)", posted.stream().map(a -> {
            Claim c = byId.get(a.claimId());
            return new Object[] {a.sourceRef(), a.claimId(), c.getEncounterId(), "PAID", c.getTotalCharge(), a.paid(), a.contractualAdjustment(),
                    a.patientResponsibility(), a.carcGroup(), a.carc(), a.rarc(), now};
        }).toList());
        List<Object[]> adjustments = new java.util.ArrayList<>();
        List<Object[]> remarks = new java.util.ArrayList<>();
        for (RemittanceAdvice a : posted) {
            for (RemittanceAdvice.Adjustment x : a.adjustments()) {
                adjustments.add(new Object[] {a.sourceRef(), a.claimId(), x.lineNo(), x.procedureCode(), x.group(), x.carc(), x.amount(), x.quantity()});
            }
            for (RemittanceAdvice.Remark r : a.remarks()) remarks.add(new Object[] {a.sourceRef(), a.claimId(), r.lineNo(), r.rarc()});
        }
        jdbc.batchUpdate("insert into remittance_adjustment (source_ref, claim_id, line_no, procedure_code, group_code, carc, amount, quantity) "
                + "values (?,?,?,?,?,?,?,?)", adjustments);
        jdbc.batchUpdate("insert into remittance_remark (source_ref, claim_id, line_no, rarc) values (?,?,?,?)", remarks);
        correlateWaiting(posted, byId, patient);
    }


    private static void entry(List<Object[]> entries, long encounterId, long claimId, Type type, BigDecimal amount, BigDecimal patientAmount,
                              String reason, java.sql.Timestamp at) {
        if (amount.signum() != 0 || patientAmount.signum() != 0) {
            entries.add(new Object[] {encounterId, claimId, type.name(), amount, patientAmount, reason, "payer", at});
        }
    }

    /** Tells the processes waiting for these claims' remittance; finds them with one subscription and one variable query. */
    private void correlateWaiting(List<RemittanceAdvice> posted, java.util.Map<Long, Claim> byId, java.util.Map<Long, BigDecimal> patient) {
        if (posted.isEmpty()) return;
        long subscriptions = runtime.createEventSubscriptionQuery().eventType("message").eventName(REMITTANCE_MESSAGE).count();
        if (subscriptions > 5_000) { // many waiting: ask per claim rather than list them all
            for (RemittanceAdvice a : posted) {
                BigDecimal balance = patient.getOrDefault(byId.get(a.claimId()).getEncounterId(), BigDecimal.ZERO);
                runtime.createMessageCorrelation(REMITTANCE_MESSAGE).processInstanceVariableEquals("claimId", a.claimId())
                        .setVariable("claimOutcome", "PAID").setVariable("patientBalance", balance.doubleValue())
                        .setVariable("denialCarc", null).setVariable("denialRarc", null).correlateAll();
            }
            return;
        }
        if (subscriptions == 0) return;
        List<String> waiting = runtime.createEventSubscriptionQuery().eventType("message").eventName(REMITTANCE_MESSAGE).list().stream()
                .map(org.camunda.bpm.engine.runtime.EventSubscription::getProcessInstanceId).distinct().toList();
        if (waiting.isEmpty()) return;
        java.util.Set<Long> wanted = posted.stream().map(RemittanceAdvice::claimId).collect(java.util.stream.Collectors.toSet());
        java.util.Set<Long> waitingClaims = new java.util.HashSet<>();
        for (int i = 0; i < waiting.size(); i += 500) {
            runtime.createVariableInstanceQuery().variableName("claimId").processInstanceIdIn(waiting.subList(i, Math.min(waiting.size(), i + 500))
                    .toArray(String[]::new)).list().forEach(v -> {
                if (v.getValue() instanceof Number n && wanted.contains(n.longValue())) waitingClaims.add(n.longValue());
            });
        }
        for (RemittanceAdvice a : posted) {
            if (!waitingClaims.contains(a.claimId())) continue;
            BigDecimal balance = patient.getOrDefault(byId.get(a.claimId()).getEncounterId(), BigDecimal.ZERO);
            runtime.createMessageCorrelation(REMITTANCE_MESSAGE).processInstanceVariableEquals("claimId", a.claimId())
                    .setVariable("claimOutcome", "PAID").setVariable("patientBalance", balance.doubleValue())
                    .setVariable("denialCarc", null).setVariable("denialRarc", null).correlateAll();
        }
    }

    private PostingResult reverse(Claim claim, RemittanceAdvice advice) {
        long encounterId = claim.getEncounterId();
        // the 835 gives a reversal's amounts with the opposite sign of the payment it takes back
        account.post(encounterId, claim.getId(), Type.PAYER_PAYMENT, advice.paid().negate(), BigDecimal.ZERO, advice.sourceRef() + " reversal", "payer");
        account.post(encounterId, claim.getId(), Type.CONTRACTUAL_ADJUSTMENT, advice.contractualAdjustment().negate(), BigDecimal.ZERO,
                adjustmentReason(advice) + " reversal", "payer");
        account.post(encounterId, claim.getId(), Type.PATIENT_RESPONSIBILITY, advice.patientResponsibility().negate(),
                advice.patientResponsibility(), "PR reversal", "payer");
        postings.save(new PaymentPosting(advice, encounterId, claim.getTotalCharge(), "REVERSED"));
        saveDetail(advice);
        return new PostingResult(false, "REVERSED", account.balance(encounterId).patient());
    }

    /** The contractual adjustment's reason on the account: its CAS group and CARC codes (CO-45 when none came). */
    private static String adjustmentReason(RemittanceAdvice advice) {
        String codes = advice.adjustments().stream().filter(a -> !"PR".equals(a.group())).map(a -> a.group() + "-" + a.carc()).distinct()
                .reduce((a, b) -> a + " " + b).orElse("CO-45");
        return codes.length() > 100 ? codes.substring(0, 100) : codes;
    }

    private void saveDetail(RemittanceAdvice advice) {
        if (!advice.adjustments().isEmpty()) {
            jdbc.batchUpdate("insert into remittance_adjustment (source_ref, claim_id, line_no, procedure_code, group_code, carc, amount, quantity) "
                    + "values (?,?,?,?,?,?,?,?)", advice.adjustments(), 100, (ps, a) -> {
                ps.setString(1, advice.sourceRef());
                ps.setLong(2, advice.claimId());
                ps.setObject(3, a.lineNo());
                ps.setString(4, a.procedureCode());
                ps.setString(5, a.group());
                ps.setString(6, a.carc());
                ps.setBigDecimal(7, a.amount());
                ps.setBigDecimal(8, a.quantity());
            });
        }
        if (!advice.remarks().isEmpty()) {
            jdbc.batchUpdate("insert into remittance_remark (source_ref, claim_id, line_no, rarc) values (?,?,?,?)", advice.remarks(), 100, (ps, r) -> {
                ps.setString(1, advice.sourceRef());
                ps.setLong(2, advice.claimId());
                ps.setObject(3, r.lineNo());
                ps.setString(4, r.rarc());
            });
        }
    }

    /** The CAS adjustments posted for a claim (every group and CARC, claim and line level). */
    @Transactional(readOnly = true)
    public List<RemittanceAdvice.Adjustment> adjustmentsFor(long claimId) {
        return jdbc.query("select line_no, procedure_code, group_code, carc, amount, quantity from remittance_adjustment where claim_id = ? order by id",
                (rs, n) -> new RemittanceAdvice.Adjustment((Integer) rs.getObject(1, Integer.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getBigDecimal(5), rs.getBigDecimal(6)), claimId);
    }

    /** The remark codes (RARC) posted for a claim. */
    @Transactional(readOnly = true)
    public List<RemittanceAdvice.Remark> remarksFor(long claimId) {
        return jdbc.query("select line_no, rarc from remittance_remark where claim_id = ? order by id",
                (rs, n) -> new RemittanceAdvice.Remark((Integer) rs.getObject(1, Integer.class), rs.getString(2)), claimId);
    }

    @Transactional(readOnly = true)
    public List<PaymentPosting> postingsFor(long claimId) {
        return postings.findByClaimIdOrderById(claimId);
    }
}
