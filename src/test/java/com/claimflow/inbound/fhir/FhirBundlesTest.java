package com.claimflow.inbound.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import ca.uhn.fhir.context.FhirContext;
import com.claimflow.base.BadInputException;
import com.claimflow.base.BadInputException.Kind;
import com.claimflow.intake.EncounterRequest;
import com.claimflow.reference.Payer;
import com.claimflow.reference.ReferenceService;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.junit.jupiter.api.Test;

/**
 * Reading bundles without a server: FHIR R4 JSON parsed strictly with the place of each fault named, the visit mapped
 * element by element (US Core / CARIN-BB names), and intake's field names turned back into FHIR elements.
 */
class FhirBundlesTest {
    private static final FhirContext FHIR = FhirContext.forR4();
    private final ReferenceService reference = mock(ReferenceService.class);
    private final FhirBundles bundles = new FhirBundles(FHIR, reference);

    FhirBundlesTest() {
        when(reference.payer(anyString())).thenReturn(Optional.empty());
        when(reference.payer("BCBS")).thenReturn(Optional.of(new Payer("BCBS", "Blue Cross Blue Shield", "PROFESSIONAL", 180, null)));
        when(reference.payer("AETNA")).thenReturn(Optional.of(new Payer("AETNA", "Aetna", "PROFESSIONAL", 120, null)));
        when(reference.payer("UHC")).thenReturn(Optional.of(new Payer("UHC", "UnitedHealthcare", "PROFESSIONAL", 90, null)));
    }

    private FhirEncounterMapping.Mapped map(String fixture, String visit) throws Exception {
        Bundle b = bundles.parse(FhirBundleIT.fixture(fixture, visit));
        return new FhirEncounterMapping(new BundleIndex(b), reference).map();
    }

