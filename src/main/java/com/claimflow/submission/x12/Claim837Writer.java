package com.claimflow.submission.x12;

import static com.claimflow.x12.X12SegmentWriter.text;

import com.claimflow.intake.InputRules;
import com.claimflow.reference.Nubc;
import com.claimflow.submission.x12.ClaimDocument.Institutional;
import com.claimflow.submission.x12.ClaimDocument.Kind;
import com.claimflow.submission.x12.ClaimDocument.Line;
import com.claimflow.submission.x12.ClaimDocument.Person;
import com.claimflow.x12.X12Issue;
import com.claimflow.x12.X12SegmentWriter;
import io.xlate.edi.stream.EDIStreamException;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Writes X12 005010 837P (X222A1) and 837I (X223A2) with StAEDI, streaming: {@link #open}, {@link #add} claim after claim,
 * {@link #close}. One interchange, one functional group, one transaction set per file; claims of the same billing
 * provider share its 2000A level, each claim has its own 2000B subscriber level and, when the patient is someone else,
 * a 2000C patient level below it.
 * Free text is upper-cased and cleared of delimiter characters; an identifier that holds a delimiter refuses the claim.
 */
public final class Claim837Writer implements AutoCloseable {
    private static final DateTimeFormatter D8 = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");

    private final X12SegmentWriter w;
    private final Envelope env;
    private final Kind kind;
    private int segmentsInTransaction;
    private int hl;
    private int billingHl;
    private String billingNpi;
    private int claims;

    private Claim837Writer(X12SegmentWriter w, Envelope env, Kind kind) {
        this.w = w;
        this.env = env;
        this.kind = kind;
    }

    /** Writes one claim as a complete interchange, for the outbox. */
    public static String write(Envelope env, ClaimDocument claim) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try (Claim837Writer writer = open(out, env, claim.kind())) {
            writer.add(claim);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    public static Claim837Writer open(OutputStream out, Envelope env, Kind kind) {
        try {
            Claim837Writer writer = new Claim837Writer(X12SegmentWriter.open(out, env.interchange()), env, kind);
            writer.header();
            return writer;
        } catch (EDIStreamException e) {
            throw new IllegalStateException("837 header could not be written: " + e.getMessage(), e);
        }
    }

    private void header() {
        try {
            w.segment("GS", (Object[]) env.interchange().gs("HC", kind.version));
            segmentsInTransaction = 0;
            seg("ST", "837", env.transactionControlNumber(), kind.version);
            seg("BHT", "0019", "00", env.isaControlNumber(), env.createdAt().format(D8), env.createdAt().format(HHMM), "CH");
            // 1000A submitter, 1000B receiver
            seg("NM1", "41", "2", text(env.submitterName(), 60), null, null, null, null, "46", id("NM109", env.senderId()));
            seg("PER", "IC", text(env.submitterContact(), 60), "TE", digits(env.submitterPhone()));
            seg("NM1", "40", "2", text(env.receiverName(), 60), null, null, null, null, "46", id("NM109", env.receiverId()));
        } catch (EDIStreamException e) {
            throw new IllegalStateException("837 header could not be written: " + e.getMessage(), e);
        }
    }

    /** Adds one claim (and, when its billing provider changes, a new 2000A level). */
    public Claim837Writer add(ClaimDocument c) {
        if (c.kind() != kind) throw new IllegalArgumentException("an 837 file holds one kind of claim; this one is " + kind);
        try {
            var b = c.billing();
            if (!Objects.equals(b.npi(), billingNpi)) {
                billingNpi = b.npi();
                billingHl = ++hl;
                seg("HL", String.valueOf(billingHl), null, "20", "1");
                if (b.taxonomy() != null) seg("PRV", "BI", "PXC", id("PRV03", b.taxonomy()));
                seg("NM1", "85", "2", text(b.name(), 60), null, null, null, null, "XX", id("NM109", b.npi()));
                seg("N3", text(b.address(), 55));
                seg("N4", text(b.city(), 30), text(b.state(), 2), digits(b.zip()));
                if (b.taxId() != null && !b.taxId().isBlank()) seg("REF", "EI", id("REF02", digits(b.taxId())));
            }
            subscriberAndPatient(c);
            clm(c);
            Institutional in = c.institutional() == null ? new Institutional(null, null, null, null) : c.institutional();
            if (kind == Kind.INSTITUTIONAL) {
                // 2300 dates in X223A2's order: discharge hour (final inpatient bills), statement dates (always), admission
                if (in.dischargedAt() != null && InputRules.needsDischarge(c.placeOfService(), c.frequencyCode(), in.patientStatus())) {
                    seg("DTP", "096", "TM", in.dischargedAt().format(HHMM));
                }
                seg("DTP", "434", "RD8", c.statementFrom().format(D8) + "-" + c.statementTo().format(D8));
                if (in.admittedAt() != null && Nubc.needsAdmission(c.placeOfService())) {
                    seg("DTP", "435", "DT", in.admittedAt().format(D8) + in.admittedAt().format(HHMM));
                }
                seg("CL1", in.admissionType(), in.admissionSource(), in.patientStatus());
            }
            if (c.priorAuthorization() != null && !c.priorAuthorization().isBlank()) seg("REF", "G1", id("REF02", c.priorAuthorization()));
            if (("7".equals(c.frequencyCode()) || "8".equals(c.frequencyCode())) && c.originalPayerClaimNumber() != null) {
                seg("REF", "F8", id("REF02", c.originalPayerClaimNumber()));
            }
            if (c.timelyFiling() != null) {
                // 2300 NTE*ADD: where payers read the proof behind the delay reason code
                seg("NTE", "ADD", text("TIMELY FILING PROOF ORIGINAL SUBMISSION " + c.timelyFiling().originalSubmission().format(D8) + " REF "
                        + c.timelyFiling().reference(), 80));
            }
            hi(c, in);
            if (kind == Kind.INSTITUTIONAL) {
                provider("71", "AT", c.attending()); // 2310A attending
                provider("DN", null, c.referring()); // 2310F referring
            } else {
                provider("DN", null, c.referring()); // 2310A referring
                Person r = c.rendering();
                if (r != null && !Objects.equals(r.id(), b.npi())) provider("82", "PE", r); // 2310B rendering
            }
            OtherPayerLoops.otherSubscribers(this, c.otherPayers()); // 2320/2330A/2330B: after 2300/2310, before the first 2400
            int n = 0;
            for (Line l : c.lines()) {
                seg("LX", String.valueOf(++n));
                if (kind == Kind.PROFESSIONAL) {
                    seg("SV1", procedure(l), amount(l.charge()), "UN", String.valueOf(l.units()), null, null, pointers(l.pointers()));
                } else {
                    seg("SV2", l.revenueCode(), procedure(l), amount(l.charge()), "UN", String.valueOf(l.units()));
                }
                seg("DTP", "472", "D8", l.dateOfService().format(D8));
                OtherPayerLoops.lineAdjudications(this, kind, n, c.otherPayers()); // 2430: after the line's own 2400 segments
            }
            claims++;
            return this;
        } catch (EDIStreamException e) {
            throw new IllegalStateException("claim " + c.patientControlNumber() + " could not be written: " + e.getMessage(), e);
        }
    }

    /** A 2310 provider loop: NM1 (a person, by NPI) and, when {@code specialty} is given and known, the PRV taxonomy. */
    private void provider(String entity, String specialty, Person p) throws EDIStreamException {
        if (p == null) return;
        seg("NM1", entity, "1", text(p.lastName(), 60), text(p.firstName(), 35), null, null, null, "XX", id("NM109", p.id()));
        if (specialty != null && p.taxonomy() != null) seg("PRV", specialty, "PXC", id("PRV03", p.taxonomy()));
    }

    private void clm(ClaimDocument c) throws EDIStreamException {
        String[] facility = kind == Kind.PROFESSIONAL
                ? new String[] {c.placeOfService(), "B", c.frequencyCode()}
                : new String[] {c.placeOfService(), "A", c.frequencyCode()};
        List<Object> clm = new ArrayList<>(Arrays.asList(id("CLM01", c.patientControlNumber()), amount(c.totalCharge()), null, null, facility,
                kind == Kind.PROFESSIONAL ? "Y" : null, "A", "Y", "Y"));
        if (c.timelyFiling() != null) {
            while (clm.size() < 19) clm.add(null);
            clm.add(c.timelyFiling().delayReasonCode()); // CLM20 delay reason code
        }
        seg("CLM", clm.toArray());
    }

    /**
     * The 2300 HI segments in the guide's order: principal diagnosis (ABK); on an 837I the admitting diagnosis (ABJ,
     * inpatient bills) and the patient's reasons for visit (APR, up to three, outpatient bill types 13x, 78x, 85x) each in their
     * own HI, then the other diagnoses (ABF): 005010X222A1/X223A2 loop 2300.
     */
    private void hi(ClaimDocument c, Institutional in) throws EDIStreamException {
        List<String> dx = c.diagnoses();
        if (dx.isEmpty()) return;
        List<Object> elements = new ArrayList<>();
        elements.add(new String[] {"ABK", id("HI01-2", icd(dx.get(0)))});
        if (kind == Kind.INSTITUTIONAL) {
            seg("HI", elements.toArray());
            if (in.admittingDiagnosis() != null && InputRules.isInpatient(c.placeOfService())) {
                seg("HI", (Object) new String[] {"ABJ", id("HI01-2", icd(in.admittingDiagnosis()))});
            }
            if (!in.reasonForVisit().isEmpty() && InputRules.takesReasonForVisit(c.placeOfService())) {
                List<Object> reasons = new ArrayList<>();
                for (int i = 0; i < in.reasonForVisit().size() && i < 3; i++) {
                    reasons.add(new String[] {"APR", id("HI0" + (i + 1) + "-2", icd(in.reasonForVisit().get(i)))});
                }
                seg("HI", reasons.toArray());
            }
            elements.clear();
            for (int i = 1; i < dx.size(); i++) elements.add(new String[] {"ABF", id("HI0" + i + "-2", icd(dx.get(i)))});
            if (!elements.isEmpty()) seg("HI", elements.toArray());
            return;
        }
        for (int i = 1; i < dx.size(); i++) elements.add(new String[] {"ABF", id("HI" + String.format("%02d", i + 1) + "-2", icd(dx.get(i)))});
        seg("HI", elements.toArray());
    }

    /**
     * Loop 2000B (SBR, 2010BA subscriber, 2010BB payer) and, when the patient is not the subscriber, loop 2000C (PAT,
     * 2010CA patient), as 005010X222A1 and X223A2 lay them out: SBR01 the payer responsibility (P, S, T), SBR02 18 only
     * when the patient is the subscriber (else blank, and HL04 1 announces the patient level), SBR03 the group number;
     * N3/N4 and DMG of the subscriber whenever known; the patient's name, address, birth date and sex in 2010CA.
     */
    private void subscriberAndPatient(ClaimDocument c) throws EDIStreamException {
        Person s = c.subscriber();
        ClaimDocument.Insured insured = c.insured();
        boolean self = insured.patientIsSubscriber();
        int subscriberHl = ++hl;
        seg("HL", String.valueOf(subscriberHl), String.valueOf(billingHl), "22", self ? "0" : "1");
        seg("SBR", insured.payerResponsibility(), self ? ClaimDocument.Insured.SELF : null, id("SBR03", insured.groupNumber()), null, null, null,
                null, null, c.claimFilingCode());
        seg("NM1", "IL", "1", text(s.lastName(), 60), text(s.firstName(), 35), null, null, null, "MI", id("NM109", s.id()));
        address(insured.subscriberAddress());
        if (s.birthDate() != null || s.sex() != null) seg("DMG", "D8", s.birthDate() == null ? null : s.birthDate().format(D8), s.sex());
        seg("NM1", "PR", "2", text(c.payer().name(), 60), null, null, null, null, "PI", id("NM109", c.payer().id()));
        if (self) return;
        Person p = insured.patient();
        seg("HL", String.valueOf(++hl), String.valueOf(subscriberHl), "23", "0");
        seg("PAT", insured.relationship());
        seg("NM1", "QC", "1", text(p.lastName(), 60), text(p.firstName(), 35));
        address(insured.patientAddress());
        seg("DMG", "D8", p.birthDate() == null ? null : p.birthDate().format(D8), p.sex());
    }

    /** N3/N4 of a person's mailing address, when it is known. */
    private void address(ClaimDocument.Address a) throws EDIStreamException {
        if (a == null) return;
        if (a.line2() == null || a.line2().isBlank()) seg("N3", text(a.line1(), 55));
        else seg("N3", text(a.line1(), 55), text(a.line2(), 55));
        seg("N4", text(a.city(), 30), text(a.state(), 2), digits(a.zip()));
    }

    private static String[] procedure(Line l) {
        List<String> parts = new ArrayList<>();
        parts.add("HC");
        parts.add(l.code());
        for (int i = 0; i < l.modifiers().size() && i < 4; i++) parts.add(l.modifiers().get(i));
        return parts.toArray(String[]::new);
    }

    private static String[] pointers(List<Integer> pointers) {
        return pointers.stream().limit(4).map(String::valueOf).toArray(String[]::new);
    }

    /** Ends the transaction set, group and interchange with their counts. */
    @Override
    public void close() {
        try {
            segmentsInTransaction++; // SE counts itself
            w.segment("SE", String.valueOf(segmentsInTransaction), env.transactionControlNumber());
            w.segment("GE", "1", env.groupControlNumber());
            w.segment("IEA", "1", env.isaControlNumber());
            w.end();
        } catch (EDIStreamException e) {
            throw new IllegalStateException("837 trailer could not be written: " + e.getMessage(), e);
        }
    }

    public int claims() {
        return claims;
    }

    void seg(String id, Object... elements) throws EDIStreamException {
        segmentsInTransaction++;
        w.segment(id, elements);
    }

    /** An identifier is sent as it is; one that holds a delimiter would break the file, so the claim is refused. */
    String id(String element, String value) {
        if (value == null) return null;
        for (char ch : value.toCharArray()) {
            if (X12SegmentWriter.isDelimiter(ch)) {
                throw new ClaimFileRefused(List.of(new X12Issue(0, element.replaceAll("\\d{2}(-\\d+)?$", ""), element, null,
                        "'" + value + "' holds the delimiter '" + ch + "' and cannot be sent")));
            }
        }
        return value.trim();
    }

    private static String digits(String s) {
        return s == null ? null : s.replaceAll("[^0-9]", "");
    }

    static String icd(String code) {
        return code.replace(".", "").trim().toUpperCase(Locale.ROOT);
    }

    static String amount(BigDecimal amount) {
        if (amount == null) return null;
        BigDecimal v = amount.stripTrailingZeros();
        if (v.scale() < 0) v = v.setScale(0);
        return v.toPlainString();
    }
}
