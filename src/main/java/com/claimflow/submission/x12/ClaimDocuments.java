package com.claimflow.submission.x12;

import com.claimflow.claim.Claim;
import com.claimflow.claim.ClaimLine;
import com.claimflow.intake.CoverageOnFile;
import com.claimflow.intake.Encounter;
import com.claimflow.intake.EncounterRequest;
import com.claimflow.intake.Subscriber;
import com.claimflow.reference.Nubc;
import com.claimflow.reference.Payer;
import com.claimflow.reference.Provider;
import com.claimflow.reference.ReferenceService;
import com.claimflow.submission.x12.ClaimDocument.Kind;
import com.claimflow.submission.x12.ClaimDocument.Person;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Builds the 837's view of a claim from the claim, its encounter and the reference data (providers, payer). */
@Component
public class ClaimDocuments {
    /** SBR09 per payer; any other payer is commercial insurance (CI). */
    private static final Map<String, String> FILING_CODES = Map.of("MCARE", "MB", "MCAID", "MC", "TRICARE", "CH", "VA", "VA");

    private final ReferenceService reference;
    private final com.claimflow.claim.ClaimService claims;

    public ClaimDocuments(ReferenceService reference, com.claimflow.claim.ClaimService claims) {
        this.reference = reference;
        this.claims = claims;
    }

    /** The patient control number (CLM01): claim id and version, so 277CA and 835 answers find the exact version. */
    public static String patientControlNumber(long claimId, int version) {
        return "CF" + claimId + "V" + version;
    }

    /**
     * The claim as the 837 says it. Institutional data (type of bill, admission, revenue codes) comes from the
     * encounter and the claim's lines as intake took them; nothing is made up: what is missing stays empty, and the
     * validator refuses the claim naming the element.
     */
    public ClaimDocument build(Claim c, Encounter e) {
        Kind kind = "INSTITUTIONAL".equals(c.claimType()) ? Kind.INSTITUTIONAL : Kind.PROFESSIONAL;
        Provider billing = reference.provider(c.billingNpi()).orElse(null);
        String payerName = reference.payer(c.payerId()).map(Payer::name).orElse(c.payerId());
        ClaimDocument.Organization org = billing == null
                ? new ClaimDocument.Organization(null, c.billingNpi(), null, null, null, null, null, null)
                : new ClaimDocument.Organization(billing.name(), billing.npi(), billing.tin(), billing.taxonomy(),
                billing.address(), billing.city(), billing.state(), billing.zip());
        CoverageOnFile coverage = coverageOf(c.payerId(), c.memberId(), e, coverageOrder(c));
        ClaimDocument.Address patientAddress = address(e.patientAddress());
        Person subscriber;
        ClaimDocument.Insured insured;
        if (coverage.isSelf()) {
            subscriber = new Person(e.patientLastName(), e.patientFirstName(), c.memberId(), e.patientBirthDate(), e.patientSex(), null);
            insured = new ClaimDocument.Insured(coverage.order(), coverage.relationship(), coverage.groupNumber(), patientAddress, null, null);
        } else {
            Subscriber s = coverage.subscriber();
            String memberId = s.memberId() != null ? s.memberId() : c.memberId() != null ? c.memberId() : coverage.memberId();
            subscriber = new Person(s.lastName(), s.firstName(), memberId, s.birthDate(), s.sex(), null);
            insured = new ClaimDocument.Insured(coverage.order(), coverage.relationship(), coverage.groupNumber(), address(s.address()),
                    new Person(e.patientLastName(), e.patientFirstName(), null, e.patientBirthDate(), e.patientSex(), null), patientAddress);
        }
        Person rendering = provider(c.renderingNpi(), null);
        Person referring = provider(c.referringNpi(), e.referringName());
        List<ClaimDocument.Line> lines = c.lines().stream().map(l -> line(l, c, kind)).toList();
        boolean institutional = kind == Kind.INSTITUTIONAL;
        String where = institutional ? e.facilityTypeCode() : c.placeOfService();
        LocalDate from = c.dateOfService();
        if (institutional && e.admittedAt() != null && Nubc.needsAdmission(where) && e.admittedAt().toLocalDate().isBefore(from)) {
            from = e.admittedAt().toLocalDate(); // an inpatient stay's statement covers it from the admission
        }
        ClaimDocument.Institutional ub04 = institutional
                ? new ClaimDocument.Institutional(e.admittedAt(), e.admissionType(), e.admissionSource(), e.patientStatus(), e.admittingDiagnosis(),
                e.reasonForVisit(), e.dischargedAt())
                : null;
        return new ClaimDocument(kind, patientControlNumber(c.id(), c.version()), c.totalCharge(), where, c.frequencyCode(),
                c.payerClaimNumber(), c.priorAuthorization(), org, subscriber, new ClaimDocument.PayerRef(payerName, c.payerId()),
                FILING_CODES.getOrDefault(c.payerId(), "CI"), rendering, institutional ? rendering : null, referring,
                c.diagnoses(), lines, from, c.dateOfService(), ub04, c.timelyFilingProof() == null ? null
                : new ClaimDocument.TimelyFiling(c.timelyFilingProof().delayReasonCode(), c.timelyFilingProof().originalSubmission(),
                c.timelyFilingProof().reference()), insured, c.coverageOrder() > 1 ? otherPayers(c, e) : List.of());
    }

