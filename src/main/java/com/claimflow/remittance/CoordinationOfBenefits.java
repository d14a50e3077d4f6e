package com.claimflow.remittance;

import com.claimflow.claim.Claim;
import com.claimflow.workqueue.TaskVariables;
import com.claimflow.claim.ClaimService;
import com.claimflow.claim.ClaimStatus;
import com.claimflow.claim.OtherPayerAdjudication;
import com.claimflow.intake.CoverageOnFile;
import com.claimflow.intake.EncounterService;
import com.claimflow.remittance.AccountEntry.Type;
import com.claimflow.remittance.internal.PaymentPostingRepository;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coordination of benefits: after a payer pays its part, the encounter's next coverage (secondary, then tertiary) is
 * billed for what is left, with what every earlier payer decided (the 837's 2320/2330/2430 loops, X12 005010X222A1
 * and X223A2). The earlier payer's patient responsibility goes back on the insurance side while the next payer has
 * it (insurance A/R), and the patient's share is recomputed when the next payer answers
 * ({@link RemittanceService}). A claim the earlier payer forwarded itself (a crossover) is kept but not sent.
 */
@Service("coordinationOfBenefits")
@Transactional
public class CoordinationOfBenefits {
    private static final Set<ClaimStatus> PAID = EnumSet.of(ClaimStatus.PAID, ClaimStatus.PARTIALLY_PAID);

    private final ClaimService claims;
    private final EncounterService encounters;
    private final PaymentPostingRepository postings;
    private final AccountService account;
    private final JdbcTemplate jdbc;

    public CoordinationOfBenefits(ClaimService claims, EncounterService encounters, PaymentPostingRepository postings, AccountService account,
                                  JdbcTemplate jdbc) {
        this.claims = claims;
        this.encounters = encounters;
        this.postings = postings;
        this.account = account;
        this.jdbc = jdbc;
    }

    /**
     * Whether the payer of this adjudicated claim leaves something for another coverage: the claim was paid (not
     * denied), its payment left the patient a share, and the encounter has a coverage after this claim's.
     */
    @Transactional(readOnly = true)
    public boolean hasNextPayer(org.camunda.bpm.engine.delegate.VariableScope process) {
        return process.getVariable(TaskVariables.CLAIM_ID) instanceof Number claimId && hasNextPayer(claimId.longValue());
    }

    /**
     * encounter.bpmn's {@code ClaimOutcomeGateway} asks this once, at its start: sets the transient variable
     * {@link AdjudicationProcess#NEXT_PAYER} (not stored, not historied) that its three conditions read, so the claim,
     * posting and encounter are read once per adjudication instead of once per condition. A denied claim has no next payer.
     */
    public void decideNextPayer(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
        boolean next = !"DENIED".equals(execution.getVariable(AdjudicationProcess.CLAIM_OUTCOME)) && hasNextPayer(execution);
        execution.setVariable(AdjudicationProcess.NEXT_PAYER, org.camunda.bpm.engine.variable.Variables.booleanValue(next, true));
    }

    /** {@link #hasNextPayer(org.camunda.bpm.engine.delegate.VariableScope)} for a claim. */
    @Transactional(readOnly = true)
    public boolean hasNextPayer(long claimId) {
        Claim claim = claims.get(claimId);
        if (!PAID.contains(claim.status())) return false;
        Optional<PaymentPosting> posting = lastPayment(claim.id());
        return posting.isPresent() && posting.get().getPatientResponsibility().signum() > 0
                && nextCoverage(claim).isPresent();
    }

