package com.claimflow.inbound;

import com.claimflow.audit.AuditService;
import com.claimflow.base.BadInputException;
import com.claimflow.base.ConflictException;
import com.claimflow.coding.CapturedCharges;
import com.claimflow.coding.CapturedCharges.Charge;
import com.claimflow.coding.CapturedCharges.Diagnosis;
import com.claimflow.intake.Encounter;
import com.claimflow.intake.EncounterService;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens encounters from clinical systems' messages, whatever the channel. Each call keeps the message as received and
 * answers with a {@link Receipt}:
 * <ul>
 * <li>a new visit: the encounter opens exactly as through {@code POST /api/encounters} (same checks, same process
 * start), its charges are kept for the coder, and the message is settled, all in one transaction;</li>
 * <li>a visit already open (the same external id): the existing encounter answers and nothing starts, also when
 * twenty copies arrive at once (the external id's unique index decides, the losers read the winner);</li>
 * <li>a message id already accepted (HL7 MSH-10, a bundle's identifier): answered as the first time, nothing done
 * again;</li>
 * <li>bad input: refused with the field and reason, nothing but the refused message written.</li>
 * </ul>
 * Each call records in the audit trail who or which interface sent the message.
 */
@Service
public class InboundIntake {
    public static final String RECEIVED_MESSAGE = "RECEIVED_MESSAGE";
    public static final String CHARGES_CAPTURED = "CHARGES_CAPTURED";
    private static final int LOCK_RETRIES = 3;

    private final InboundMessages messages;
    private final EncounterService encounters;
    private final CapturedCharges charges;
    private final AuditService audit;
    private final TransactionTemplate tx;

    public InboundIntake(InboundMessages messages, EncounterService encounters, CapturedCharges charges, AuditService audit,
                         PlatformTransactionManager transactions) {
        this.messages = messages;
        this.encounters = encounters;
        this.charges = charges;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Opens the visit the message describes, or answers with the one already open. */
    public Receipt open(Received r, IncomingEncounter in) {
        String externalId = in.request().externalId();
        Optional<Receipt> repeat = repeatOf(r);
        if (repeat.isPresent()) return repeat.get();
        try {
            return retryingLocks(() -> tx.execute(s -> {
                long id = messages.store(r, Outcome.OPENED, true);
                Encounter e = encounters.open(in.request());
                charges.check(e.dateOfService(), e.claimType(), in.diagnoses(), in.charges());
                charges.capture(e.id(), id, in.diagnoses(), in.charges());
                messages.settle(id, Outcome.OPENED, e.id(), e.externalId(), null, null);
                audit.record(r.sender(), "OPENED_ENCOUNTER", e.id(), null, r.channel() + " message " + id);
                audit.record(r.sender(), RECEIVED_MESSAGE, e.id(), null, describe(r, id, Outcome.OPENED));
                return new Receipt(id, Outcome.OPENED, e.id(), e.externalId(), null, null);
            }));
        } catch (BadInputException bad) {
            return refuse(r, externalId, bad.field(), bad.reason());
        } catch (DuplicateKeyException sameMessage) {
            return repeatOf(r).orElseThrow(() -> sameMessage);
        } catch (ConflictException visitOpen) {
            Encounter existing = encounters.findByExternalId(externalId).orElseThrow(() -> visitOpen);
            return settleApart(r, Outcome.ALREADY_THERE, existing.id(), existing.externalId(), null, null);
        }
    }

    /**
     * Adds charges to the open visit with this external id, for its coding task. Refused, naming {@code visitField},
     * when no such visit is open or the coder has already coded it (later charges need a corrected claim, which a biller
     * makes); refused naming the charge's own field when a code is not valid on the date of service.
     */
    public Receipt addCharges(Received r, String externalId, String visitField, List<Diagnosis> diagnoses, List<Charge> lines) {
        Optional<Receipt> repeat = repeatOf(r);
        if (repeat.isPresent()) return repeat.get();
        try {
            return retryingLocks(() -> tx.execute(s -> {
                long id = messages.store(r, Outcome.CHARGES_ADDED, true);
                Encounter e = encounters.findByExternalId(externalId)
                        .orElseThrow(() -> new BadInputException(visitField, "no visit '" + externalId + "' is open: send the registration first"));
                if (charges.isCoded(e.id())) {
                    throw new BadInputException(visitField, "visit '" + externalId + "' (encounter " + e.id() + ") is already coded: charges "
                            + "sent after coding go on a corrected claim, which a biller makes");
                }
                charges.check(e.dateOfService(), e.claimType(), diagnoses, lines);
                charges.capture(e.id(), id, diagnoses, lines);
                messages.settle(id, Outcome.CHARGES_ADDED, e.id(), e.externalId(), null, null);
                audit.record(r.sender(), CHARGES_CAPTURED, e.id(), null, lines.size() + " charge line(s), " + diagnoses.size() + " diagnosis code(s)");
                audit.record(r.sender(), RECEIVED_MESSAGE, e.id(), null, describe(r, id, Outcome.CHARGES_ADDED));
                return new Receipt(id, Outcome.CHARGES_ADDED, e.id(), e.externalId(), null, null);
            }));
        } catch (BadInputException bad) {
            return refuse(r, externalId, bad.field(), bad.reason());
        } catch (DuplicateKeyException sameMessage) {
            return repeatOf(r).orElseThrow(() -> sameMessage);
        }
    }

    /** Keeps a message that could not be read or was refused, with the field and the reason; nothing else changes. */
    public Receipt refuse(Received r, String externalId, String field, String problem) {
        return settleApart(r, Outcome.REFUSED, null, externalId, field, problem);
    }

    /** A message that tells of a visit already open without changing it (an HL7 A08 update, a resent bundle). */
    public Receipt acknowledge(Received r, long encounterId, String externalId) {
        Optional<Receipt> repeat = repeatOf(r);
        return repeat.orElseGet(() -> settleApart(r, Outcome.ALREADY_THERE, encounterId, externalId, null, null));
    }

    private Optional<Receipt> repeatOf(Received r) {
        return messages.acceptedBefore(r).map(first -> {
            Receipt again = settleApart(r, Outcome.DUPLICATE, first.encounterId(), first.externalId(), null, null);
            return new Receipt(again.messageId(), Outcome.DUPLICATE, first.encounterId(), first.externalId(), null,
                    "message " + r.messageKey() + " was received before (message " + first.id() + ", " + first.outcome() + ")");
        });
    }

    private Receipt settleApart(Received r, Outcome outcome, Long encounterId, String externalId, String field, String problem) {
        return tx.execute(s -> {
            long id = messages.store(r, outcome, false);
            messages.settle(id, outcome, encounterId, externalId, field, problem);
            audit.record(r.sender(), RECEIVED_MESSAGE, encounterId, null, describe(r, id, outcome) + (problem == null ? "" : ": " + field + ": " + problem));
            return new Receipt(id, outcome, encounterId, externalId, field, problem);
        });
    }

    private static String describe(Received r, long id, Outcome outcome) {
        return r.channel() + " message " + id + (r.messageKey() == null ? "" : " (" + r.messageKey() + ")") + " " + outcome;
    }

    /** MariaDB may pick one of two inserts of the same new key as a deadlock victim; the retry then finds the winner. */
    private static <T> T retryingLocks(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (PessimisticLockingFailureException e) {
                if (attempt >= LOCK_RETRIES) throw e;
            }
        }
    }
}
