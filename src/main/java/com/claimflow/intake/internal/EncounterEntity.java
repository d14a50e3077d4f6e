package com.claimflow.intake.internal;

import com.claimflow.intake.CoverageOnFile;
import com.claimflow.intake.Encounter;
import com.claimflow.intake.EncounterRequest;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The encounter's row; other modules see it as the {@link Encounter} record. */
@Entity(name = "Encounter")
@Table(name = "encounter")
public class EncounterEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "external_id")
    private String externalId;
    @Column(name = "patient_first_name")
    private String patientFirstName;
    @Column(name = "patient_last_name")
    private String patientLastName;
    @Column(name = "patient_birth_date")
    private LocalDate patientBirthDate;
    @Column(name = "patient_sex")
    private String patientSex;
    @Column(name = "member_id")
    private String memberId;
    @Column(name = "payer_id")
    private String payerId;
    @Column(name = "billing_npi")
    private String billingNpi;
    @Column(name = "rendering_npi")
    private String renderingNpi;
    @Column(name = "referring_npi")
    private String referringNpi;
    @Column(name = "prior_authorization")
    private String priorAuthorization;
    @Column(name = "date_of_service")
    private LocalDate dateOfService;
    @Column(name = "place_of_service")
    private String placeOfService;
    @Column(name = "claim_type")
    private String claimType;
    private String documentation;
    @Column(name = "referring_name")
    private String referringName;
    @Column(name = "facility_type_code")
    private String facilityTypeCode;
    @Column(name = "admitted_at")
    private LocalDateTime admittedAt;
    @Column(name = "admission_type")
    private String admissionType;
    @Column(name = "admission_source")
    private String admissionSource;
    @Column(name = "patient_status")
    private String patientStatus;
    @Column(name = "revenue_code")
    private String revenueCode;
    /** Revenue codes by procedure code where they differ from {@link #revenueCode}: "36415=0300,80053=0301". */
    @Column(name = "revenue_codes")
    private String revenueCodes;
    @Column(name = "admitting_diagnosis")
    private String admittingDiagnosis;
    /** Up to three ICD-10-CM codes, comma-separated. */
    @Column(name = "reason_for_visit")
    private String reasonForVisit;
    @Column(name = "discharged_at")
    private LocalDateTime dischargedAt;
    @Column(name = "patient_phone")
    private String patientPhone;
    private String stage;
    @Column(name = "process_instance_id")
    private String processInstanceId;
    @Column(name = "created_at")
    private Instant createdAt;

    protected EncounterEntity() {
    }

    public EncounterEntity(EncounterRequest r) {
        this.externalId = r.externalId().trim();
        this.patientFirstName = r.patient().firstName().trim();
        this.patientLastName = r.patient().lastName().trim();
        this.patientBirthDate = r.patient().birthDate();
        this.patientSex = r.patient().sex().toUpperCase();
        EncounterRequest.Insurance primary = r.insurances().stream().filter(c -> c.order() == 1).findFirst().orElseThrow();
        this.memberId = primary.memberId();
        this.payerId = primary.payerId();
        this.patientPhone = r.patient().phone();
        this.billingNpi = r.billingProviderNpi();
        this.renderingNpi = r.renderingProviderNpi();
        this.referringNpi = r.referringProviderNpi();
        this.priorAuthorization = r.priorAuthorization() == null || r.priorAuthorization().isBlank() ? null : r.priorAuthorization().trim();
        this.dateOfService = r.dateOfService();
        this.placeOfService = r.placeOfService();
        this.claimType = r.claimType() == null ? "PROFESSIONAL" : r.claimType();
        this.documentation = r.documentation();
        this.referringName = r.referringProviderName() == null || r.referringProviderName().isBlank() ? null : r.referringProviderName().trim();
        EncounterRequest.Institutional i = r.institutional();
        if (i != null) {
            this.facilityTypeCode = i.facilityTypeCode();
            this.admittedAt = i.admittedAt() == null ? null : i.admittedAt().withSecond(0).withNano(0);
            this.admissionType = i.admissionType();
            this.admissionSource = i.admissionSource();
            this.patientStatus = i.patientStatus();
            this.revenueCode = i.revenueCode();
            this.revenueCodes = i.revenueCodes() == null || i.revenueCodes().isEmpty() ? null : new TreeMap<>(i.revenueCodes()).entrySet().stream()
                    .map(en -> en.getKey() + "=" + en.getValue()).collect(Collectors.joining(","));
            this.admittingDiagnosis = icd(i.admittingDiagnosis());
            this.reasonForVisit = i.reasonForVisit() == null || i.reasonForVisit().isEmpty() ? null
                    : i.reasonForVisit().stream().map(EncounterEntity::icd).collect(Collectors.joining(","));
            this.dischargedAt = i.dischargedAt() == null ? null : i.dischargedAt().withSecond(0).withNano(0);
        }
        this.stage = "INTAKE";
        this.createdAt = Instant.now();
    }

    /** An ICD-10-CM code as the claim keeps it: upper case, with its dot. */
    private static String icd(String code) {
        if (code == null || code.isBlank()) return null;
        String c = code.strip().replace(".", "").toUpperCase(Locale.ROOT);
        return c.length() > 3 ? c.substring(0, 3) + "." + c.substring(3) : c;
    }

    /** What other modules see of the encounter, with its coverages and the patient's address kept beside it. */
    public Encounter toRecord(List<CoverageOnFile> coverages, EncounterRequest.Address patientAddress) {
        Map<String, String> byCode = new TreeMap<>();
        if (revenueCodes != null) {
            for (String pair : revenueCodes.split(",")) {
                int eq = pair.indexOf('=');
                byCode.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return new Encounter(id, externalId, patientFirstName, patientLastName, patientBirthDate, patientSex, memberId, payerId, billingNpi,
                renderingNpi, referringNpi, priorAuthorization, dateOfService, placeOfService, claimType, documentation, referringName,
                facilityTypeCode, admittedAt, admissionType, admissionSource, patientStatus, revenueCode, byCode, processInstanceId, createdAt,
                patientPhone, patientAddress, admittingDiagnosis, reasonForVisit == null ? List.of() : List.of(reasonForVisit.split(",")), dischargedAt,
                coverages);
    }

    public void startedAs(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public void memberIdCorrected(String memberId) {
        this.memberId = memberId;
    }

    public void priorAuthorizationEntered(String number) {
        this.priorAuthorization = number;
    }

    public Long getId() { return id; }
    public String getExternalId() { return externalId; }
    public String getMemberId() { return memberId; }
    public String getPayerId() { return payerId; }
    public LocalDate getDateOfService() { return dateOfService; }
    public String getProcessInstanceId() { return processInstanceId; }
}
