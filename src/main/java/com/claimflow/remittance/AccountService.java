package com.claimflow.remittance;

import com.claimflow.base.BadInputException;
import com.claimflow.remittance.AccountEntry.Type;
import com.claimflow.remittance.internal.AccountEntryRepository;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The encounter's account: charges, payer payments, adjustments, patient responsibility, patient payments, write-offs. */
@Service
@Transactional
public class AccountService {
    /** The account's amounts are DECIMAL(12,2): ten digits before the point, cents after it. */
    public static final BigDecimal LARGEST_AMOUNT = new BigDecimal("9999999999.99");
    /** The account entry's reason column, where a payment's reference goes. */
    public static final int REFERENCE_MAX = 120;

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

    /** Posts a payment of the patient, up to what the patient owes ({@link #postPatientPayment(long, BigDecimal, String, String, boolean)}). */
    public BigDecimal postPatientPayment(long encounterId, BigDecimal amount, String reference, String by) {
        return postPatientPayment(encounterId, amount, reference, by, false);
    }

    /**
     * Posts a payment of the patient. The account's rows are locked first, so two payments at once cannot both pass the
     * check. More than the patient owes is refused unless {@code acceptCredit} says the patient really paid it (a check
     * written for too much): the rest is then a credit balance, which a biller refunds.
     */
    public BigDecimal postPatientPayment(long encounterId, BigDecimal amount, String reference, String by, boolean acceptCredit) {
        BigDecimal cents = money("amount", amount);
        if (reference != null && reference.length() > REFERENCE_MAX) {
            throw new BadInputException("reference", "at most " + REFERENCE_MAX + " characters (" + reference.length() + " given)");
        }
        if (reference != null && reference.chars().anyMatch(Character::isISOControl)) {
            throw new BadInputException("reference", "contains control characters; give the check number or receipt as plain text");
        }
        entries.lockAccount(encounterId);
        BigDecimal owed = balance(encounterId).patient();
        if (cents.compareTo(owed) > 0 && !acceptCredit) {
            throw new BadInputException("amount", cents + " is more than the patient's balance of " + owed.setScale(2, RoundingMode.HALF_UP)
                    + ": post at most the balance, or accept the overpayment as a credit balance (acceptCredit) for a biller to refund");
        }
        post(encounterId, null, Type.PATIENT_PAYMENT, BigDecimal.ZERO, cents.negate(), reference, by);
        return balance(encounterId).patient();
    }

    /** An amount of money as the account holds it: more than zero, cents at most, within DECIMAL(12,2); refused naming {@code field}. */
    public static BigDecimal money(String field, BigDecimal amount) {
        if (amount == null) throw new BadInputException(field, "is required, e.g. 25.00");
        if (amount.signum() <= 0) throw new BadInputException(field, "must be more than zero");
        if (amount.precision() - amount.scale() > LARGEST_AMOUNT.precision() - LARGEST_AMOUNT.scale()) {
            throw new BadInputException(field, "must be at most " + LARGEST_AMOUNT + " (the account's DECIMAL(12,2))");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new BadInputException(field, "has more than 2 decimals: give dollars and cents, e.g. 25.10");
        }
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    /**
     * Pays back part of a credit balance, to the payer (the insurance side) or to the patient: the entry raises that side
     * by the amount, so the account's total moves toward zero. At most the credit: refused naming {@code field}.
     */
    public void refund(long encounterId, BigDecimal amount, boolean toPayer, String reason, String by) {
        BigDecimal cents = money("refundAmount", amount);
        entries.lockAccount(encounterId);
        BigDecimal credit = balance(encounterId).total().negate();
        if (cents.compareTo(credit) > 0) {
            throw new BadInputException("refundAmount", cents + " is more than the credit balance of " + credit.max(BigDecimal.ZERO)
                    .setScale(2, RoundingMode.HALF_UP));
        }
        post(encounterId, null, Type.REFUND, toPayer ? cents : BigDecimal.ZERO, toPayer ? BigDecimal.ZERO : cents, reason, by);
    }

    /**
     * Applies part of one encounter's credit to what the same patient owes on another: the credit side goes up, the
     * other encounter's patient balance comes down, as a payment there would. The caller checks it is the same patient.
     */
    public BigDecimal transferCredit(long fromEncounterId, long toEncounterId, BigDecimal amount, String by) {
        BigDecimal cents = money("refundAmount", amount);
        entries.lockAccount(fromEncounterId);
        entries.lockAccount(toEncounterId);
        BigDecimal credit = balance(fromEncounterId).total().negate();
        if (cents.compareTo(credit) > 0) {
            throw new BadInputException("refundAmount", cents + " is more than the credit balance of " + credit.max(BigDecimal.ZERO)
                    .setScale(2, RoundingMode.HALF_UP));
        }
        post(fromEncounterId, null, Type.CREDIT_TRANSFER, BigDecimal.ZERO, cents, "applied to encounter " + toEncounterId, by);
        post(toEncounterId, null, Type.CREDIT_TRANSFER, BigDecimal.ZERO, cents.negate(), "credit from encounter " + fromEncounterId, by);
        return balance(toEncounterId).patient();
    }

    /** Writes off whatever is left, insurance and patient side, and says why. */
    public void writeOff(long encounterId, String reason, String by) {
        entries.lockAccount(encounterId);
        Balance b = balance(encounterId);
        post(encounterId, null, Type.WRITE_OFF, b.insurance().negate(), b.patient().negate(), reason, by);
    }

    public void transferToAgency(long encounterId, String agency, String by) {
        entries.lockAccount(encounterId);
        Balance b = balance(encounterId);
        post(encounterId, null, Type.AGENCY_TRANSFER, BigDecimal.ZERO, b.patient().negate(), "handed off to " + agency, by);
    }

    @Transactional(readOnly = true)
    public Balance balance(long encounterId) {
        return entries.balance(encounterId);
    }

    @Transactional(readOnly = true)
    public List<AccountEntry> entries(long encounterId) {
        return entries.findByEncounterIdOrderById(encounterId);
    }
}
