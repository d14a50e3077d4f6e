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

    public RemittanceService(ClaimService claims, AccountService account, PaymentPostingRepository postings, RuntimeService runtime,
                             ApplicationEventPublisher events) {
        this.claims = claims;
        this.account = account;
        this.postings = postings;
        this.runtime = runtime;
        this.events = events;
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
        Claim claim = claims.get(advice.claimId());
        if (postings.existsBySourceRef(advice.sourceRef())) {
            return new PostingResult(true, null, account.balance(claim.getEncounterId()).patient());
        }
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
                    "CO-45", "payer");
            account.post(encounterId, claim.getId(), Type.PATIENT_RESPONSIBILITY, advice.patientResponsibility().negate(),
                    advice.patientResponsibility(), "PR", "payer");
            status = advice.patientResponsibility().signum() > 0 ? ClaimStatus.PARTIALLY_PAID : ClaimStatus.PAID;
        }
        String outcome = advice.denied() ? "DENIED" : "PAID";
        postings.save(new PaymentPosting(advice, encounterId, claim.getTotalCharge(), outcome));
        claims.markAdjudicated(claim.getId(), status);
        BigDecimal patientBalance = account.balance(encounterId).patient();
        if (advice.denied()) {
            events.publishEvent(new ClaimDenied(claim.getId(), encounterId, advice.carcGroup(), advice.carc(), advice.rarc()));
        }
        runtime.createMessageCorrelation(REMITTANCE_MESSAGE)
                .processInstanceVariableEquals("claimId", claim.getId())
                .setVariable("claimOutcome", outcome)
                .setVariable("patientBalance", patientBalance.doubleValue())
                .setVariable("denialCarc", advice.denied() ? advice.carc() : null)
                .correlate();
        return new PostingResult(false, outcome, patientBalance);
    }

    @Transactional(readOnly = true)
    public List<PaymentPosting> postingsFor(long claimId) {
        return postings.findByClaimIdOrderById(claimId);
    }
}
