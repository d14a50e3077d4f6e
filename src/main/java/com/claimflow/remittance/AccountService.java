package com.claimflow.remittance;

import com.claimflow.base.BadInputException;
import com.claimflow.remittance.AccountEntry.Type;
import com.claimflow.remittance.internal.AccountEntryRepository;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The encounter's account: charges, payer payments, adjustments, patient responsibility, patient payments, write-offs. */
@Service
@Transactional
public class AccountService {
    private final AccountEntryRepository entries;

    public AccountService(AccountEntryRepository entries) {
        this.entries = entries;
    }

    /** Brings the charges on the account to the claim's total (a replacement claim may change it). */
    public void chargeClaim(long encounterId, long claimId, BigDecimal claimTotal) {
        BigDecimal delta = claimTotal.subtract(entries.charged(encounterId));
        if (delta.signum() != 0) {
            entries.save(new AccountEntry(encounterId, claimId, Type.CHARGE, delta, BigDecimal.ZERO, "claim " + claimId, "system"));
        }
    }

    void post(long encounterId, Long claimId, Type type, BigDecimal amount, BigDecimal patientAmount, String reason, String by) {
        if (amount.signum() != 0 || patientAmount.signum() != 0) {
            entries.save(new AccountEntry(encounterId, claimId, type, amount, patientAmount, reason, by));
        }
    }

    public BigDecimal postPatientPayment(long encounterId, BigDecimal amount, String reference, String by) {
        if (amount == null || amount.signum() <= 0) {
            throw new BadInputException("amount", "a patient payment must be more than zero");
        }
        post(encounterId, null, Type.PATIENT_PAYMENT, BigDecimal.ZERO, amount.negate(), reference, by);
        return balance(encounterId).patient();
    }

    /** Writes off whatever is left, insurance and patient side, and says why. */
    public void writeOff(long encounterId, String reason, String by) {
        Balance b = balance(encounterId);
        post(encounterId, null, Type.WRITE_OFF, b.insurance().negate(), b.patient().negate(), reason, by);
    }

    public void transferToAgency(long encounterId, String agency, String by) {
        Balance b = balance(encounterId);
        post(encounterId, null, Type.AGENCY_TRANSFER, BigDecimal.ZERO, b.patient().negate(), "handed off to " + agency, by);
    }

    @Transactional(readOnly = true)
    public Balance balance(long encounterId) {
        return new Balance(entries.insuranceBalance(encounterId), entries.patientBalance(encounterId));
    }

    @Transactional(readOnly = true)
    public List<AccountEntry> entries(long encounterId) {
        return entries.findByEncounterIdOrderById(encounterId);
    }
}
