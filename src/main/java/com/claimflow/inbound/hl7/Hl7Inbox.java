package com.claimflow.inbound.hl7;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.Location;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import com.claimflow.audit.AuditService;
import com.claimflow.base.BadInputException;
import com.claimflow.base.BadInputException.Kind;
import com.claimflow.coding.CapturedCharges.Charge;
import com.claimflow.coding.CapturedCharges.Diagnosis;
import com.claimflow.coding.CapturedCharges;
import com.claimflow.inbound.Channel;
import com.claimflow.inbound.InboundIntake;
import com.claimflow.inbound.IncomingEncounter;
import com.claimflow.inbound.Outcome;
import com.claimflow.inbound.Receipt;
import com.claimflow.inbound.Received;
import com.claimflow.intake.Encounter;
import com.claimflow.intake.EncounterService;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Takes one HL7 v2 message's text and answers its ACK: ADT^A04/A08 open the visit (or acknowledge one already open),
 * DFT^P03 adds its charges to the open visit's coding task (or opens the visit with them). Every message is kept by
 * {@link InboundIntake}, refusals too; the same MSH-10 from the same sending application and facility again is
 * answered AA and does nothing twice. docs/hl7v2.md has the mapping and the ACK codes.
 *
 * <p>HAPI parses without its validation rules (they refuse real-world messages over format details nothing here
 * reads); each field used is checked where it is read, and intake checks the encounter as for the JSON API.
 */
@Component
class Hl7Inbox {
    static final String CONTENT_TYPE = "application/hl7-v2";
    /** Versions whose ADT and DFT segments the mapping reads (MSH-12); both parse as 2.5.1. */
    private static final Set<String> VERSIONS = Set.of("2.5.1", "2.5");
    private static final Set<String> CODE_SEGMENTS = Set.of("DG1", "FT1", "PR1");
    private static final Logger log = LoggerFactory.getLogger(Hl7Inbox.class);

    private final InboundIntake intake;
    private final EncounterService encounters;
    private final CapturedCharges charges;
    private final AuditService audit;
    private final Hl7Settings settings;
    private final PipeParser parser;

    Hl7Inbox(InboundIntake intake, EncounterService encounters, CapturedCharges charges, AuditService audit, Hl7Settings settings) {
        this.intake = intake;
        this.encounters = encounters;
        this.charges = charges;
        this.audit = audit;
        this.settings = settings;
        this.parser = newParser();
    }

    /** HAPI's pipe parser reading every version as 2.5.1 structures, without HAPI's validation rules (see the class comment). */
    static PipeParser newParser() {
        DefaultHapiContext hapi = new DefaultHapiContext(new CanonicalModelClassFactory("2.5.1"));
        hapi.setValidationContext(ValidationContextFactory.noValidation());
        hapi.getParserConfiguration().setValidating(false);
        return hapi.getPipeParser();
    }

    /** The ACK for a message as received; {@code peer} names the connection when the message has no readable MSH. */
    String handle(String received, String peer) {
        String text = received.replace("\r\n", "\r").replace('\n', '\r').stripLeading();
        Header h;
        try {
            h = Header.read(text);
        } catch (Hl7Problem p) {
            keep(new Received(Channel.HL7V2, null, Header.unknownSenderAt(peer), CONTENT_TYPE, received), null, p);
            return Hl7Ack.refuse(null, p);
        }
        Received r = new Received(Channel.HL7V2, h.messageKey(), h.sender(), CONTENT_TYPE, received);
        String[] visit = { null };
        try {
            return process(h, text, r, visit);
        } catch (Hl7Problem p) {
            keep(r, visit[0], p);
            return Hl7Ack.refuse(h, p);
        } catch (RuntimeException e) {
            log.error("HL7 message {} from {} failed", h.controlId(), h.sender(), e);
            Hl7Problem p = Hl7Problem.reject("MSH", Hl7Problem.INTERNAL_ERROR, "the message could not be processed now (" + e.getClass().getSimpleName()
                    + "); it is kept, send it again later");
            keep(r, visit[0], p);
            return Hl7Ack.refuse(h, p);
        }
    }

    /** Bytes that came outside an MLLP frame (no start block): kept, answered AR, and the connection closed. */
    String refuseUnframed(String text, String peer) {
        return refuseWhole(text, peer, Hl7Problem.reject("MSH", Hl7Problem.SEGMENT_SEQUENCE, "bytes outside an MLLP frame: each message must be "
                + "sent as 0x0B, the message, 0x1C 0x0D (HL7 v2.5.1 appendix C); the connection is closed"));
    }

    /** A frame the connection closed before its end block, or one longer than {@code limit} characters (kept cut there). */
    String refuseTruncated(String text, String peer, int limit) {
        return refuseWhole(text, peer, Hl7Problem.reject("MSH", limit > 0 ? Hl7Problem.INTERNAL_ERROR : Hl7Problem.SEGMENT_SEQUENCE, limit > 0
                ? "the message is longer than " + limit + " characters (claimflow.hl7.max-message-chars); it is kept cut there"
                : "the message ends before the MLLP end block (0x1C 0x0D): it was cut off"));
    }