    /**
     * Bills the next coverage after {@code claimId}'s: makes its claim ({@link ClaimService#billNextPayer}) and moves the
     * earlier payer's patient responsibility back to the insurance side, once (a retried job finds both done).
     */
    public Claim billNextPayer(long claimId) {
        Claim adjudicated = claims.get(claimId);
        CoverageOnFile next = nextCoverage(adjudicated).orElseThrow(() -> new IllegalStateException(
                "encounter " + adjudicated.encounterId() + " has no coverage after " + adjudicated.coverageOrder() + " to bill claim " + claimId + " to"));
        PaymentPosting paid = lastPayment(claimId).orElseThrow(() -> new IllegalStateException("claim " + claimId + " has no payment to coordinate"));
        List<OtherPayerAdjudication> earlier = new ArrayList<>(claims.otherPayersOf(claimId));
        earlier.add(adjudication(adjudicated, paid));
        Claim made = claims.billNextPayer(claimId, next.order(), next.payerId(), next.memberId(), earlier);
        Integer moved = jdbc.queryForObject("select count(*) from account_entry where claim_id = ? and entry_type = ?", Integer.class, made.id(),
                Type.NEXT_PAYER_BILLED.name());
        if (moved == 0) {
            BigDecimal share = paid.getPatientResponsibility().min(account.balance(adjudicated.encounterId()).patient()).max(BigDecimal.ZERO);
            account.post(adjudicated.encounterId(), made.id(), Type.NEXT_PAYER_BILLED, share, share.negate(),
                    "billed to " + next.orderName() + " payer " + next.payerId(), "system");
        }
        return made;
    }

    /** The payer of the encounter's coverage after this claim's, if there is one. */
    @Transactional(readOnly = true)
    public Optional<String> nextPayer(long claimId) {
        return nextCoverage(claims.get(claimId)).map(CoverageOnFile::payerId);
    }

    private Optional<CoverageOnFile> nextCoverage(Claim claim) {
        return encounters.get(claim.encounterId()).coverage(claim.coverageOrder() + 1);
    }

    /** The payment that stands: the last one posted that was not taken back. */
    private Optional<PaymentPosting> lastPayment(long claimId) {
        List<PaymentPosting> all = postings.findByClaimIdOrderById(claimId);
        for (int i = all.size() - 1; i >= 0; i--) {
            if ("PAID".equals(all.get(i).getOutcome())) return Optional.of(all.get(i));
            if ("REVERSED".equals(all.get(i).getOutcome())) return Optional.empty();
        }
        return Optional.empty();
    }

    /** What the payer decided, claim level and per line, from the posting's 835 detail. */
    private OtherPayerAdjudication adjudication(Claim claim, PaymentPosting p) {
        List<OtherPayerAdjudication.Adjustment> claimLevel = new ArrayList<>();
        java.util.Map<Integer, List<OtherPayerAdjudication.Adjustment>> byLine = new java.util.HashMap<>();
        jdbc.query("select line_no, group_code, carc, amount, quantity from remittance_adjustment where source_ref = ? and claim_id = ? order by id", rs -> {
            Integer line = (Integer) rs.getObject(1, Integer.class);
            var a = new OtherPayerAdjudication.Adjustment(rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getBigDecimal(5));
            if (line == null) claimLevel.add(a);
            else byLine.computeIfAbsent(line, k -> new ArrayList<>()).add(a);
        }, p.getSourceRef(), claim.id());
        List<OtherPayerAdjudication.LinePayment> lines = jdbc.query("select line_no, procedure_code, modifiers, paid, units from remittance_line "
                + "where source_ref = ? and claim_id = ? order by line_no", (rs, n) -> new OtherPayerAdjudication.LinePayment(rs.getInt(1), rs.getString(2),
                rs.getString(3) == null ? List.of() : List.of(rs.getString(3).split(":")), rs.getBigDecimal(4), rs.getBigDecimal(5),
                byLine.getOrDefault(rs.getInt(1), List.of())), p.getSourceRef(), claim.id());
        // line adjustments whose line the 835 did not pay in an SVC (rare) are reported at claim level
        java.util.Set<Integer> paidLines = new java.util.HashSet<>();
        lines.forEach(l -> paidLines.add(l.lineNo()));
        byLine.forEach((line, adjustments) -> {
            if (!paidLines.contains(line)) claimLevel.addAll(adjustments);
        });
        return new OtherPayerAdjudication(claim.coverageOrder(), claim.payerId(), p.getPayerClaimNumber() != null ? p.getPayerClaimNumber()
                : claim.payerClaimNumber(), p.getPaid(), p.getPatientResponsibility(), p.getPostedAt().atZone(ZoneId.systemDefault()).toLocalDate(),
                p.isForwarded(), claimLevel, lines);
    }
}