    /**
     * The earlier payers of a secondary or tertiary claim as the 837 reports them: each one's coverage on file gives the
     * 2320 SBR (its sequence, the patient's relationship, group number) and the 2330A subscriber; the claim keeps what
     * the payer decided (AMT*D, CAS, 2430 per line).
     */
    private List<OtherPayer> otherPayers(Claim c, Encounter e) {
        return claims.otherPayersOf(c.id()).stream().map(a -> {
            CoverageOnFile k = e.coverage(a.coverageOrder())
                    .orElse(new CoverageOnFile(a.coverageOrder(), a.payerId(), null, null, CoverageOnFile.SELF, null));
            Person subscriber = k.isSelf() || k.subscriber() == null
                    ? new Person(e.patientLastName(), e.patientFirstName(), k.subscriberMemberId(), null, null, null)
                    : new Person(k.subscriber().lastName(), k.subscriber().firstName(), k.subscriberMemberId(), null, null, null);
            String name = reference.payer(a.payerId()).map(Payer::name).orElse(a.payerId());
            List<OtherPayer.LineAdjudication> lines = a.lines().stream().map(l -> new OtherPayer.LineAdjudication(l.lineNo(), l.procedureCode(),
                    l.modifiers(), l.lineNo() <= c.lines().size() && "INSTITUTIONAL".equals(c.claimType()) ? c.lines().get(l.lineNo() - 1).revenueCode() : null,
                    l.paid(), l.units(), adjustments(l.adjustments()))).toList();
            return new OtherPayer(Claim.responsibility(a.coverageOrder()), k.relationship(), k.groupNumber(), FILING_CODES.getOrDefault(a.payerId(), "CI"),
                    subscriber, new ClaimDocument.PayerRef(name, a.payerId()), a.payerClaimNumber(), a.paid(), a.patientResponsibility(), a.adjudicatedOn(),
                    adjustments(a.adjustments()), lines);
        }).toList();
    }

    private static List<OtherPayer.Adjustment> adjustments(List<com.claimflow.claim.OtherPayerAdjudication.Adjustment> from) {
        return from.stream().map(x -> new OtherPayer.Adjustment(x.group(), x.carc(), x.amount(), x.quantity())).toList();
    }

    /** Which of the encounter's coverages the claim goes to: 1 primary, 2 secondary, 3 tertiary. */
    static int coverageOrder(Claim c) {
        return c.coverageOrder();
    }

    /**
     * The encounter's coverage of that order when it is the claim's payer's, else the first coverage with the claim's payer
     * (a payer may have been corrected on the claim), else the coverage of that order as on file.
     */
    static CoverageOnFile coverageOf(String payerId, String memberId, Encounter e, int order) {
        Optional<CoverageOnFile> byOrder = e.coverage(order);
        if (byOrder.isPresent() && Objects.equals(byOrder.get().payerId(), payerId)) return byOrder.get();
        return e.coverages().stream().filter(k -> Objects.equals(k.payerId(), payerId)).findFirst()
                .orElseGet(() -> byOrder.orElse(new CoverageOnFile(order, payerId, memberId, null, CoverageOnFile.SELF, null)));
    }

    private static ClaimDocument.Address address(EncounterRequest.Address a) {
        return a == null ? null : new ClaimDocument.Address(a.line1(), a.line2(), a.city(), a.state(), a.postalCode());
    }

    /** A provider by NPI: as on file, else under the name given at intake ("Last, First"), else the bare NPI. */
    private Person provider(String npi, String nameGiven) {
        if (npi == null) return null;
        return reference.provider(npi).map(p -> person(p.name(), npi, p.taxonomy()))
                .orElseGet(() -> person(nameGiven, npi, null));
    }

    private static ClaimDocument.Line line(ClaimLine l, Claim c, Kind kind) {
        return new ClaimDocument.Line(l.code(), l.modifiers(), l.units(), l.charge(), l.pointers(), c.dateOfService(),
                kind == Kind.INSTITUTIONAL ? l.revenueCode() : null);
    }

    /** "Adams, Jordan MD" is last name Adams, first name Jordan (credentials are not part of the NM1 name). */
    static Person person(String fullName, String npi, String taxonomy) {
        if (fullName == null || fullName.isBlank()) return new Person(null, null, npi, null, null, taxonomy);
        String name = fullName;
        String last = name;
        String first = null;
        int comma = name.indexOf(',');
        if (comma >= 0) {
            last = name.substring(0, comma).trim();
            String[] rest = name.substring(comma + 1).trim().split("\\s+");
            first = rest.length > 0 && !rest[0].isEmpty() ? rest[0] : null;
        }
        return new Person(last, first, npi, null, null, taxonomy);
    }
}
