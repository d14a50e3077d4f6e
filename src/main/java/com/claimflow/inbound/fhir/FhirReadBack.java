package com.claimflow.inbound.fhir;

import com.claimflow.claim.Claim;
import com.claimflow.claim.ClaimLine;
import com.claimflow.claim.ClaimService;
import com.claimflow.claim.ClaimStatus;
import com.claimflow.coding.CodingService;
import com.claimflow.intake.CoverageOnFile;
import com.claimflow.intake.EncounterService;
import com.claimflow.reference.Payer;
import com.claimflow.reference.Provider;
import com.claimflow.reference.ReferenceService;
import com.claimflow.remittance.PaymentPosting;
import com.claimflow.remittance.RemittanceAdvice;
import com.claimflow.remittance.RemittanceService;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.SimpleQuantity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The product's encounters, claims and remittances as FHIR R4 resources, for other systems to read back: Encounter
 * (US Core Encounter's elements), Claim and ClaimResponse (FHIR R4 Claim/ClaimResponse with CARIN-BB's code systems for
 * place of service, revenue codes and CARC). The patient is a contained Patient; payers and providers are logical
 * references by identifier (NPI, payer id), as the product keeps no FHIR Organization or Practitioner of its own.
 */
@Service
class FhirReadBack {
    private static final String PATIENT = "#patient";
    private static final String COVERAGE = "#coverage";

    private final EncounterService encounters;
    private final ClaimService claims;
    private final CodingService coding;
    private final RemittanceService remittances;
    private final ReferenceService reference;
    private final FhirSettings settings;

    FhirReadBack(EncounterService encounters, ClaimService claims, CodingService coding, RemittanceService remittances, ReferenceService reference,
                 FhirSettings settings) {
        this.encounters = encounters;
        this.claims = claims;
        this.coding = coding;
        this.remittances = remittances;
        this.reference = reference;
        this.settings = settings;
    }

