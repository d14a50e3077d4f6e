package com.claimflow.intake;

import com.claimflow.base.BadInputException;
import com.claimflow.base.BadInputException.Kind;
import com.claimflow.base.ConflictException;
import com.claimflow.base.NotFoundException;
import com.claimflow.intake.internal.EncounterCoverages;
import com.claimflow.intake.internal.EncounterEntity;
import com.claimflow.intake.internal.EncounterRepository;
import com.claimflow.intake.internal.PatientAddresses;
import com.claimflow.reference.Npi;
import com.claimflow.reference.Nubc;
import com.claimflow.reference.Payer;
import com.claimflow.reference.ReferenceService;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens encounters and starts their revenue-cycle process; the public face of intake. */
@Service
public class EncounterService {

    private static final Pattern X12_TEXT = Pattern.compile(InputRules.X12_TEXT);
    /** The bean constraints a missing value breaks: their refusal is {@link Kind#REQUIRED}. */
    private static final Set<Class<?>> MISSING = Set.of(NotNull.class, NotBlank.class, NotEmpty.class);

    private final EncounterRepository encounters;
    private final PatientAddresses addresses;
    private final EncounterCoverages coverageRows;
    private final ReferenceService reference;
    private final RuntimeService runtime;
    private final Validator validator;
    private final Clock clock;
    /**
     * Each encounter's coverages and address as written at intake, for the reads every stage makes (about 15 selects an
     * encounter before: issue #17). Intake writes both once; the one later change, a corrected primary member id, is
     * written to the encounter row as well, so a kept entry is used only while its primary member id is the row's: a
     * correction on this node or another is seen at the next read of the row. At most {@link #MAX_ON_FILE} are kept.
     */
    private final Map<Long, OnFile> onFile = new ConcurrentHashMap<>();
    static final int MAX_ON_FILE = 20_000;

    private record OnFile(List<CoverageOnFile> coverages, EncounterRequest.Address address) {
        String primaryMemberId() {
            return coverages.stream().filter(c -> c.order() == 1).findFirst().map(CoverageOnFile::memberId).orElse(null);
        }
    }