    private String refuseWhole(String text, String peer, Hl7Problem p) {
        String normal = text.replace("\r\n", "\r").replace('\n', '\r');
        Header h = null;
        try {
            h = Header.read(normal);
        } catch (Hl7Problem unreadable) {
            // kept under the connection's address
        }
        String sender = h == null ? Header.unknownSenderAt(peer) : h.sender();
        keep(new Received(Channel.HL7V2, h == null ? null : h.messageKey(), sender, CONTENT_TYPE, text), null, p);
        return Hl7Ack.refuse(h, p);
    }

    /** Keeps a message that cannot be taken before anything is written for it; a failure to keep it is logged. */
    void keep(Received r, String visit, Hl7Problem p) {
        try {
            intake.refuse(r, visit, p.location(), p.getMessage());
        } catch (RuntimeException e) {
            log.error("HL7 message from {} could not be kept ({}: {})", r.sender(), p.location(), p.getMessage(), e);
        }
    }

    private String process(Header h, String text, Received r, String[] visit) {
        if (h.controlId().isEmpty()) {
            throw Hl7Problem.reject("MSH-10", Hl7Problem.REQUIRED_FIELD_MISSING, "MSH-10 (message control id) is required: it makes a resent message known");
        }
        if (!VERSIONS.contains(h.version())) {
            throw Hl7Problem.reject("MSH-12", Hl7Problem.UNSUPPORTED_VERSION, "MSH-12 version '" + h.version() + "' is not supported: send HL7 v2.5.1");
        }
        if (!"P".equals(h.processingId())) {
            throw Hl7Problem.reject("MSH-11", Hl7Problem.UNSUPPORTED_PROCESSING_ID, "MSH-11 processing id '" + h.processingId()
                    + "': only production messages (P) open encounters");
        }
        String type = h.messageType().toUpperCase(Locale.ROOT);
        String trigger = h.triggerEvent().toUpperCase(Locale.ROOT);
        boolean adt = type.equals("ADT");
        if (type.isEmpty()) throw Hl7Problem.reject("MSH-9", Hl7Problem.REQUIRED_FIELD_MISSING, "MSH-9 (message type) is required");
        if (!adt && !type.equals("DFT")) {
            throw Hl7Problem.reject("MSH-9", Hl7Problem.UNSUPPORTED_MESSAGE_TYPE, "MSH-9 message type '" + type + "' is not taken here: ADT^A04, "
                    + "ADT^A08 or DFT^P03");
        }
        if (adt ? !(trigger.equals("A04") || trigger.equals("A08")) : !trigger.equals("P03")) {
            throw Hl7Problem.reject("MSH-9", Hl7Problem.UNSUPPORTED_EVENT, "MSH-9 trigger event '" + type + "^" + trigger + "' is not taken here: "
                    + (adt ? "ADT^A04 (register a patient) or ADT^A08 (update patient information)" : "DFT^P03 (post detail financial transaction)"));
        }
        String billingNpi = billingNpi(h);
        Hl7Message m = new Hl7Message(parse(text));
        visit[0] = Hl7EncounterMapping.visitNumber(m);
        Optional<Encounter> open = encounters.findByExternalId(visit[0]);
        if (adt) {
            if (open.isPresent()) return registeredAgain(h, r, m, trigger, open.get());
            return opened(h, r, Hl7EncounterMapping.map(m, billingNpi, null, null), List.of(), List.of());
        }
        ChargeMapping.Charges c = ChargeMapping.map(m);
        if (open.isPresent()) return answer(h, intake.addCharges(r, visit[0], "PV1-19", c.diagnoses(), c.charges()));
        if (m.first("PID").isEmpty() || m.first("IN1").isEmpty()) {
            throw Hl7Problem.error("PV1-19", Hl7Problem.UNKNOWN_KEY, "PV1-19 visit '" + visit[0] + "' is not open, and the DFT carries no "
                    + (m.first("PID").isEmpty() ? "PID" : "IN1") + " to open it with: send the ADT^A04 first");
        }
        return opened(h, r, Hl7EncounterMapping.map(m, billingNpi, c.firstDate(), c.firstDateAt()), c.diagnoses(), c.charges());
    }

    private Message parse(String text) {
        try {
            return parser.parse(text);
        } catch (HL7Exception e) {
            Location at = e.getLocation();
            String where = at == null || at.getSegmentName() == null ? "MSH" : at.getSegmentName() + (at.getField() > 0 ? "-" + at.getField() : "");
            throw Hl7Problem.reject(where, Hl7Problem.DATA_TYPE, "the message cannot be parsed as HL7 v2.5.1: " + e.getMessage());
        } catch (RuntimeException e) {
            throw Hl7Problem.reject("MSH", Hl7Problem.DATA_TYPE, "the message cannot be parsed as HL7 v2.5.1: " + e.getMessage());
        }
    }

