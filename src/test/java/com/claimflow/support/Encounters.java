package com.claimflow.support;

import com.claimflow.demo.DemoReferenceData;
import com.claimflow.intake.EncounterRequest;
import java.time.LocalDate;
import java.util.UUID;

/** Builds intake requests for tests: a valid BCBS visit unless told otherwise. */
public final class Encounters {
    private String payerId = "BCBS";
    private String memberId = "XYZ123456789";
    private LocalDate dateOfService = LocalDate.now().minusDays(3);
    private String externalId = "T-" + UUID.randomUUID();
    private String billingNpi = DemoReferenceData.CLINIC_NPI;
    private String referringNpi;
    private String referringName;
    private String priorAuthorization;
    private String claimType = "PROFESSIONAL";
    private EncounterRequest.Institutional institutional;
    private EncounterRequest.Address address;
    private java.util.List<EncounterRequest.Insurance> coverages;

    public static Encounters visit() {
        return new Encounters();
    }

    public Encounters payer(String payerId, String memberId) {
        this.payerId = payerId;
        this.memberId = memberId;
        return this;
    }

    public Encounters memberId(String memberId) {
        this.memberId = memberId;
        return this;
    }

    public Encounters on(LocalDate dateOfService) {
        this.dateOfService = dateOfService;
        return this;
    }

    public Encounters externalId(String externalId) {
        this.externalId = externalId;
        return this;
    }

    public Encounters billingNpi(String npi) {
        this.billingNpi = npi;
        return this;
    }

    public Encounters referredBy(String npi) {
        this.referringNpi = npi;
        return this;
    }

    /** Referred by a provider who is not on file: the claim names them as given. */
    public Encounters referredBy(String npi, String name) {
        this.referringNpi = npi;
        this.referringName = name;
        return this;
    }

    /** A hospital outpatient visit (type of bill 13x), elective, from the physician's office, home afterwards, clinic revenue code. */
    public Encounters institutional() {
        return institutional(new EncounterRequest.Institutional("13", null, "3", "2", "01", "0510", java.util.Map.of("36415", "0300")));
    }

    public Encounters institutional(EncounterRequest.Institutional data) {
        this.claimType = "INSTITUTIONAL";
        this.institutional = data;
        return this;
    }

    public Encounters priorAuthorization(String number) {
        this.priorAuthorization = number;
        return this;
    }

    /** The patient's mailing address, for statements. */
    public Encounters livingAt(String line1, String city, String state, String postalCode) {
        this.address = new EncounterRequest.Address(line1, null, city, state, postalCode);
        return this;
    }

    /** The coverages in place of the single BCBS coverage whose subscriber is the patient. */
    public Encounters coverages(EncounterRequest.Insurance... coverages) {
        this.coverages = java.util.List.of(coverages);
        return this;
    }

    public EncounterRequest request() {
        return new EncounterRequest(externalId, new EncounterRequest.Patient("Test", "Patient", LocalDate.of(1970, 5, 17), "F", address),
                coverages == null ? new EncounterRequest.Coverage(payerId, memberId) : null, billingNpi, DemoReferenceData.DR_ADAMS_NPI, referringNpi,
                priorAuthorization, dateOfService, "11",
                claimType, "Synthetic test note.", referringName, institutional, coverages);
    }
}