    public EncounterService(EncounterRepository encounters, PatientAddresses addresses, EncounterCoverages coverageRows, ReferenceService reference,
                            RuntimeService runtime, Validator validator, Optional<Clock> clock) {
        this.encounters = encounters;
        this.addresses = addresses;
        this.coverageRows = coverageRows;
        this.reference = reference;
        this.runtime = runtime;
        this.validator = validator;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    /**
     * Validates the request against reference data, stores the encounter and starts its process,
     * all in one transaction: either both exist or neither does.
     *
     * @throws ConflictException when an encounter with the same external id exists
     */
    @Transactional
    public Encounter open(EncounterRequest request) {
        return open(request, () -> { });
    }

    /**
     * As {@link #open(EncounterRequest)}, with {@code alsoCheck} run after the request's own checks and before anything is
     * written: a check of what came with the visit (its charges) refuses it before an encounter row and process exist.
     */
    @Transactional
    public Encounter open(EncounterRequest request, Runnable alsoCheck) {
        Checked checked = check(request);
        String externalId = request.externalId().trim();
        Optional<Long> existing = encounters.idOfExternalId(externalId);
        if (existing.isPresent()) {
            throw duplicate(externalId, existing.get());
        }
        alsoCheck.run();
        return write(request, checked);
    }

    /** What {@link #check} learned and {@link #open} writes: the coverages in payer order and the primary payer. */
    private record Checked(List<CoverageOnFile> coverages, Payer payer) {
    }

    /** The encounter that has this external id (the EHR's visit number), if one was opened. */
    @Transactional(readOnly = true)
    public Optional<Encounter> findByExternalId(String externalId) {
        return encounters.findByExternalId(externalId.trim()).map(this::record);
    }

    private Checked check(EncounterRequest request) {
        checkShape(request);
        List<CoverageOnFile> coverages = checkCoverages(request);
        Payer payer = null;
        List<EncounterRequest.Insurance> given = request.insurances();
        for (int i = 0; i < given.size(); i++) {
            String field = request.coverages() == null ? "coverage.payerId" : "coverages[" + i + "].payerId";
            String payerId = given.get(i).payerId().strip();
            Payer p = reference.payer(payerId).orElseThrow(() -> new BadInputException(Kind.UNKNOWN, field, "unknown payer '" + payerId + "'"));
            if (!p.isActive()) {
                throw new BadInputException(Kind.UNUSABLE, field, "payer '" + p.id() + "' is not active");
            }
            if (given.get(i).order() == CoverageOnFile.PRIMARY) payer = p;
        }
        requireProvider("billingProviderNpi", request.billingProviderNpi());
        if (request.renderingProviderNpi() != null) {
            requireProvider("renderingProviderNpi", request.renderingProviderNpi());
        }
        if (request.referringProviderNpi() != null && !Npi.isValid(request.referringProviderNpi())) {
            // a referring physician need not be on file, but the number must be a real NPI
            throw new BadInputException("referringProviderNpi", "'" + request.referringProviderNpi() + "' is not a valid NPI (10 digits, Luhn check digit)");
        }
        checkReferringName(request);
        checkInstitutional(request);
        return new Checked(coverages, payer);
    }

    private Encounter write(EncounterRequest request, Checked checked) {
        List<CoverageOnFile> coverages = checked.coverages();
        Payer payer = checked.payer();
        EncounterEntity encounter;
        try {
            // inserted at once (the id is the database's identity); no flush, which would check every entity the
            // transaction holds (a batch opens 25 visits in one)
            encounter = encounters.save(new EncounterEntity(request));
        } catch (DataIntegrityViolationException race) {
            throw new ConflictException("encounter with external id '" + request.externalId() + "' already exists", null);
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(EncounterProcess.ENCOUNTER_ID, encounter.getId());
        variables.put(EncounterProcess.PAYER_ID, encounter.getPayerId());
        // for the work queue's priority; neither the payer nor the date of service changes after intake
        variables.put(EncounterProcess.FILING_DEADLINE, encounter.getDateOfService().plusDays(payer.timelyFilingDays()).toString());
        EncounterRequest.Address address = request.patient().address() == null ? null : addresses.keep(encounter.getId(), request.patient().address());
        for (CoverageOnFile c : coverages) coverageRows.keep(encounter.getId(), c);
        keep(encounter.getId(), new OnFile(List.copyOf(coverages), address));
        // everything about the encounter is written before its process starts: intake runs in this transaction up to the
        // coding task when eligibility inquiries are off (decision 0015), and what it reaches may read any of it
        ProcessInstance instance = runtime.startProcessInstanceByKey(EncounterProcess.PROCESS, String.valueOf(encounter.getId()), variables);
        encounter.startedAs(instance.getId());
        // the rows just written, as record() would read them back: their values are stored as given, no column computes one
        return encounter.toRecord(coverages, address);
    }

    /** The encounter's coverages in payer order (see {@link Encounter#coverages()}). */
    @Transactional(readOnly = true)
    public List<CoverageOnFile> coveragesOf(long encounterId) {
        return get(encounterId).coverages();
    }

    private Encounter record(EncounterEntity e) {
        OnFile kept = onFile.get(e.getId());
        if (kept == null || !Objects.equals(kept.primaryMemberId(), e.getMemberId())) {
            kept = new OnFile(coverageRows.of(e.getId()), addresses.of(e.getId()).orElse(null));
            keep(e.getId(), kept);
        }
        return e.toRecord(kept.coverages(), kept.address());
    }

    private void keep(long encounterId, OnFile rows) {
        if (onFile.size() >= MAX_ON_FILE) onFile.clear();
        onFile.put(encounterId, rows);
    }

    /**
     * The coverages as the request gives them, checked: {@code coverage} or {@code coverages}, not both; orders 1 to 3
     * each once, a secondary only beside a primary and a tertiary only beside a secondary; a subscriber who is not the
     * patient named, with birth date and sex, as the 837's 2010BA needs them (005010X222A1/X223A2 NM1*IL, DMG).
     */
    private List<CoverageOnFile> checkCoverages(EncounterRequest r) {
        if (r.coverage() != null && r.coverages() != null) {
            throw new BadInputException("coverages", "give either coverage (one primary, the patient its subscriber) or coverages, not both");
        }
        if (r.coverage() == null && (r.coverages() == null || r.coverages().isEmpty())) {
            throw new BadInputException(Kind.REQUIRED, r.coverages() == null ? "coverage" : "coverages",
                    "is required: the payer and member id of the patient's primary coverage");
        }
        List<EncounterRequest.Insurance> given = r.insurances();
        Set<Integer> orders = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            if (!orders.add(given.get(i).order())) {
                throw new BadInputException("coverages[" + i + "].order", "order " + given.get(i).order() + " is given twice: each of primary (1), "
                        + "secondary (2) and tertiary (3) is one coverage");
            }
        }
        List<CoverageOnFile> coverages = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            EncounterRequest.Insurance c = given.get(i);
            String at = "coverages[" + i + "]";
            if (c.order() > 1 && !orders.contains(c.order() - 1)) {
                throw new BadInputException(at + ".order", c.order() == 2 ? "a secondary coverage (2) needs a primary (1)"
                        : "a tertiary coverage (3) needs a secondary (2)");
            }
            String relationship = c.relationship() == null ? (c.subscriber() == null ? CoverageOnFile.SELF : null) : c.relationship();
            if (relationship == null) {
                throw new BadInputException(Kind.REQUIRED, at + ".relationship", "is required with a subscriber: the patient's relationship to them, e.g. 01 spouse, 19 child, G8 other");
            }
            Subscriber s = c.subscriber();
            if (CoverageOnFile.SELF.equals(relationship)) {
                if (s != null) throw new BadInputException(at + ".subscriber", "must be left out when the patient is the subscriber (relationship 18)");
            } else {
                if (s == null) throw new BadInputException(Kind.REQUIRED, at + ".subscriber", "required when the subscriber is not the patient (relationship " + relationship + ")");
                requireSubscriber(at + ".subscriber.lastName", s.lastName());
                requireSubscriber(at + ".subscriber.firstName", s.firstName());
                if (s.birthDate() == null) requireSubscriber(at + ".subscriber.birthDate", null);
                requireSubscriber(at + ".subscriber.sex", s.sex());
                InputRules.checkBirthDate(at + ".subscriber.birthDate", s.birthDate(), r.dateOfService());
                if (r.patient() != null && r.patient().address() == null) {
                    // X222A1/X223A2 2010CA N3/N4 are required when the patient is not the subscriber: no payer takes the claim without them
                    throw new BadInputException(Kind.REQUIRED, "patient.address", "required when the patient is not the subscriber of " + at
                            + " (the 837 sends the patient's address in loop 2010CA)");
                }
                s = new Subscriber(s.lastName().strip(), s.firstName().strip(), s.birthDate(), s.sex().toUpperCase(Locale.ROOT), s.address(),
                        blankToNull(s.memberId()));
            }
            coverages.add(new CoverageOnFile(c.order(), c.payerId().strip(), blankToNull(c.memberId()), blankToNull(c.groupNumber()), relationship, s));
        }
        coverages.sort(Comparator.comparingInt(CoverageOnFile::order));
        return coverages;
    }