    @Test
    void brokenJsonIsRefusedNamingLineAndColumn() {
        assertThatThrownBy(() -> bundles.parse("{\n  \"resourceType\": \"Bundle\",\n  \"type\": }"))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("Bundle (JSON line 3, column").hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> bundles.parse("")).isInstanceOfSatisfying(FhirInputException.class, e -> assertThat(e.type()).isEqualTo(IssueType.REQUIRED));
        assertThatThrownBy(() -> bundles.parse("[1, 2]")).isInstanceOf(BadInputException.class).hasMessageContaining("'['");
    }

    @Test
    void onlyATransactionOrCollectionBundleIsTaken() {
        assertThatThrownBy(() -> bundles.parse("{\"resourceType\": \"Encounter\", \"status\": \"finished\"}"))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.field()).isEqualTo("resourceType"))
                .hasMessageContaining("is Encounter");
        assertThatThrownBy(() -> bundles.parse("{\"resourceType\": \"Bundle\", \"type\": \"document\"}"))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.field()).isEqualTo("Bundle.type"));
        assertThatThrownBy(() -> bundles.parse("{\"resourceType\": \"Bundle\"}"))
                .isInstanceOfSatisfying(FhirInputException.class, e -> assertThat(e.type()).isEqualTo(IssueType.REQUIRED));
    }

    @Test
    void misspeltElementsAndInvalidValuesAreRefusedNotDropped() {
        String patient = "{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": [{\"resource\": {\"resourceType\": \"Patient\", %s}}]}";
        assertThatThrownBy(() -> bundles.parse(patient.formatted("\"gendr\": \"female\"")))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.field()).endsWith("gendr"));
        assertThatThrownBy(() -> bundles.parse(patient.formatted("\"birthDate\": \"1980-02-30\"")))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.field()).isEqualTo("birthDate")).hasMessageContaining("1980-02-30");
        assertThatThrownBy(() -> bundles.parse(patient.formatted("\"gender\": \"f\"")))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.field()).isEqualTo("gender"));
    }

    @Test
    void theMessageKeyIsTheBundlesIdentifier() throws Exception {
        Bundle b = bundles.parse(FhirBundleIT.fixture("visit-transaction.json", "V-1"));
        assertThat(bundles.messageKey(b)).isEqualTo("urn:oid:2.16.840.1.113883.19.5.99999.1|B-V-1");
        assertThat(bundles.messageKey(bundles.parse(FhirBundleIT.fixture("visit-collection.json", "V-1")))).isNull();
    }

    @Test
    void aSpouseSubscribedCoverageAndASecondaryMapToTheX12Codes() throws Exception {
        String visit = "C-" + UUID.randomUUID();
        EncounterRequest r = map("visit-collection.json", visit).incoming().request();
        assertThat(r.externalId()).isEqualTo(visit);
        assertThat(r.coverages()).extracting(EncounterRequest.Insurance::order, EncounterRequest.Insurance::payerId, EncounterRequest.Insurance::memberId,
                EncounterRequest.Insurance::relationship).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, "AETNA", "W123456789", "01"), org.assertj.core.groups.Tuple.tuple(2, "UHC", "987654321", "18"));
        assertThat(r.coverages().get(0).subscriber().firstName()).isEqualTo("Sam");
        assertThat(r.coverages().get(0).subscriber().sex()).isEqualTo("F");
        assertThat(r.coverages().get(1).subscriber()).isNull();
        assertThat(r.patient().sex()).isEqualTo("M");
        assertThat(r.placeOfService()).isEqualTo("22");
        assertThat(r.renderingProviderNpi()).isEqualTo("1987654328");
        assertThat(r.referringProviderNpi()).isEqualTo("1765432194");
        assertThat(r.referringProviderName()).isEqualTo("Baker, Sam");
        assertThat(r.documentation()).isEqualTo("Synthetic follow-up visit.");
    }

    @Test
    void diagnosesComeFromTheVisitNotTheProblemListAndChargesKeepTheirModifiers() throws Exception {
        FhirEncounterMapping.Mapped m = map("visit-collection.json", "D-1");
        // c1 names the Encounter (its SNOMED coding beside ICD-10-CM is fine); c2 is a problem-list item of no ICD-10-CM code
        assertThat(m.incoming().diagnoses()).extracting(d -> d.code()).containsExactly("I10");
        assertThat(m.incoming().diagnoses().get(0).where()).isEqualTo("Bundle.entry[11].resource(Condition/c1).code");
        assertThat(m.incoming().charges()).extracting(c -> c.line().format()).containsExactly("99214 25 1 1");
        assertThat(m.incoming().charges().get(0).where()).isEqualTo("Bundle.entry[13].resource(ChargeItem/ci1).code");
    }

    @Test
    void intakesFieldNamesTurnBackIntoTheFhirElementsTheyCameFrom() throws Exception {
        FhirEncounterMapping.Mapped m = map("visit-collection.json", "T-1");
        assertThat(m.fhirField("coverages[0].payerId")).isEqualTo("Bundle.entry[4].resource(Coverage/primary).payor");
        assertThat(m.fhirField("coverages[0].subscriber.birthDate")).isEqualTo("Bundle.entry[1].resource(RelatedPerson/rp1).birthDate");
        assertThat(m.fhirField("coverages[1].memberId")).isEqualTo("Bundle.entry[5].resource(Coverage/secondary).identifier[0].value");
        assertThat(m.fhirField("billingProviderNpi")).isEqualTo("Bundle.entry[6].resource(Organization/clinic).identifier[0].value");
        assertThat(m.fhirField("patient.address.postalCode")).isEqualTo("Bundle.entry[0].resource(Patient/p2).address[0].postalCode");
        assertThat(m.fhirField("dateOfService")).isEqualTo("Bundle.entry[10].resource(Encounter/e2).period.start");
        assertThat(m.fhirField("placeOfService")).isEqualTo("Bundle.entry[9].resource(Location/opd).type[0]");
        assertThat(m.fhirField("somethingElse")).isEqualTo("somethingElse");
        // what intake names when it refuses the bundle's visit
        assertThat(m.incoming().locate().apply("coverages[0].payerId")).isEqualTo("Bundle.entry[4].resource(Coverage/primary).payor");
    }

    @Test
    void theVisitsOwnFaultsNameResourceAndElement() throws Exception {
        String good = FhirBundleIT.fixture("visit-collection.json", "E-1");
        assertThatThrownBy(() -> new FhirEncounterMapping(new BundleIndex(bundles.parse(good.replace("\"code\": \"spouse\"", "\"code\": \"cousin\""))),
                reference).map()).isInstanceOfSatisfying(BadInputException.class,
                e -> assertThat(e.field()).isEqualTo("Bundle.entry[4].resource(Coverage/primary).relationship")).hasMessageContaining("'cousin'");
        assertThatThrownBy(() -> new FhirEncounterMapping(new BundleIndex(bundles.parse(good.replace("\"payor\": [{\"reference\": \"Organization/aetna\"}],\n        \"order\": 1",
                "\"payor\": [{\"reference\": \"Organization/aetna\"}]"))), reference).map())
                .isInstanceOfSatisfying(FhirInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("Bundle.entry[4].resource(Coverage/primary).order");
                    assertThat(e.type()).isEqualTo(IssueType.REQUIRED);
                });
        assertThatThrownBy(() -> new FhirEncounterMapping(new BundleIndex(bundles.parse(good.replace("\"value\": 1}", "\"value\": 1.5}"))), reference).map())
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.field()).isEqualTo("Bundle.entry[13].resource(ChargeItem/ci1).quantity.value"));
        assertThatThrownBy(() -> new FhirEncounterMapping(new BundleIndex(bundles.parse(good.replace("\"reference\": \"Practitioner/baker\"",
                "\"reference\": \"Practitioner/nobody\""))), reference).map())
                .isInstanceOfSatisfying(FhirInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("Bundle.entry[10].resource(Encounter/e2).participant[1].individual");
                    assertThat(e.type()).isEqualTo(IssueType.NOTFOUND);
                });
        assertThatThrownBy(() -> new FhirEncounterMapping(new BundleIndex(bundles.parse(good.replace("\"text/html\"", "\"application/pdf\""))), reference).map())
                .isInstanceOfSatisfying(BadInputException.class,
                        e -> assertThat(e.field()).isEqualTo("Bundle.entry[14].resource(DocumentReference/n1).content[0].attachment.contentType"));
    }

    @Test
    void refusalsOfIntakeAreClassedAsOperationOutcomeIssueTypesByTheirKind() {
        assertThat(FhirBundles.issueType(Kind.REQUIRED)).isEqualTo(IssueType.REQUIRED);
        assertThat(FhirBundles.issueType(Kind.UNKNOWN)).as("unknown payer, provider not on file, code in no code set").isEqualTo(IssueType.NOTFOUND);
        assertThat(FhirBundles.issueType(Kind.UNUSABLE)).as("inactive payer, code not valid on the date").isEqualTo(IssueType.INVALID);
        assertThat(FhirBundles.issueType(Kind.INVALID)).isEqualTo(IssueType.INVALID);
        assertThat(FhirBundles.issueType(null)).as("a refusal read back from the store").isEqualTo(IssueType.INVALID);
        assertThat(FhirInputException.notFound("x", "y").kind()).isEqualTo(Kind.UNKNOWN);
        assertThat(FhirCodes.dotted("E785")).isEqualTo("E78.5");
        assertThat(FhirCodes.dotted("I10")).isEqualTo("I10");
    }
}
