package com.claimflow.inbound;

import com.claimflow.audit.AuditService;
import com.claimflow.base.BadInputException;
import com.claimflow.base.BadInputException.Kind;
import com.claimflow.base.ConflictException;
import com.claimflow.coding.CapturedCharges;
import com.claimflow.coding.CapturedCharges.Charge;
import com.claimflow.coding.CapturedCharges.Diagnosis;
import com.claimflow.intake.Encounter;
import com.claimflow.intake.EncounterService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
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
 * start), its charges are kept for the coder, and the message is stored, all in one transaction;</li>
 * <li>a visit already open (the same external id): the existing encounter answers and nothing starts, also when
 * twenty copies arrive at once (the external id's unique index decides, the losers read the winner); charges sent
 * with it are still checked, and refused as for a new visit;</li>
 * <li>a message id already accepted (HL7 MSH-10, a bundle's identifier): answered as the first time, nothing done
 * again;</li>
 * <li>bad input: refused with the message's own field, the reason and its {@link BadInputException.Kind} (each input is
 * checked here once: channels map, they do not check beforehand), nothing but the refused message written.</li>
 * </ul>
 * Each message leaves one audit row naming who or which interface sent it.
 */
@Service
public class InboundIntake {
    public static final String RECEIVED_MESSAGE = "RECEIVED_MESSAGE";
    public static final String CHARGES_CAPTURED = "CHARGES_CAPTURED";
    public static final String OPENED_ENCOUNTER = "OPENED_ENCOUNTER";
    private static final int LOCK_RETRIES = 3;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(InboundIntake.class);

    /** One message of a batch and what it says. */
    public record Item(Received received, IncomingEncounter encounter) {
    }

    private final InboundMessages messages;
    private final EncounterService encounters;
    private final CapturedCharges charges;
    private final AuditService audit;
    private final TransactionTemplate tx;
    private final ProcessEngineConfigurationImpl engine;

    public InboundIntake(InboundMessages messages, EncounterService encounters, CapturedCharges charges, AuditService audit,
                         PlatformTransactionManager transactions, ProcessEngineConfigurationImpl engine) {
        this.messages = messages;
        this.encounters = encounters;
        this.charges = charges;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
        this.engine = engine;
    }

    /** Opens the visit the message describes, or answers with the one already open. */
    public Receipt open(Received r, IncomingEncounter in) {
        Optional<Receipt> repeat = repeatOf(r);
        if (repeat.isPresent()) return repeat.get();
        try {
            return retryingLocks(() -> tx.execute(s -> openHere(r, in)));
        } catch (BadInputException bad) {
            return refuse(r, in.request().externalId(), bad);
        } catch (DuplicateKeyException sameMessage) {
            return repeatOf(r).or(() -> messages.ofBatchRow(r).map(InboundIntake::receipt)).orElseThrow(() -> sameMessage);
        } catch (ConflictException visitOpen) {
            Encounter existing = encounters.findByExternalId(in.request().externalId()).orElseThrow(() -> visitOpen);
            try {
                // the visit passed intake's checks before it was found open; its charges are checked as if it had opened
                charges.check(in.request().dateOfService(), in.request().claimType(), in.diagnoses(), in.charges());
            } catch (BadInputException bad) {
                return refuse(r, in.request().externalId(), bad);
            }
            return settleApart(r, Outcome.ALREADY_THERE, existing.id(), existing.externalId(), null, null, null);
        }
    }

    /**
     * Opens many visits, several to a transaction: the batch path. When any of them is refused or already open, the
     * transaction rolls back and each is answered on its own by {@link #open}, so a refused row never takes another
     * row's work with it, and none is half done. Answers in the items' order.
     */
    public List<Receipt> openAll(List<Item> items) {
        if (items.isEmpty()) return List.of();
        try {
            // one engine command for the whole chunk: the engine writes its rows for all of its visits in one flush, as
            // JDBC batches (multi-row inserts on MySQL), instead of a flush a visit
            return retryingLocks(() -> tx.execute(s -> engine.getCommandExecutorTxRequired().execute(context -> {
                List<Receipt> receipts = new ArrayList<>(items.size());
                for (Item item : items) {
                    try {
                        receipts.add(openHere(item.received(), item.encounter()));
                    } catch (RuntimeException e) {
                        throw new ChunkFallsBack(e);
                    }
                }
                return receipts;
            })));
        } catch (RuntimeException oneOfThem) {
            // a refused or already open visit (or anything else): each on its own, so the others still open
            List<Receipt> receipts = new ArrayList<>(items.size());
            for (Item item : items) {
                try {
                    receipts.add(open(item.received(), item.encounter()));
                } catch (RuntimeException unexpected) {
                    // answered, so the batch finishes and the row is kept; the same row sent again opens it then
                    log.error("{} row could not be opened", item.received().channel(), unexpected);
                    receipts.add(refuse(item.received(), item.encounter().request().externalId(), null, "could not be opened ("
                            + unexpected.getClass().getSimpleName() + "): send the row again; the error is in the server's log"));
                }
            }
            return receipts;
        }
    }

    private Receipt openHere(Received r, IncomingEncounter in) {
        Encounter e;
        try {
            // the charges are checked once the visit has passed its own checks and before it is written: a refused charge
            // costs no encounter row and no process started and rolled back
            e = encounters.open(in.request(), () -> {
                try {
                    charges.check(in.request().dateOfService(), in.request().claimType(), in.diagnoses(), in.charges());
                } catch (BadInputException bad) {
                    throw new ChargeRefused(bad);
                }
            });
        } catch (ChargeRefused refused) {
            throw refused.bad; // it names the message's own field already
        } catch (BadInputException bad) {
            throw new BadInputException(bad.kind(), in.locate().apply(bad.field()), bad.reason());
        }
        long id = messages.store(r, Outcome.OPENED, e.id(), e.externalId(), null, null);
        charges.capture(e.id(), id, in.diagnoses(), in.charges());
        audit.record(actor(r), OPENED_ENCOUNTER, e.id(), null, describe(r, id, Outcome.OPENED));
        return new Receipt(id, Outcome.OPENED, e.id(), e.externalId(), null, null);
    }

    /**
     * A row of a chunk that did not open at once: the chunk rolls back and each row is answered on its own, where a
     * refusal is recorded and anything unexpected logged. A {@link BadUserRequestException}, so the engine logs the
     * chunk's command's end at debug, not as an error.
     */
    private static final class ChunkFallsBack extends BadUserRequestException {
        ChunkFallsBack(RuntimeException cause) {
            super("a row of the chunk did not open at once: " + cause.getMessage(), cause);
        }
    }

    /** A charge refused while the visit opens, carried past the visit's own field mapping. */
    private static final class ChargeRefused extends RuntimeException {
        final BadInputException bad;

        ChargeRefused(BadInputException bad) {
            super(bad.getMessage(), bad, false, false);
            this.bad = bad;
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
                Encounter e = encounters.findByExternalId(externalId)
                        .orElseThrow(() -> new BadInputException(Kind.UNKNOWN, visitField, "no visit '" + externalId + "' is open: send the registration first"));
                if (charges.isCoded(e.id())) {
                    throw new BadInputException(Kind.LOCKED, visitField, "visit '" + externalId + "' (encounter " + e.id() + ") is already coded: charges "
                            + "sent after coding go on a corrected claim, which a biller makes");
                }
                charges.check(e.dateOfService(), e.claimType(), diagnoses, lines);
                long id = messages.store(r, Outcome.CHARGES_ADDED, e.id(), e.externalId(), null, null);
                charges.capture(e.id(), id, diagnoses, lines);
                audit.record(actor(r), CHARGES_CAPTURED, e.id(), null, describe(r, id, Outcome.CHARGES_ADDED) + ": " + lines.size()
                        + " charge line(s), " + diagnoses.size() + " diagnosis code(s)");
                return new Receipt(id, Outcome.CHARGES_ADDED, e.id(), e.externalId(), null, null);
            }));
        } catch (BadInputException bad) {
            return refuse(r, externalId, bad);
        } catch (DuplicateKeyException sameMessage) {
            return repeatOf(r).orElseThrow(() -> sameMessage);
        }
    }

    /** Keeps a message that could not be read or was refused, with the field and the reason; nothing else changes. */
    public Receipt refuse(Received r, String externalId, String field, String problem) {
        return settleApart(r, Outcome.REFUSED, null, externalId, field, problem, Kind.INVALID);
    }

    /** {@link #refuse} with the field, reason and kind of a refusal of intake's or the coder's checks. */
    private Receipt refuse(Received r, String externalId, BadInputException bad) {
        return settleApart(r, Outcome.REFUSED, null, externalId, bad.field(), bad.reason(), bad.kind());
    }

    /** A message that tells of a visit already open without changing it (an HL7 A08 update, a resent bundle). */
    public Receipt acknowledge(Received r, long encounterId, String externalId) {
        Optional<Receipt> repeat = repeatOf(r);
        return repeat.orElseGet(() -> settleApart(r, Outcome.ALREADY_THERE, encounterId, externalId, null, null, null));
    }

    private Optional<Receipt> repeatOf(Received r) {
        return messages.acceptedBefore(r).map(first -> {
            String said = "message " + r.messageKey() + " was received before (message " + first.id() + ", " + first.outcome() + ")";
            Receipt again = settleApart(r, Outcome.DUPLICATE, first.encounterId(), first.externalId(), null, null, null);
            return new Receipt(again.messageId(), Outcome.DUPLICATE, first.encounterId(), first.externalId(), null, said);
        });
    }

    private Receipt settleApart(Received r, Outcome outcome, Long encounterId, String externalId, String field, String problem, Kind kind) {
        try {
            return tx.execute(s -> {
                long id = messages.store(r, outcome, encounterId, externalId, field, problem);
                audit.record(actor(r), RECEIVED_MESSAGE, encounterId, null,
                        describe(r, id, outcome) + (problem == null ? "" : ": " + (field == null ? "" : field + ": ") + problem));
                return new Receipt(id, outcome, encounterId, externalId, field, problem, kind);
            });
        } catch (DuplicateKeyException answeredBefore) {
            // a batch row answered before (a resumed batch), or the same message id accepted meanwhile by another thread:
            // the first answer stands
            return messages.ofBatchRow(r).map(InboundIntake::receipt).or(() -> outcome == Outcome.DUPLICATE ? Optional.empty() : repeatOf(r))
                    .orElseThrow(() -> answeredBefore);
        }
    }

    static Receipt receipt(InboundMessage m) {
        return new Receipt(m.id(), m.outcome(), m.encounterId(), m.externalId(), m.problemField(), m.problem());
    }

    /** The audit trail's actor column holds 64 characters: an interface's name is cut there, the message keeps it whole. */
    private static String actor(Received r) {
        return r.sender().length() <= 64 ? r.sender() : r.sender().substring(0, 64);
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
