package com.claimflow.denial;

import com.claimflow.base.NotFoundException;
import com.claimflow.denial.internal.DenialRepository;
import com.claimflow.intake.EncounterProcess;
import com.claimflow.remittance.ClaimDenied;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records denials as they are posted, tracks appeals and takes the payer's appeal decision into the process. */
@Service
@Transactional
public class DenialService {

    private final DenialRepository denials;
    private final RuntimeService runtime;

    public DenialService(DenialRepository denials, RuntimeService runtime) {
        this.denials = denials;
        this.runtime = runtime;
    }

    @EventListener
    public void on(ClaimDenied d) {
        denials.save(new Denial(d.claimId(), d.encounterId(), d.carcGroup(), d.carc(), d.rarc()));
    }

    public Denial appeal(long claimId) {
        Denial denial = current(claimId);
        denial.appealed();
        return denial;
    }

    public void decideAppeal(long claimId, boolean overturned) {
        decided(claimId, overturned);
        runtime.createMessageCorrelation(DenialProcess.APPEAL_DECISION_MESSAGE)
                .processInstanceVariableEquals(EncounterProcess.CLAIM_ID, claimId)
                .setVariable(DenialProcess.APPEAL_OVERTURNED, overturned)
                .correlate();
    }

    /** Records the payer's decision on the claim's denial without telling the process (a task's completion routes it). */
    public void decided(long claimId, boolean overturned) {
        current(claimId).moveTo(overturned ? Denial.Status.OVERTURNED : Denial.Status.UPHELD);
    }

    public void writtenOff(long claimId) {
        denials.findFirstByClaimIdOrderByIdDesc(claimId).ifPresent(d -> d.moveTo(Denial.Status.WRITTEN_OFF));
    }

    @Transactional(readOnly = true)
    public Denial current(long claimId) {
        return denials.findFirstByClaimIdOrderByIdDesc(claimId).orElseThrow(() -> new NotFoundException("claim " + claimId + " has no denial"));
    }

    @Transactional(readOnly = true)
    public List<Denial> forEncounter(long encounterId) {
        return denials.findByEncounterIdOrderById(encounterId);
    }
}