    private static void requireSubscriber(String field, String value) {
        if (value == null || value.isBlank()) throw new BadInputException(Kind.REQUIRED, field, "required when the subscriber is not the patient");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Where the patient's statements go, if intake was given an address. */
    @Transactional(readOnly = true)
    public Optional<EncounterRequest.Address> patientAddress(long encounterId) {
        return addresses.of(encounterId);
    }

    /**
     * The request's bean constraints (the API checks them too; other callers come here directly) and its dates' ranges:
     * date of service, birth date and admission as {@link InputRules} allows them.
     */
    private void checkShape(EncounterRequest request) {
        validator.validate(request).stream().min(Comparator.comparing(v -> v.getPropertyPath().toString())).ifPresent(v -> {
            throw new BadInputException(MISSING.contains(v.getConstraintDescriptor().getAnnotation().annotationType()) ? Kind.REQUIRED : Kind.INVALID,
                    v.getPropertyPath().toString(), v.getMessage());
        });
        LocalDate dos = request.dateOfService();
        InputRules.checkDateOfService("dateOfService", dos, LocalDate.now(clock));
        LocalDate birth = request.patient().birthDate();
        InputRules.checkBirthDate("patient.birthDate", birth, dos);
        if (request.institutional() != null) {
            InputRules.checkAdmission("institutional.admittedAt", request.institutional().admittedAt(), dos, birth);
        }
    }

    /** The 837 names the referring provider (NM1*DN): from the provider file, else from the request. */
    private void checkReferringName(EncounterRequest r) {
        boolean named = r.referringProviderName() != null && !r.referringProviderName().isBlank();
        if (named && r.referringProviderNpi() == null) {
            throw new BadInputException("referringProviderName", "is given without referringProviderNpi");
        }
        if (named && !r.referringProviderName().matches("[^,]{1,60}(,\\s*\\S.*)?")) {
            throw new BadInputException("referringProviderName", "must be 'Last, First' (last name at most 60 characters)");
        }
        if (r.referringProviderNpi() != null && !named && reference.provider(r.referringProviderNpi()).isEmpty()) {
            throw new BadInputException(Kind.REQUIRED, "referringProviderName", "is required when the referring provider (NPI " + r.referringProviderNpi()
                    + ") is not on file: 'Last, First', as the claim must name them");
        }
    }

    /** "is required: &lt;what&gt;" when the value is missing, else "'value' is not &lt;what&gt;". */
    private static BadInputException bad(String field, String value, String what) {
        boolean missing = value == null || value.isBlank();
        return new BadInputException(missing ? Kind.REQUIRED : Kind.INVALID, field, missing ? "is required: " + what : "'" + value + "' is not " + what);
    }

    /** An institutional encounter needs its UB-04 data, in NUBC codes; a professional one has none. */
    private static void checkInstitutional(EncounterRequest r) {
        EncounterRequest.Institutional i = r.institutional();
        boolean institutional = "INSTITUTIONAL".equals(r.claimType());
        if (!institutional) {
            if (i != null) throw new BadInputException("institutional", "is only for INSTITUTIONAL encounters (claimType is " + r.claimType() + ")");
            return;
        }
        if (i == null) {
            throw new BadInputException(Kind.REQUIRED, "institutional", "is required for an INSTITUTIONAL encounter: facilityTypeCode, admissionType, "
                    + "admissionSource, patientStatus, revenueCode (and admittedAt on inpatient and home health bills)");
        }
        if (!Nubc.isFacilityType(i.facilityTypeCode())) {
            throw bad("institutional.facilityTypeCode", i.facilityTypeCode(), "a facility type code of a type of bill: "
                    + "two digits, type of facility 1-8 and bill classification 1-9 (e.g. 13 hospital outpatient, 11 hospital inpatient)");
        }
        if (i.admittedAt() == null && Nubc.needsAdmission(i.facilityTypeCode())) {
            throw new BadInputException(Kind.REQUIRED, "institutional.admittedAt", "is required on an inpatient or home health bill (facility type "
                    + i.facilityTypeCode() + "): the admission date and hour, e.g. 2026-11-14T08:30");
        }
        if (!Nubc.isAdmissionType(i.admissionType())) {
            throw bad("institutional.admissionType", i.admissionType(),
                    "a NUBC admission type: 1 emergency, 2 urgent, 3 elective, 4 newborn, 5 trauma, 9 not available");
        }
        if (!Nubc.isPointOfOrigin(i.admissionSource())) {
            throw bad("institutional.admissionSource", i.admissionSource(),
                    "a NUBC point of origin: 1, 2, 4, 5, 6, 8, 9, D, E, F or G (e.g. 1 non-health care point, 2 physician's office)");
        }
        if (!Nubc.isPatientStatus(i.patientStatus())) {
            throw bad("institutional.patientStatus", i.patientStatus(),
                    "a NUBC patient discharge status (two digits, e.g. 01 home or self care, 30 still a patient)");
        }
        checkInstitutionalDiagnoses(i, r.dateOfService());
        if (!Nubc.isRevenueCode(i.revenueCode())) {
            throw bad("institutional.revenueCode", i.revenueCode(), "a four-digit NUBC revenue code (e.g. 0510 clinic)");
        }
        if (i.revenueCodes() != null) {
            i.revenueCodes().forEach((code, revenue) -> {
                if (code == null || !code.matches("[0-9A-Z]{5}")) {
                    throw new BadInputException("institutional.revenueCodes", "'" + code + "' is not a CPT/HCPCS code (five letters or digits)");
                }
                if (!Nubc.isRevenueCode(revenue)) {
                    throw bad("institutional.revenueCodes." + code, revenue, "a four-digit NUBC revenue code");
                }
            });
        }
    }

    /**
     * The 837I's "required when" data (005010X223A2 loop 2300): the admitting diagnosis on an inpatient bill, the
     * reason for an unscheduled outpatient visit, the discharge of a patient who left an inpatient stay; and none of
     * them where the guide says "do not send".
     */
    private static void checkInstitutionalDiagnoses(EncounterRequest.Institutional i, LocalDate dateOfService) {
        String type = i.facilityTypeCode();
        boolean inpatient = InputRules.isInpatient(type);
        if (inpatient && (i.admittingDiagnosis() == null || i.admittingDiagnosis().isBlank())) {
            throw new BadInputException(Kind.REQUIRED, "institutional.admittingDiagnosis", "is required on an inpatient bill (facility type " + type
                    + "): the ICD-10-CM code the patient was admitted for, e.g. R07.9 (837I HI*ABJ)");
        }
        if (!inpatient && i.admittingDiagnosis() != null) {
            throw new BadInputException("institutional.admittingDiagnosis", "is only for inpatient bills (facility type " + type + " is not one)");
        }
        List<String> revenueCodes = new ArrayList<>();
        revenueCodes.add(i.revenueCode());
        if (i.revenueCodes() != null) revenueCodes.addAll(i.revenueCodes().values());
        boolean reasons = i.reasonForVisit() != null && !i.reasonForVisit().isEmpty();
        if (!reasons && InputRules.needsReasonForVisit(type, i.admissionType(), revenueCodes)) {
            throw new BadInputException(Kind.REQUIRED, "institutional.reasonForVisit", "is required on an unscheduled outpatient visit (facility type " + type
                    + ", admission type " + i.admissionType() + " or an emergency, urgent care or observation revenue code): one to three "
                    + "ICD-10-CM codes of the patient's complaint, e.g. [\"R07.9\"] (837I HI*APR)");
        }
        if (reasons && !InputRules.takesReasonForVisit(type)) {
            throw new BadInputException("institutional.reasonForVisit", "is only for outpatient bills of facility type 13, 78 or 85 (not " + type + ")");
        }
        boolean left = inpatient && !InputRules.STILL_A_PATIENT.equals(i.patientStatus());
        if (left && i.dischargedAt() == null) {
            throw new BadInputException(Kind.REQUIRED, "institutional.dischargedAt", "is required when an inpatient (facility type " + type + ") was discharged "
                    + "(patient status " + i.patientStatus() + "): the discharge date and hour, e.g. 2026-11-16T11:00 (837I DTP*096)");
        }
        if (i.dischargedAt() != null) {
            if (!left) {
                throw new BadInputException("institutional.dischargedAt", "is only for an inpatient who left (patient status other than 30)");
            }
            if (i.admittedAt() != null && i.dischargedAt().isBefore(i.admittedAt())) {
                throw new BadInputException("institutional.dischargedAt", "'" + i.dischargedAt() + "' is before the admission " + i.admittedAt());
            }
            if (dateOfService != null && !i.dischargedAt().toLocalDate().equals(dateOfService)) {
                throw new BadInputException("institutional.dischargedAt", "'" + i.dischargedAt() + "' is not on the date of service " + dateOfService
                        + ": an inpatient claim's date of service is the discharge day");
            }
        }
    }

    private static ConflictException duplicate(String externalId, long id) {
        return new ConflictException("encounter with external id '" + externalId + "' already exists as encounter " + id, Map.of("encounterId", id));
    }

    private void requireProvider(String field, String npi) {
        if (!Npi.isValid(npi)) {
            throw new BadInputException(field, "'" + npi + "' is not a valid NPI (10 digits, Luhn check digit)");
        }
        if (reference.provider(npi).isEmpty()) {
            throw new BadInputException(Kind.UNKNOWN, field, "no provider with NPI " + npi + " is on file");
        }
    }

    @Transactional(readOnly = true)
    public Encounter get(long id) {
        return record(row(id));
    }

    private EncounterEntity row(long id) {
        return encounters.findById(id).orElseThrow(() -> new NotFoundException("no encounter " + id));
    }

    @Transactional(readOnly = true)
    public Optional<Encounter> find(long id) {
        return encounters.findById(id).map(this::record);
    }

    /** A page of the encounters whose id is the text, or whose external id, payer or patient name contains it (blank: all). */
    @Transactional(readOnly = true)
    public List<Encounter> search(String text, Pageable page) {
        List<EncounterEntity> rows = encounters.search(like(text), idIn(text), page);
        Map<Long, List<CoverageOnFile>> coverages = coverageRows.of(rows.stream().map(EncounterEntity::getId).toList());
        Map<Long, EncounterRequest.Address> where = addresses.of(rows.stream().map(EncounterEntity::getId).toList());
        return rows.stream().map(e -> e.toRecord(coverages.getOrDefault(e.getId(), List.of()), where.get(e.getId()))).toList();
    }

    @Transactional(readOnly = true)
    public long countMatching(String text) {
        return encounters.countMatching(like(text), idIn(text));
    }

    private static String like(String text) {
        if (text == null || text.isBlank()) return null;
        // the text is looked for as typed: LIKE's wildcards in it are escaped ('!' is the escape in the queries)
        String escaped = text.strip().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + escaped + "%";
    }

    private static long idIn(String text) {
        return text != null && text.strip().matches("\\d{1,18}") ? Long.parseLong(text.strip()) : -1;
    }

    @Transactional(readOnly = true)
    public long count() {
        return encounters.count();
    }

    /** Eligibility as far as the product can tell without a 270/271 exchange: active payer, member id in the payer's format. */
    @Transactional(readOnly = true)
    public Optional<String> eligibilityProblem(long encounterId) {
        EncounterEntity e = row(encounterId);
        Payer payer = reference.payer(e.getPayerId()).orElse(null);
        if (payer == null || !payer.isActive()) {
            return Optional.of("payer " + e.getPayerId() + " is not active");
        }
        if (e.getMemberId() == null || e.getMemberId().isBlank()) {
            return Optional.of("member id is missing");
        }
        if (payer.subscriberIdPattern() != null && !e.getMemberId().matches(payer.subscriberIdPattern())) {
            return Optional.of("member id '" + e.getMemberId() + "' does not match " + payer.name() + "'s format");
        }
        return Optional.empty();
    }

    @Transactional
    public void correctMemberId(long encounterId, String memberId) {
        if (memberId == null || memberId.isBlank()) {
            throw new BadInputException("memberId", "enter the member id from the patient's insurance card");
        }
        String id = memberId.trim();
        if (id.length() > 40 || !X12_TEXT.matcher(memberId).matches()) {
            throw new BadInputException("memberId", "at most 40 characters, " + InputRules.X12_TEXT_MESSAGE);
        }
        row(encounterId).memberIdCorrected(id);
        coverageRows.primaryMemberIdCorrected(encounterId, id);
        onFile.remove(encounterId);
    }

    @Transactional
    public void recordPriorAuthorization(long encounterId, String number) {
        if (number == null || number.isBlank() || number.trim().length() > 50 || !X12_TEXT.matcher(number).matches()) {
            throw new BadInputException("priorAuthorization", "enter the authorization number from the payer's letter (at most 50 characters; "
                    + InputRules.X12_TEXT_MESSAGE + ")");
        }
        row(encounterId).priorAuthorizationEntered(number.trim());
    }

    /** Where the encounter's process stands: the main process's active stage, or CLOSED. */
    @Transactional(readOnly = true)
    public String stage(Encounter encounter) {
        if (encounter.processInstanceId() == null) return "INTAKE";
        List<String> active = runtime.createProcessInstanceQuery().processInstanceId(encounter.processInstanceId()).count() == 0
                ? List.of()
                : runtime.getActiveActivityIds(encounter.processInstanceId());
        return active.isEmpty() ? "CLOSED" : Stage.ofActivity(active.get(0));
    }
}
