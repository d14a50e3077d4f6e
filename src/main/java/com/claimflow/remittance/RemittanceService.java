package com.claimflow.remittance;

import com.claimflow.base.BadInputException;
import com.claimflow.claim.Claim;
import com.claimflow.claim.ClaimService;
import com.claimflow.claim.ClaimStatus;
import com.claimflow.claim.ClaimSummary;
import com.claimflow.intake.EncounterProcess;
import com.claimflow.remittance.AccountEntry.Type;
import com.claimflow.remittance.internal.PaymentPostingRepository;
import com.claimflow.submission.SubmissionProcess;
import java.math.BigDecimal;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payer responses: acknowledgements (accepted / rejected) and remittances. Each is applied to the claim and the
 * account and correlated into the encounter's process in one transaction, so a response is either fully taken or not at all.
 */
@Service
@Transactional
public class RemittanceService {

    private final ClaimService claims;
    private final AccountService account;
    private final PaymentPostingRepository postings;
    private final RuntimeService runtime;
    private final org.camunda.bpm.engine.ManagementService management;
    private final ApplicationEventPublisher events;
    private final JdbcTemplate jdbc;

    public RemittanceService(ClaimService claims, AccountService account, PaymentPostingRepository postings, RuntimeService runtime,
                             org.camunda.bpm.engine.ManagementService management, ApplicationEventPublisher events, JdbcTemplate jdbc) {
        this.claims = claims;
        this.account = account;
        this.postings = postings;
        this.runtime = runtime;
        this.management = management;
        this.events = events;
        this.jdbc = jdbc;
    }

