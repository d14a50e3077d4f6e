package com.claimflow.collections;

import com.claimflow.collections.internal.StatementRepository;
import com.claimflow.intake.EncounterProcess;
import com.claimflow.intake.EncounterService;
import com.claimflow.remittance.AccountService;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Patient statements, patient payments, write-offs and agency hand-offs. */
@Service
@Transactional
public class CollectionsService {

    private final StatementRepository statements;
    private final AccountService account;
    private final RuntimeService runtime;
    private final EncounterService encounters;

    public CollectionsService(StatementRepository statements, AccountService account, RuntimeService runtime, EncounterService encounters) {
        this.encounters = encounters;
        this.statements = statements;
        this.account = account;
        this.runtime = runtime;
    }

    /** Sends the next statement; the statement number is derived from those already sent, so a retried job sends none twice. */
    public Statement sendStatement(long encounterId) {
        int seq = statements.countByEncounterId(encounterId) + 1;
        return statements.save(new Statement(encounterId, seq, account.balance(encounterId).patient()));
    }

    /** Posts a patient payment and tells the encounter's collections step, if one is waiting, the new balance. */
    public BigDecimal postPatientPayment(long encounterId, BigDecimal amount, String reference, String by) {
        return postPatientPayment(encounterId, amount, reference, by, false);
    }

    /**
     * Posts a patient payment, an overpayment too when {@code acceptCredit}; tells a waiting collections step the new
     * balance. A credit on an encounter whose process has ended (paid in full, closed) starts its own credit-balance
     * process, so a biller refunds it; one whose process still runs is routed to it when the process gets there.
     */
    public BigDecimal postPatientPayment(long encounterId, BigDecimal amount, String reference, String by, boolean acceptCredit) {
        BigDecimal balance = account.postPatientPayment(encounterId, amount, reference, by, acceptCredit);
        if (!tellCollections(encounterId, balance) && balance.signum() < 0) startCreditWorkIfIdle(encounterId, balance);
        return balance;
    }

    private void startCreditWorkIfIdle(long encounterId, BigDecimal balance) {
        String key = String.valueOf(encounterId);
        boolean running = runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).active().count() > 0;
        if (running) return;
        runtime.startProcessInstanceByKey(CollectionsProcess.CREDIT_BALANCE_PROCESS, key, Map.of(EncounterProcess.ENCOUNTER_ID, encounterId,
                EncounterProcess.PAYER_ID, encounters.get(encounterId).payerId(), CollectionsProcess.PATIENT_BALANCE, balance.doubleValue()));
    }

    /** Applies a credit of one encounter to the patient's balance on another, and tells that one's collections step. */
    public BigDecimal applyCredit(long fromEncounterId, long toEncounterId, BigDecimal amount, String by) {
        BigDecimal balance = account.transferCredit(fromEncounterId, toEncounterId, amount, by);
        tellCollections(toEncounterId, balance);
        return balance;
    }

    /** Tells the encounter's collections step, if one waits for a payment, the new balance; whether one did. */
    private boolean tellCollections(long encounterId, BigDecimal balance) {
        long waiting = runtime.createExecutionQuery().messageEventSubscriptionName(CollectionsProcess.PATIENT_PAYMENT_POSTED_MESSAGE)
                .processVariableValueEquals(EncounterProcess.ENCOUNTER_ID, encounterId).count();
        if (waiting > 0) {
            runtime.createMessageCorrelation(CollectionsProcess.PATIENT_PAYMENT_POSTED_MESSAGE)
                    .processInstanceVariableEquals(EncounterProcess.ENCOUNTER_ID, encounterId)
                    .setVariable(CollectionsProcess.PATIENT_BALANCE, balance.doubleValue())
                    .correlate();
        }
        return waiting > 0;
    }

    public void writeOff(long encounterId, String reason, String by) {
        account.writeOff(encounterId, reason, by);
    }

    /**
     * Closes the account with a write-off of what is left; a claim not charged yet (never sent, or not yet answered) is
     * charged first, so the ledger shows what was written off.
     */
    public void closeAccount(long encounterId, Long claimId, BigDecimal claimTotal, String reason, String by) {
        if (claimId != null && claimTotal != null) account.chargeClaim(encounterId, claimId, claimTotal);
        account.writeOff(encounterId, reason, by);
    }

    public void handOffToAgency(long encounterId, String by) {
        account.transferToAgency(encounterId, "collection agency", by);
    }

    @Transactional(readOnly = true)
    public List<Statement> statements(long encounterId) {
        return statements.findByEncounterIdOrderBySeq(encounterId);
    }
}
