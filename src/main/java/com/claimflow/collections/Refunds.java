package com.claimflow.collections;

import com.claimflow.base.BadInputException;
import com.claimflow.intake.Encounter;
import com.claimflow.intake.EncounterService;
import com.claimflow.remittance.AccountService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of a credit balance's refund: at most the credit, to the payer or the patient, or applied to another open
 * balance of the same patient, never someone else's; and the record of the refund once posted.
 */
@Service
@Transactional
public class Refunds {
    private final AccountService account;
    private final EncounterService encounters;
    private final JdbcTemplate jdbc;
    private final CollectionsService collections;

    public Refunds(AccountService account, EncounterService encounters, JdbcTemplate jdbc, CollectionsService collections) {
        this.collections = collections;
        this.account = account;
        this.encounters = encounters;
        this.jdbc = jdbc;
    }

    /** What the encounter's account owes back: the negative of its balance, zero when it owes nothing back. */
    @Transactional(readOnly = true)
    public BigDecimal credit(long encounterId) {
        return account.balance(encounterId).total().negate().max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
    }

    /** Checks a resolution as the form gives it; each refusal names its field ({@code refundTo}, {@code refundAmount}, {@code targetEncounterId}). */
    @Transactional(readOnly = true)
    public Refund check(long encounterId, String refundTo, BigDecimal amount, Long targetEncounterId) {
        RefundTo to = Codes.parse(RefundTo.class, CollectionsProcess.REFUND_TO, refundTo);
        BigDecimal cents = AccountService.money(CollectionsProcess.REFUND_AMOUNT, amount);
        BigDecimal credit = credit(encounterId);
        if (cents.compareTo(credit) > 0) {
            throw new BadInputException(CollectionsProcess.REFUND_AMOUNT, cents + " is more than the credit balance of " + credit
                    + ": refund at most the credit");
        }
        if (to != RefundTo.APPLY_TO_OTHER) return new Refund(encounterId, to, cents, null);
        String field = CollectionsProcess.TARGET_ENCOUNTER_ID;
        if (targetEncounterId == null) throw new BadInputException(field, "is required to apply the credit: the other encounter's id");
        if (targetEncounterId == encounterId) throw new BadInputException(field, "is this encounter: give another encounter of the patient");
        Encounter from = encounters.get(encounterId);
        Encounter target = encounters.find(targetEncounterId)
                .orElseThrow(() -> new BadInputException(field, "no encounter " + targetEncounterId));
        if (!samePatient(from, target)) {
            throw new BadInputException(field, "encounter " + targetEncounterId + " is another patient's: a credit goes only to the same patient");
        }
        BigDecimal owed = account.balance(targetEncounterId).patient();
        if (cents.compareTo(owed) > 0) {
            throw new BadInputException(CollectionsProcess.REFUND_AMOUNT, cents + " is more than the " + owed.setScale(2, RoundingMode.HALF_UP)
                    + " the patient owes on encounter " + targetEncounterId);
        }
        return new Refund(encounterId, to, cents, targetEncounterId);
    }

    /**
     * Posts the refund to the ledger (to the payer, to the patient, or applied to the patient's other encounter, whose
     * waiting collections step hears of it as of a payment) and records it.
     */
    public void record(Refund refund, String resolvedBy, String approvedBy) {
        String by = approvedBy != null ? approvedBy : resolvedBy;
        switch (refund.to()) {
            case REFUND_PAYER -> account.refund(refund.encounterId(), refund.amount(), true, "refund to the payer", by);
            case REFUND_PATIENT -> account.refund(refund.encounterId(), refund.amount(), false, "refund to the patient", by);
            case APPLY_TO_OTHER -> collections.applyCredit(refund.encounterId(), refund.targetEncounterId(), refund.amount(), by);
        }
        jdbc.update("insert into refund (encounter_id, refund_to, amount, target_encounter_id, resolved_by, approved_by, posted_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?)", refund.encounterId(), refund.to().name(), refund.amount(), refund.targetEncounterId(),
                resolvedBy, approvedBy, Timestamp.from(Instant.now()));
    }

    /** How many refunds the encounter has had posted. */
    @Transactional(readOnly = true)
    public int count(long encounterId) {
        return jdbc.queryForObject("select count(*) from refund where encounter_id = ?", Integer.class, encounterId);
    }

    static boolean samePatient(Encounter a, Encounter b) {
        return Objects.equals(a.patientLastName(), b.patientLastName()) && Objects.equals(a.patientFirstName(), b.patientFirstName())
                && Objects.equals(a.patientBirthDate(), b.patientBirthDate());
    }
}