    public void acknowledge(long claimId, boolean accepted, String payerClaimNumber, String reason) {
        claims.markAcknowledged(claimId, accepted, payerClaimNumber);
        runtime.createMessageCorrelation(SubmissionProcess.CLAIM_ACKNOWLEDGEMENT_MESSAGE)
                .processInstanceVariableEquals(EncounterProcess.CLAIM_ID, claimId)
                .setVariable(SubmissionProcess.ACK_ACCEPTED, accepted)
                .setVariable(SubmissionProcess.ACK_REASON, reason)
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
            return new PostingResult(true, null, account.balance(claim.encounterId()).patient());
        }
        if (advice.reversal()) return reverse(claim, advice);
        java.util.Optional<String> refused = refusal(advice, claim.totalCharge());
        if (refused.isPresent()) throw new BadInputException("remittance " + advice.sourceRef(), refused.get());
        long encounterId = claim.encounterId();
        account.chargeClaim(encounterId, claim.id(), claim.totalCharge());
        ClaimStatus status;
        if (advice.denied()) {
            status = ClaimStatus.DENIED;
        } else if (claim.coverageOrder() > 1) {
            postLaterPayer(claim, advice);
            status = advice.patientResponsibility().signum() > 0 ? ClaimStatus.PARTIALLY_PAID : ClaimStatus.PAID;
        } else {
            account.post(encounterId, claim.id(), Type.PAYER_PAYMENT, advice.paid().negate(), BigDecimal.ZERO, advice.sourceRef(), "payer");
            account.post(encounterId, claim.id(), Type.CONTRACTUAL_ADJUSTMENT, advice.contractualAdjustment().negate(), BigDecimal.ZERO,
                    adjustmentReason(advice), "payer");
            account.post(encounterId, claim.id(), Type.PATIENT_RESPONSIBILITY, advice.patientResponsibility().negate(),
                    advice.patientResponsibility(), "PR", "payer");
            status = advice.patientResponsibility().signum() > 0 ? ClaimStatus.PARTIALLY_PAID : ClaimStatus.PAID;
        }
        String outcome = advice.denied() ? "DENIED" : "PAID";
        postings.save(new PaymentPosting(advice, encounterId, claim.totalCharge(), outcome));
        saveDetail(advice);
        claims.markAdjudicated(claim.id(), status);
        claims.payerNumbered(claim.id(), advice.payerClaimNumber());
        BigDecimal patientBalance = account.balance(encounterId).patient();
        if (advice.denied()) {
            events.publishEvent(new ClaimDenied(claim.id(), encounterId, advice.carcGroup(), advice.carc(), advice.rarc()));
        }
        MessageCorrelationBuilder message = runtime.createMessageCorrelation(AdjudicationProcess.REMITTANCE_POSTED_MESSAGE)
                .processInstanceVariableEquals(EncounterProcess.CLAIM_ID, claim.id())
                .setVariable(AdjudicationProcess.CLAIM_OUTCOME, outcome)
                .setVariable(AdjudicationProcess.PATIENT_BALANCE, patientBalance.doubleValue())
                .setVariable(AdjudicationProcess.DENIAL_CARC, advice.denied() ? advice.carc() : null)
                .setVariable(AdjudicationProcess.DENIAL_RARC, advice.denied() ? advice.rarc() : null);
        if (processMustWait) message.correlate();
        else message.correlateAll();
        return new PostingResult(false, outcome, patientBalance);
    }

    /**
     * A secondary or tertiary payer's payment. Its claim billed what the earlier payers left (moved back to the
     * insurance side when the claim was made, {@link CoordinationOfBenefits}); the payment comes off it, the patient's
     * responsibility is now this payer's PR (recomputed, not added to the earlier payer's), and what is left on the
     * insurance side is adjusted off with this payer's reasons (e.g. OA-23, the earlier payer's adjudication). A payer
     * that pays more than was left leaves a credit, which a biller refunds.
     */
    private void postLaterPayer(Claim claim, RemittanceAdvice advice) {
        long encounterId = claim.encounterId();
        account.post(encounterId, claim.id(), Type.PAYER_PAYMENT, advice.paid().negate(), BigDecimal.ZERO, advice.sourceRef(), "payer");
        account.post(encounterId, claim.id(), Type.PATIENT_RESPONSIBILITY, advice.patientResponsibility().negate(),
                advice.patientResponsibility(), "PR", "payer");
        BigDecimal left = account.balance(encounterId).insurance();
        if (left.signum() > 0) {
            account.post(encounterId, claim.id(), Type.CONTRACTUAL_ADJUSTMENT, left.negate(), BigDecimal.ZERO, adjustmentReason(advice), "payer");
        }
    }

    /**
     * Why a claim payment cannot be posted to a claim with this total charge, or empty when it can: the paid,
     * adjusted and patient amounts of a payment (not a denial or reversal) must not exceed the charge.
     */
    public static java.util.Optional<String> refusal(RemittanceAdvice advice, BigDecimal claimCharge) {
        if (advice.denied() || advice.reversal()) return java.util.Optional.empty();
        BigDecimal applied = advice.paid().add(advice.contractualAdjustment()).add(advice.patientResponsibility());
        return applied.compareTo(claimCharge) > 0
                ? java.util.Optional.of("paid, adjusted and patient amounts (" + applied + ") exceed the claim's charge " + claimCharge)
                : java.util.Optional.empty();
    }

    /**
     * Posts many claim payments in the caller's transaction, set-based: one query for the source refs posted
     * before, one for the claims ({@link ClaimService#findAll}), one for the charges on the accounts; account entries,
     * postings and detail as JDBC batches, one status update per outcome, and message correlation only for the claims
     * whose process waits for a remittance. The outcome per claim is what {@link #post(RemittanceAdvice, boolean)}
     * gives. A payment that breaks a rule ({@link #refusal}) or names no claim throws: the caller checks first.
     * Reversals and denials (rare) go through {@link #post(RemittanceAdvice, boolean)}.
     */
    public List<PostingResult> postAll(List<RemittanceAdvice> advices) {
        return postAll(advices, claims.findAll(advices.stream().map(RemittanceAdvice::claimId).toList()));
    }

    /** {@link #postAll(List)} with the claims the caller has read already ({@link ClaimService#findAll}). */
    public List<PostingResult> postAll(List<RemittanceAdvice> advices, java.util.Map<Long, ClaimSummary> byId) {
        List<PostingResult> results = new java.util.ArrayList<>();
        if (advices.isEmpty()) return results;
        java.util.Set<String> seen = new java.util.HashSet<>(jdbc.queryForList("select source_ref from payment_posting where source_ref in ("
                + String.join(",", java.util.Collections.nCopies(advices.size(), "?")) + ")", String.class,
                advices.stream().map(RemittanceAdvice::sourceRef).toArray()));
        for (RemittanceAdvice a : advices) {
            if (!byId.containsKey(a.claimId())) throw new com.claimflow.base.NotFoundException("no claim " + a.claimId());
        }
        List<Long> encounters = byId.values().stream().map(ClaimSummary::encounterId).distinct().toList();
        String in = String.join(",", java.util.Collections.nCopies(encounters.size(), "?"));
        java.util.Map<Long, BigDecimal> charged = new java.util.HashMap<>();
        java.util.Map<Long, BigDecimal> patient = new java.util.HashMap<>();
        jdbc.query("select encounter_id, coalesce(sum(case when entry_type = 'CHARGE' then amount else 0 end), 0), coalesce(sum(patient_amount), 0) "
                + "from account_entry where encounter_id in (" + in + ") group by encounter_id", rs -> {
            charged.put(rs.getLong(1), rs.getBigDecimal(2));
            patient.put(rs.getLong(1), rs.getBigDecimal(3));
        }, encounters.toArray());
        Batch batch = new Batch(byId, patient);
        java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
        for (RemittanceAdvice advice : advices) {
            ClaimSummary claim = byId.get(advice.claimId());
            long encounterId = claim.encounterId();
            if (!seen.add(advice.sourceRef())) {
                results.add(new PostingResult(true, null, patient.getOrDefault(encounterId, BigDecimal.ZERO)));
                continue;
            }
            if (advice.reversal() || advice.denied() || claim.coverageOrder() > 1) {
                // rare (a secondary payer's payment too): the one-by-one path, in file order, after what this batch has so far is written
                write(batch);
                results.add(post(advice, false));
                patient.put(encounterId, account.balance(encounterId).patient());
                charged.put(encounterId, claim.totalCharge());
                continue;
            }
            java.util.Optional<String> refused = refusal(advice, claim.totalCharge());
            if (refused.isPresent()) throw new BadInputException("remittance " + advice.sourceRef(), refused.get());
            BigDecimal delta = claim.totalCharge().subtract(charged.getOrDefault(encounterId, BigDecimal.ZERO));
            if (delta.signum() != 0) {
                batch.entries.add(new Object[] {encounterId, claim.id(), Type.CHARGE.name(), delta, BigDecimal.ZERO, "claim " + claim.id(), "system", now});
                charged.put(encounterId, claim.totalCharge());
            }
            entry(batch.entries, encounterId, claim.id(), Type.PAYER_PAYMENT, advice.paid().negate(), BigDecimal.ZERO, advice.sourceRef(), now);
            entry(batch.entries, encounterId, claim.id(), Type.CONTRACTUAL_ADJUSTMENT, advice.contractualAdjustment().negate(), BigDecimal.ZERO,
                    adjustmentReason(advice), now);
            entry(batch.entries, encounterId, claim.id(), Type.PATIENT_RESPONSIBILITY, advice.patientResponsibility().negate(),
                    advice.patientResponsibility(), "PR", now);
            BigDecimal patientBalance = patient.getOrDefault(encounterId, BigDecimal.ZERO).add(advice.patientResponsibility());
            patient.put(encounterId, patientBalance);
            batch.posted.add(advice);
            batch.outcomes.computeIfAbsent(advice.patientResponsibility().signum() > 0 ? ClaimStatus.PARTIALLY_PAID : ClaimStatus.PAID,
                    k -> new java.util.ArrayList<>()).add(claim.id());
            results.add(new PostingResult(false, "PAID", patientBalance));
        }
        write(batch);
        return results;
    }

    /** What {@link #postAll} has gathered and not written yet. */
    private static final class Batch {
        final java.util.Map<Long, ClaimSummary> claims;
        final java.util.Map<Long, BigDecimal> patient;
        final List<Object[]> entries = new java.util.ArrayList<>();
        final List<RemittanceAdvice> posted = new java.util.ArrayList<>();
        final java.util.Map<ClaimStatus, List<Long>> outcomes = new java.util.EnumMap<>(ClaimStatus.class);

        Batch(java.util.Map<Long, ClaimSummary> claims, java.util.Map<Long, BigDecimal> patient) {
            this.claims = claims;
            this.patient = patient;
        }
    }

    private void write(Batch b) {
        java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
        insert("insert into account_entry (encounter_id, claim_id, entry_type, amount, patient_amount, reason, posted_by, posted_at) "
                + "values (?,?,?,?,?,?,?,?)", b.entries);
        insert("insert into payment_posting (source_ref, claim_id, encounter_id, outcome, charge, paid, contractual_adjustment, "
                + "patient_responsibility, carc_group, carc, rarc, posted_at, forwarded, payer_claim_number) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                b.posted.stream().map(a -> {
            ClaimSummary c = b.claims.get(a.claimId());
            return new Object[] {a.sourceRef(), a.claimId(), c.encounterId(), "PAID", c.totalCharge(), a.paid(), a.contractualAdjustment(),
                    a.patientResponsibility(), a.carcGroup(), a.carc(), a.rarc(), now, a.forwardedToNextPayer(), a.payerClaimNumber()};
        }).toList());
        List<Object[]> adjustments = new java.util.ArrayList<>();
        List<Object[]> remarks = new java.util.ArrayList<>();
        for (RemittanceAdvice a : b.posted) {
            for (RemittanceAdvice.Adjustment x : a.adjustments()) {
                adjustments.add(new Object[] {a.sourceRef(), a.claimId(), x.lineNo(), x.procedureCode(), x.group(), x.carc(), x.amount(), x.quantity()});
            }
            for (RemittanceAdvice.Remark r : a.remarks()) remarks.add(new Object[] {a.sourceRef(), a.claimId(), r.lineNo(), r.rarc()});
        }
        insert("insert into remittance_adjustment (source_ref, claim_id, line_no, procedure_code, group_code, carc, amount, quantity) "
                + "values (?,?,?,?,?,?,?,?)", adjustments);
        insert("insert into remittance_remark (source_ref, claim_id, line_no, rarc) values (?,?,?,?)", remarks);
        insert(LINE_PAID, b.posted.stream().flatMap(a -> a.linesPaid().stream().map(l -> linePaidRow(a, l))).toList());
        b.outcomes.forEach((status, ids) -> claims.markAdjudicated(ids, status));
        java.util.Map<Long, String> numbers = new java.util.HashMap<>();
        for (RemittanceAdvice a : b.posted) if (a.payerClaimNumber() != null) numbers.put(a.claimId(), a.payerClaimNumber());
        claims.payerNumberedAll(numbers); // the 835's CLP07: the payer's claim number it gave last
        correlateWaiting(b.posted, b.claims, b.patient);
        b.entries.clear();
        b.posted.clear();
        b.outcomes.clear();
    }

    /** One JDBC batch (a multi-row insert with Connector/J's rewriteBatchedStatements); nulls bound without asking the driver for types. */
    private void insert(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) return;
        jdbc.batchUpdate(sql, new org.springframework.jdbc.core.BatchPreparedStatementSetter() {
            @Override
            public void setValues(java.sql.PreparedStatement ps, int i) throws java.sql.SQLException {
                Object[] row = rows.get(i);
                for (int c = 0; c < row.length; c++) {
                    if (row[c] == null) ps.setNull(c + 1, java.sql.Types.NULL);
                    else ps.setObject(c + 1, row[c]);
                }
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
    }

    private static void entry(List<Object[]> entries, long encounterId, long claimId, Type type, BigDecimal amount, BigDecimal patientAmount,
                              String reason, java.sql.Timestamp at) {
        if (amount.signum() != 0 || patientAmount.signum() != 0) {
            entries.add(new Object[] {encounterId, claimId, type.name(), amount, patientAmount, reason, "payer", at});
        }
    }

    /**
     * Tells the processes waiting for these claims' remittance. One query finds the process instances of these
     * encounters (business key, indexed) that hold a {@code RemittancePosted} subscription, one reads their claim ids;
     * only a process waiting for exactly this claim is told, by its process instance id.
     */
    private void correlateWaiting(List<RemittanceAdvice> posted, java.util.Map<Long, ClaimSummary> byId, java.util.Map<Long, BigDecimal> patient) {
        if (posted.isEmpty()) return;
        String keys = posted.stream().map(a -> "'" + byId.get(a.claimId()).encounterId() + "'").distinct()
                .collect(java.util.stream.Collectors.joining(","));
        String executions = management.getTableName(org.camunda.bpm.engine.runtime.Execution.class);
        String subscriptions = management.getTableName(org.camunda.bpm.engine.impl.persistence.entity.EventSubscriptionEntity.class);
        List<String> waiting = runtime.createNativeProcessInstanceQuery().sql("select RES.* from " + executions + " RES where RES.ID_ in ("
                + "select S.PROC_INST_ID_ from " + subscriptions + " S join " + executions + " P on P.ID_ = S.PROC_INST_ID_ "
                + "where S.EVENT_TYPE_ = 'message' and S.EVENT_NAME_ = #{message} and P.BUSINESS_KEY_ in (" + keys + "))")
                .parameter("message", AdjudicationProcess.REMITTANCE_POSTED_MESSAGE)
                .list().stream().map(org.camunda.bpm.engine.runtime.ProcessInstance::getId).toList();
        if (waiting.isEmpty()) return;
        java.util.Map<Long, List<String>> instancesByClaim = new java.util.HashMap<>();
        runtime.createVariableInstanceQuery().variableName(EncounterProcess.CLAIM_ID)
                .processInstanceIdIn(waiting.toArray(String[]::new)).list().forEach(v -> {
            if (v.getValue() instanceof Number n) instancesByClaim.computeIfAbsent(n.longValue(), k -> new java.util.ArrayList<>()).add(v.getProcessInstanceId());
        });
        for (RemittanceAdvice a : posted) {
            BigDecimal balance = patient.getOrDefault(byId.get(a.claimId()).encounterId(), BigDecimal.ZERO);
            for (String instance : instancesByClaim.getOrDefault(a.claimId(), List.of())) {
                runtime.createMessageCorrelation(AdjudicationProcess.REMITTANCE_POSTED_MESSAGE).processInstanceId(instance)
                        .setVariable(AdjudicationProcess.CLAIM_OUTCOME, "PAID")
                        .setVariable(AdjudicationProcess.PATIENT_BALANCE, balance.doubleValue())
                        .setVariable(AdjudicationProcess.DENIAL_CARC, null).setVariable(AdjudicationProcess.DENIAL_RARC, null).correlate();
            }
        }
    }

    private PostingResult reverse(Claim claim, RemittanceAdvice advice) {
        long encounterId = claim.encounterId();
        // the 835 gives a reversal's amounts with the opposite sign of the payment it takes back
        account.post(encounterId, claim.id(), Type.PAYER_PAYMENT, advice.paid().negate(), BigDecimal.ZERO, advice.sourceRef() + " reversal", "payer");
        account.post(encounterId, claim.id(), Type.CONTRACTUAL_ADJUSTMENT, advice.contractualAdjustment().negate(), BigDecimal.ZERO,
                adjustmentReason(advice) + " reversal", "payer");
        account.post(encounterId, claim.id(), Type.PATIENT_RESPONSIBILITY, advice.patientResponsibility().negate(),
                advice.patientResponsibility(), "PR reversal", "payer");
        postings.save(new PaymentPosting(advice, encounterId, claim.totalCharge(), "REVERSED"));
        saveDetail(advice);
        return new PostingResult(false, "REVERSED", account.balance(encounterId).patient());
    }

    /** The contractual adjustment's reason on the account: its CAS group and CARC codes (CO-45 when none came). */
    private static String adjustmentReason(RemittanceAdvice advice) {
        String codes = advice.adjustments().stream().filter(a -> !"PR".equals(a.group())).map(a -> a.group() + "-" + a.carc()).distinct()
                .reduce((a, b) -> a + " " + b).orElse("CO-45");
        return codes.length() > 100 ? codes.substring(0, 100) : codes;
    }

    private static final String LINE_PAID = "insert into remittance_line (source_ref, claim_id, line_no, procedure_code, modifiers, charge, paid, units) "
            + "values (?,?,?,?,?,?,?,?)";

    private static Object[] linePaidRow(RemittanceAdvice a, RemittanceAdvice.LinePaid l) {
        return new Object[] {a.sourceRef(), a.claimId(), l.lineNo(), l.procedureCode(), l.modifiers().isEmpty() ? null : String.join(":", l.modifiers()),
                l.charge(), l.paid(), l.units()};
    }

    private void saveDetail(RemittanceAdvice advice) {
        insert(LINE_PAID, advice.linesPaid().stream().map(l -> linePaidRow(advice, l)).toList());
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

    /** What the payer paid on each line of a claim (835 SVC), in the order posted. */
    @Transactional(readOnly = true)
    public List<RemittanceAdvice.LinePaid> linesPaidFor(long claimId) {
        return jdbc.query("select line_no, procedure_code, modifiers, charge, paid, units from remittance_line where claim_id = ? order by id",
                (rs, n) -> new RemittanceAdvice.LinePaid(rs.getInt(1), rs.getString(2), rs.getString(3) == null ? List.of() : List.of(rs.getString(3).split(":")),
                        rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6)), claimId);
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
