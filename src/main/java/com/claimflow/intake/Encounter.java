package com.claimflow.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;

/** One patient visit: the unit of work that becomes one process instance and, in the end, money. */
@Entity
@Table(name = "encounter")
public class Encounter {
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
    private String stage;
    @Column(name = "process_instance_id")
    private String processInstanceId;
    @Column(name = "created_at")
    private Instant createdAt;

    protected Encounter() {
    }

    Encounter(EncounterRequest r) {
        this.externalId = r.externalId().trim();
        this.patientFirstName = r.patient().firstName().trim();
        this.patientLastName = r.patient().lastName().trim();
        this.patientBirthDate = r.patient().birthDate();
        this.patientSex = r.patient().sex().toUpperCase();
        this.memberId = r.coverage().memberId();
        this.payerId = r.coverage().payerId();
        this.billingNpi = r.billingProviderNpi();
        this.renderingNpi = r.renderingProviderNpi();
        this.referringNpi = r.referringProviderNpi();
        this.priorAuthorization = r.priorAuthorization() == null || r.priorAuthorization().isBlank() ? null : r.priorAuthorization().trim();
        this.dateOfService = r.dateOfService();
        this.placeOfService = r.placeOfService();
        this.claimType = r.claimType() == null ? "PROFESSIONAL" : r.claimType();
        this.documentation = r.documentation();
        this.stage = "INTAKE";
        this.createdAt = Instant.now();
    }

    public int patientAgeOn(LocalDate date) {
        return Period.between(patientBirthDate, date).getYears();
    }

    public String patientName() {
        return patientLastName + ", " + patientFirstName;
    }

    void startedAs(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void memberIdCorrected(String memberId) {
        this.memberId = memberId;
    }

    void priorAuthorizationEntered(String number) {
        this.priorAuthorization = number;
    }

    public Long getId() { return id; }
    public String getExternalId() { return externalId; }
    public String getPatientFirstName() { return patientFirstName; }
    public String getPatientLastName() { return patientLastName; }
    public LocalDate getPatientBirthDate() { return patientBirthDate; }
    public String getPatientSex() { return patientSex; }
    public String getMemberId() { return memberId; }
    public String getPayerId() { return payerId; }
    public String getBillingNpi() { return billingNpi; }
    public String getRenderingNpi() { return renderingNpi; }
    public String getReferringNpi() { return referringNpi; }
    public String getPriorAuthorization() { return priorAuthorization; }
    public LocalDate getDateOfService() { return dateOfService; }
    public String getPlaceOfService() { return placeOfService; }
    public String getClaimType() { return claimType; }
    public String getDocumentation() { return documentation; }
    public String getStage() { return stage; }
    public String getProcessInstanceId() { return processInstanceId; }
    public Instant getCreatedAt() { return createdAt; }
}