    /**
     * The encounter: identifier (the EHR's visit number), status finished (the product bills visits that took place)
     * with the billing stage as an extension, period, class from the place of service, the contained Patient, providers
     * and, once coded, the diagnoses as contained Conditions in the coder's order.
     */
    @Transactional(readOnly = true)
    public Encounter encounter(long id) {
        com.claimflow.intake.Encounter e = encounters.get(id);
        Encounter r = new Encounter();
        r.setId(String.valueOf(e.id()));
        r.addIdentifier().setUse(Identifier.IdentifierUse.OFFICIAL).setSystem(settings.visitIdentifierSystem()).setValue(e.externalId());
        r.setStatus(Encounter.EncounterStatus.FINISHED);
        r.addExtension(FhirCodes.STAGE_EXTENSION, new CodeType(encounters.stage(e)));
        r.setClass_(new Coding(FhirCodes.ACT_CODE, FhirCodes.classOf(e.placeOfService()), null));
        r.addContained(patient(e));
        r.setSubject(new Reference(PATIENT));
        r.setPeriod(new Period().setStartElement(new org.hl7.fhir.r4.model.DateTimeType(e.dateOfService().toString())));
        if (e.renderingNpi() != null) {
            r.addParticipant().addType(new CodeableConcept(new Coding(FhirCodes.PARTICIPATION_TYPE, "PPRF", "primary performer")))
                    .setIndividual(npi(e.renderingNpi()));
        }
        if (e.referringNpi() != null) {
            r.addParticipant().addType(new CodeableConcept(new Coding(FhirCodes.PARTICIPATION_TYPE, "REF", "referrer"))).setIndividual(npi(e.referringNpi()));
        }
        r.setServiceProvider(npi(e.billingNpi()));
        coding.codingOf(id).ifPresent(c -> {
            for (int i = 0; i < c.diagnoses().size(); i++) {
                Condition condition = new Condition();
                condition.setId("dx" + (i + 1));
                condition.setSubject(new Reference(PATIENT));
                condition.setCode(icd(c.diagnoses().get(i)));
                condition.addCategory(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/condition-category", "encounter-diagnosis",
                        "Encounter Diagnosis")));
                r.addContained(condition);
                r.addDiagnosis().setCondition(new Reference("#dx" + (i + 1))).setRank(i + 1);
            }
        });
        return r;
    }

    /** The encounter of this visit number (the external id), if one was opened. */
    @Transactional(readOnly = true)
    public Optional<com.claimflow.intake.Encounter> byVisit(String externalId) {
        return encounters.findByExternalId(externalId);
    }

    /** The claim as billed: items with CPT/HCPCS, modifiers, units, charges and diagnosis pointers; ICD-10-CM diagnoses; insurer; total. */
    @Transactional(readOnly = true)
    public org.hl7.fhir.r4.model.Claim claim(long claimId) {
        Claim c = claims.get(claimId);
        com.claimflow.intake.Encounter e = encounters.get(c.encounterId());
        org.hl7.fhir.r4.model.Claim r = new org.hl7.fhir.r4.model.Claim();
        r.setId(String.valueOf(c.id()));
        r.addIdentifier().setSystem("urn:claimflow:claim").setValue(c.id() + "-" + c.version());
        if (c.payerClaimNumber() != null) {
            r.addIdentifier().setType(new CodeableConcept(new Coding(FhirCodes.C4BB_IDENTIFIER_TYPE, "uc",
                    "Unique Claim ID"))).setValue(c.payerClaimNumber());
        }
        r.setStatus(status(c.status()));
        r.setType(new CodeableConcept(new Coding(FhirCodes.CLAIM_TYPE, "INSTITUTIONAL".equals(c.claimType()) ? "institutional" : "professional", null)));
        r.setUse(org.hl7.fhir.r4.model.Claim.Use.CLAIM);
        r.addContained(patient(e));
        r.setPatient(new Reference(PATIENT));
        r.setBillablePeriod(new Period().setStartElement(new org.hl7.fhir.r4.model.DateTimeType(c.dateOfService().toString()))
                .setEndElement(new org.hl7.fhir.r4.model.DateTimeType(c.dateOfService().toString())));
        r.setCreated(c.createdAt() == null ? null : Date.from(c.createdAt()));
        r.setInsurer(payer(c.payerId()));
        r.setProvider(npi(c.billingNpi()));
        r.setPriority(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/processpriority", "normal", null)));
        if (c.renderingNpi() != null) {
            r.addCareTeam().setSequence(1).setProvider(npi(c.renderingNpi())).setRole(new CodeableConcept(
                    new Coding("http://terminology.hl7.org/CodeSystem/claimcareteamrole", "primary", null)));
        }
        if (c.referringNpi() != null) r.setReferral(npi(c.referringNpi()));
        Coverage coverage = new Coverage();
        coverage.setId("coverage");
        coverage.setStatus(Coverage.CoverageStatus.ACTIVE);
        coverage.setBeneficiary(new Reference(PATIENT));
        coverage.setSubscriberId(c.memberId());
        coverage.addPayor(payer(c.payerId()));
        coverage.setOrder(c.coverageOrder());
        e.coverage(c.coverageOrder()).map(CoverageOnFile::groupNumber).ifPresent(g -> coverage.addClass_().setValue(g)
                .setType(new CodeableConcept(new Coding(FhirCodes.COVERAGE_CLASS, "group", null))));
        r.addContained(coverage);
        r.addInsurance().setSequence(1).setFocal(true).setCoverage(new Reference(COVERAGE));
        for (int i = 0; i < c.diagnoses().size(); i++) {
            r.addDiagnosis().setSequence(i + 1).setDiagnosis(icd(c.diagnoses().get(i)));
        }
        CodeableConcept place = new CodeableConcept(new Coding(FhirCodes.PLACE_OF_SERVICE, c.placeOfService(), null));
        for (int i = 0; i < c.lines().size(); i++) {
            ClaimLine l = c.lines().get(i);
            org.hl7.fhir.r4.model.Claim.ItemComponent item = r.addItem().setSequence(i + 1);
            item.setProductOrService(new CodeableConcept(new Coding(FhirCodes.procedureSystem(l.code()), l.code(), null)));
            l.modifiers().forEach(m -> item.addModifier(new CodeableConcept(new Coding(FhirCodes.procedureSystem(l.code()), m, null))));
            l.pointers().forEach(p -> item.addDiagnosisSequence(p));
            item.setQuantity((SimpleQuantity) new SimpleQuantity().setValue(l.units()));
            if (l.charge() != null) {
                item.setNet(money(l.charge()));
                item.setUnitPrice(money(l.charge().divide(BigDecimal.valueOf(l.units()), 2, java.math.RoundingMode.HALF_UP)));
            }
            if (l.revenueCode() != null) item.setRevenue(new CodeableConcept(new Coding(FhirCodes.REVENUE_CODE, l.revenueCode(), null)));
            item.setServiced(new DateType(c.dateOfService().toString()));
            item.setLocation(place);
        }
        r.setTotal(money(c.totalCharge()));
        return r;
    }

    /**
     * The payer's answer to the claim from its posted 835(s), if any: outcome, payment amount and date, and per item the
     * submitted charge, the eligible (allowed) amount, the benefit paid and each CAS adjustment with its CARC.
     */
    @Transactional(readOnly = true)
    public Optional<org.hl7.fhir.r4.model.ClaimResponse> claimResponse(long claimId) {
        Claim c = claims.get(claimId);
        List<PaymentPosting> postings = remittances.postingsFor(claimId);
        if (postings.isEmpty()) return Optional.empty();
        com.claimflow.intake.Encounter e = encounters.get(c.encounterId());
        List<RemittanceAdvice.Adjustment> adjustments = remittances.adjustmentsFor(claimId);
        List<RemittanceAdvice.LinePaid> paidLines = remittances.linesPaidFor(claimId);
        PaymentPosting last = postings.get(postings.size() - 1);
        org.hl7.fhir.r4.model.ClaimResponse r = new org.hl7.fhir.r4.model.ClaimResponse();
        r.setId(String.valueOf(c.id()));
        postings.forEach(p -> r.addIdentifier().setSystem("urn:claimflow:remittance").setValue(p.getSourceRef()));
        r.setStatus(org.hl7.fhir.r4.model.ClaimResponse.ClaimResponseStatus.ACTIVE);
        r.setType(new CodeableConcept(new Coding(FhirCodes.CLAIM_TYPE, "INSTITUTIONAL".equals(c.claimType()) ? "institutional" : "professional", null)));
        r.setUse(org.hl7.fhir.r4.model.ClaimResponse.Use.CLAIM);
        r.addContained(patient(e));
        r.setPatient(new Reference(PATIENT));
        r.setCreated(Date.from(last.getPostedAt()));
        r.setInsurer(payer(c.payerId()));
        r.setRequestor(npi(c.billingNpi()));
        r.setRequest(new Reference("Claim/" + c.id()));
        r.setOutcome(org.hl7.fhir.r4.model.ClaimResponse.RemittanceOutcome.COMPLETE);
        r.setDisposition(last.getOutcome());
        BigDecimal paid = postings.stream().map(PaymentPosting::getPaid).filter(java.util.Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal patientShare = postings.stream().map(PaymentPosting::getPatientResponsibility).filter(java.util.Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        for (int i = 0; i < c.lines().size(); i++) {
            int line = i + 1;
            ClaimLine l = c.lines().get(i);
            org.hl7.fhir.r4.model.ClaimResponse.ItemComponent item = r.addItem().setItemSequence(line);
            item.addAdjudication(adjudication("submitted", l.charge()));
            BigDecimal contractual = adjustments.stream().filter(a -> Integer.valueOf(line).equals(a.lineNo()) && "CO".equals(a.group()))
                    .map(RemittanceAdvice.Adjustment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            List<RemittanceAdvice.LinePaid> lp = paidLines.stream().filter(p -> p.lineNo() == line).toList();
            if (l.charge() != null) item.addAdjudication(adjudication("eligible", l.charge().subtract(contractual)));
            if (!lp.isEmpty()) item.addAdjudication(adjudication("benefit", lp.stream().map(RemittanceAdvice.LinePaid::paid).reduce(BigDecimal.ZERO, BigDecimal::add)));
            adjustments.stream().filter(a -> Integer.valueOf(line).equals(a.lineNo())).forEach(a -> item.addAdjudication(adjustment(a)));
        }
        adjustments.stream().filter(a -> a.lineNo() == null).forEach(a -> r.addAdjudication(adjustment(a)));
        r.addTotal().setCategory(category("submitted")).setAmount(money(c.totalCharge()));
        r.addTotal().setCategory(category("benefit")).setAmount(money(paid));
        r.addTotal().setCategory(new CodeableConcept(new Coding("http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBAdjudication", "memberliability",
                "Member liability"))).setAmount(money(patientShare));
        r.getPayment().setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/ex-paymenttype", "complete", null)))
                .setAmount(money(paid)).setDate(Date.from(last.getPostedAt().atZone(ZoneId.systemDefault()).toLocalDate().atStartOfDay(ZoneId.systemDefault()).toInstant()));
        return Optional.of(r);
    }

    /**
     * A CAS adjustment: PR 1 and PR 3 are FHIR's own deductible and copay; any other is categorised by its X12 group
     * (CO contractual, PR patient responsibility, OA other, PI payer initiated); the reason is the CARC.
     */
    private static org.hl7.fhir.r4.model.ClaimResponse.AdjudicationComponent adjustment(RemittanceAdvice.Adjustment a) {
        CodeableConcept category = "PR".equals(a.group()) && "1".equals(a.carc()) ? category("deductible")
                : "PR".equals(a.group()) && "3".equals(a.carc()) ? category("copay")
                : new CodeableConcept(new Coding(FhirCodes.CARC_GROUP, a.group(), null));
        var adj = new org.hl7.fhir.r4.model.ClaimResponse.AdjudicationComponent(category);
        adj.setReason(new CodeableConcept(new Coding(FhirCodes.CARC, a.carc(), null)));
        adj.setAmount(money(a.amount()));
        return adj;
    }

    private static org.hl7.fhir.r4.model.ClaimResponse.AdjudicationComponent adjudication(String category, BigDecimal amount) {
        return new org.hl7.fhir.r4.model.ClaimResponse.AdjudicationComponent(category(category)).setAmount(money(amount));
    }

    private static CodeableConcept category(String code) {
        return new CodeableConcept(new Coding(FhirCodes.ADJUDICATION, code, null));
    }

    /** FHIR's financial resource status: still with us (draft), sent (active), voided or replaced (cancelled). */
    private static org.hl7.fhir.r4.model.Claim.ClaimStatus status(ClaimStatus s) {
        if (s == ClaimStatus.VOIDED || s == ClaimStatus.REPLACED) return org.hl7.fhir.r4.model.Claim.ClaimStatus.CANCELLED;
        return s.isDraft() ? org.hl7.fhir.r4.model.Claim.ClaimStatus.DRAFT : org.hl7.fhir.r4.model.Claim.ClaimStatus.ACTIVE;
    }

    private Patient patient(com.claimflow.intake.Encounter e) {
        Patient p = new Patient();
        p.setId("patient");
        p.addName(new HumanName().setUse(HumanName.NameUse.OFFICIAL).setFamily(e.patientLastName()).addGiven(e.patientFirstName()));
        p.setBirthDateElement(new DateType(e.patientBirthDate().toString()));
        p.setGender(switch (e.patientSex() == null ? "U" : e.patientSex().toUpperCase()) {
            case "M" -> Enumerations.AdministrativeGender.MALE;
            case "F" -> Enumerations.AdministrativeGender.FEMALE;
            default -> Enumerations.AdministrativeGender.UNKNOWN;
        });
        if (e.patientAddress() != null) {
            var a = e.patientAddress();
            org.hl7.fhir.r4.model.Address address = p.addAddress().setUse(org.hl7.fhir.r4.model.Address.AddressUse.HOME).setCity(a.city())
                    .setState(a.state()).setPostalCode(a.postalCode());
            address.addLine(a.line1());
            if (a.line2() != null) address.addLine(a.line2());
        }
        if (e.patientPhone() != null) p.addTelecom().setSystem(org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem.PHONE).setValue(e.patientPhone());
        return p;
    }

    private Reference npi(String npi) {
        Reference r = new Reference();
        r.setIdentifier(new Identifier().setSystem(FhirCodes.NPI).setValue(npi));
        reference.provider(npi).map(Provider::name).ifPresent(r::setDisplay);
        return r;
    }

    private Reference payer(String payerId) {
        Reference r = new Reference();
        r.setType("Organization");
        r.setIdentifier(new Identifier().setType(new CodeableConcept(new Coding(FhirCodes.C4BB_IDENTIFIER_TYPE, "payerid", "Payer ID"))).setValue(payerId));
        reference.payer(payerId).map(Payer::name).ifPresent(r::setDisplay);
        return r;
    }

    private static CodeableConcept icd(String code) {
        return new CodeableConcept(new Coding(FhirCodes.ICD10CM, FhirCodes.dotted(code), null));
    }

    private static Money money(BigDecimal amount) {
        return amount == null ? null : new Money().setValue(amount).setCurrency("USD");
    }
}