    /**
     * Opens the visit with its charges; intake checks both and keeps a refusal naming the HL7 field (the mapping
     * locates intake's fields, the charges carry their own).
     */
    private String opened(Header h, Received r, Hl7EncounterMapping.Mapped mapped, List<Diagnosis> dx, List<Charge> lines) {
        Receipt receipt = intake.open(r, new IncomingEncounter(mapped.request(), dx, lines, mapped::locate));
        if (receipt.outcome() == Outcome.ALREADY_THERE && !(dx.isEmpty() && lines.isEmpty())) {
            // another message opened the visit in the meantime: this one's charges join it rather than being dropped
            receipt = intake.addCharges(r, mapped.request().externalId(), "PV1-19", dx, lines);
        }
        return answer(h, receipt);
    }

    /**
     * An A04 or A08 for a visit already open starts nothing. An A08 whose primary IN1 (same payer) carries another member
     * id corrects it while the visit is not yet coded (the claim is built from it later); other updates are kept on the
     * encounter's timeline, not applied.
     */
    private String registeredAgain(Header h, Received r, Hl7Message m, String trigger, Encounter e) {
        if (trigger.equals("A08")) correctMemberId(h, r, m, e);
        return answer(h, intake.acknowledge(r, e.id(), e.externalId()));
    }

    private void correctMemberId(Header h, Received r, Hl7Message m, Encounter e) {
        List<Seg> in1s = m.all("IN1");
        Optional<Seg> primary = in1s.stream().filter(s -> s.get(22).equals("1")).findFirst().or(() -> in1s.stream().findFirst());
        if (primary.isEmpty()) return;
        Seg in1 = primary.get();
        String payer = in1.get(3).isEmpty() ? in1.get(2) : in1.get(3);
        String member = in1.get(36).isEmpty() ? in1.get(49) : in1.get(36);
        if (member.isEmpty() || member.equals(e.memberId()) || !payer.equalsIgnoreCase(e.payerId()) || charges.isCoded(e.id())) return;
        try {
            encounters.correctMemberId(e.id(), member);
        } catch (BadInputException bad) {
            throw Hl7Problem.error(in1.at(36), Hl7Problem.DATA_TYPE, in1.at(36) + " (policy number): " + bad.reason());
        }
        audit.record(r.sender(), "MEMBER_ID_CORRECTED", e.id(), null, "primary member id '" + e.memberId() + "' to '" + member + "' by ADT^A08 "
                + h.messageKey());
    }

    /** The sending facility's billing provider: only facilities configured in {@code claimflow.hl7.billing-npi} are taken. */
    private String billingNpi(Header h) {
        return settings.billingNpi().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(h.sendingFacility())).map(e -> e.getValue())
                .findFirst().orElseThrow(() -> Hl7Problem.error("MSH-4", Hl7Problem.UNKNOWN_KEY, "MSH-4 sending facility '" + h.sendingFacility()
                        + "' has no billing provider here: set claimflow.hl7.billing-npi." + h.sendingFacility() + " to its NPI"));
    }

    /** AA for an accepted message; AE naming the HL7 field for one intake refused (and kept). */
    private static String answer(Header h, Receipt receipt) {
        if (receipt.accepted()) {
            String text = switch (receipt.outcome()) {
                case OPENED -> "visit " + receipt.externalId() + " opened as encounter " + receipt.encounterId();
                case CHARGES_ADDED -> "charges added to encounter " + receipt.encounterId();
                case ALREADY_THERE -> "visit " + receipt.externalId() + " is open as encounter " + receipt.encounterId() + "; nothing started";
                default -> "received before; nothing done again";
            };
            return Hl7Ack.accept(h, text);
        }
        return Hl7Ack.refuse(h, problem(receipt.problemField(), receipt.problem(), receipt.problemKind()));
    }

    /** An intake refusal as an AE: the HL7 field and the table 0357 code of the refusal's kind there. */
    static Hl7Problem problem(String location, String reason, Kind kind) {
        String where = location == null || location.isBlank() ? "MSH" : location;
        return Hl7Problem.error(where, code(where, kind), reason.startsWith(where) ? reason : where + ": " + reason);
    }

    /**
     * Table 0357: a missing field 101, a key on file nowhere or not usable 204, a visit already coded 206, a bad value
     * 102; a code of DG1, FT1 or PR1 that is unknown or not billable on the date is a value not in its table, 103.
     */
    static int code(String location, Kind kind) {
        boolean codeField = location.length() >= 3 && CODE_SEGMENTS.contains(location.substring(0, 3));
        return switch (kind == null ? Kind.INVALID : kind) {
            case REQUIRED -> Hl7Problem.REQUIRED_FIELD_MISSING;
            case UNKNOWN, UNUSABLE -> codeField ? Hl7Problem.TABLE_VALUE_NOT_FOUND : Hl7Problem.UNKNOWN_KEY;
            case LOCKED -> Hl7Problem.RECORD_LOCKED;
            case INVALID -> Hl7Problem.DATA_TYPE;
        };
    }
}
