package com.claimflow.inbound.hl7;

import static com.claimflow.inbound.hl7.Hl7Fixtures.DATE_OF_SERVICE;
import static com.claimflow.inbound.hl7.Hl7Fixtures.load;
import static com.claimflow.inbound.hl7.Hl7Fixtures.withField;
import static com.claimflow.inbound.hl7.Hl7Fixtures.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.hl7v2.parser.PipeParser;
import com.claimflow.base.BadInputException.Kind;
import com.claimflow.coding.CapturedCharges.Charge;
import com.claimflow.coding.CapturedCharges.Diagnosis;
import com.claimflow.coding.ProcedureLine;
import com.claimflow.intake.EncounterRequest;
import com.claimflow.intake.Subscriber;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PID, PV1, IN1/IN2 to the intake request and FT1, DG1, PR1 to the coder's charges (HL7 v2.5.1 chapters 3 and 6). */
class Hl7MappingTest {
    private static final String CLINIC_NPI = "1234567893";
    private static final PipeParser PARSER = Hl7Inbox.newParser();

    private static Hl7Message parse(String text) throws Exception {
        return new Hl7Message(PARSER.parse(text));
    }

    private static Hl7EncounterMapping.Mapped map(String text) throws Exception {
        return Hl7EncounterMapping.map(parse(text), CLINIC_NPI, null, null);
    }

    private static String a04() {
        return load("adt-a04.hl7", "V100", "M1");
    }

    @Test
    void registrationMapsPatientVisitProvidersAndCoverage() throws Exception {
        EncounterRequest r = map(a04()).request();

        assertThat(r.externalId()).isEqualTo("V100");
        assertThat(r.patient()).isEqualTo(new EncounterRequest.Patient("Robin", "Example", LocalDate.of(1980, 2, 29), "F",
                new EncounterRequest.Address("12 Elm Street", "Apt 4", "Columbus", "OH", "43215"), "6145550123"));
        assertThat(r.billingProviderNpi()).isEqualTo(CLINIC_NPI);
        assertThat(r.renderingProviderNpi()).as("PV1-7 attending, NPI by XCN-9").isEqualTo("1987654328");
        assertThat(r.referringProviderNpi()).as("PV1-8 referring").isEqualTo("1765432194");
        assertThat(r.referringProviderName()).isEqualTo("Baker, Blair");
        assertThat(r.dateOfService()).as("PV1-44").isEqualTo(DATE_OF_SERVICE);
        assertThat(r.placeOfService()).as("PV1-2 O: office").isEqualTo("11");
        assertThat(r.claimType()).isEqualTo("PROFESSIONAL");
        assertThat(r.coverages()).containsExactly(new EncounterRequest.Insurance(1, "BCBS", "XYZ123456789", "88001", "18", null));
    }

    @Test
    void aSpouseSubscriberAndASecondaryCoverageMapToX12RelationshipsInPayerOrder() throws Exception {
        EncounterRequest r = map(load("adt-a04-two-coverages.hl7", "V101", "M2")).request();

        assertThat(r.coverages()).containsExactly(
                new EncounterRequest.Insurance(1, "BCBS", "XYZ123456789", "88001", "01", new Subscriber("Example", "Sam", LocalDate.of(1978, 7, 4), "M",
                        new EncounterRequest.Address("12 Elm Street", null, "Columbus", "OH", "43215"), "XYZ123456700")),
                new EncounterRequest.Insurance(2, "AETNA", "W123456789", "A-77", "18", null));
        assertThat(r.priorAuthorization()).as("IN1-14").isEqualTo("PA-778899");
    }

    @Test
    void in1SeventeenIsTheInsuredsRelationshipToThePatientTurnedRound() throws Exception {
        String parentInsured = withField(without(load("adt-a04-two-coverages.hl7", "V102", "M3"), "IN2"), "IN1", 1, 17, "PAR");
        assertThat(map(parentInsured).request().coverages().get(0).relationship()).as("the insured is a parent: the patient is their child")
                .isEqualTo("19");
        String employer = withField(parentInsured, "IN1", 1, 17, "EMR");
        assertThat(map(employer).request().coverages().get(0).relationship()).isEqualTo("20");
        String friend = withField(parentInsured, "IN1", 1, 17, "FND");
        assertThat(map(friend).request().coverages().get(0).relationship()).isEqualTo("G8");
    }

    @Test
    void intakeRefusalsOfRequestFieldsPointAtTheHl7Field() throws Exception {
        Hl7EncounterMapping.Mapped m = map(load("adt-a04-two-coverages.hl7", "V103", "M4"));

        assertThat(m.locate("coverages[0].payerId")).isEqualTo("IN1[1]-3");
        assertThat(m.locate("coverages[1].memberId")).isEqualTo("IN1[2]-36");
        assertThat(m.locate("coverages[0].subscriber.birthDate")).isEqualTo("IN1[1]-18");
        assertThat(m.locate("coverages[0].relationship")).as("IN2-72 given").isEqualTo("IN2[1]-72");
        assertThat(m.locate("patient.address.postalCode")).isEqualTo("PID-11");
        assertThat(m.locate("patient.lastName")).isEqualTo("PID-5");
        assertThat(m.locate("renderingProviderNpi")).isEqualTo("PV1-7");
        assertThat(m.locate("billingProviderNpi")).isEqualTo("MSH-4");
        assertThat(m.locate("dateOfService")).isEqualTo("PV1-44");
        assertThat(m.locate("coverage")).isEqualTo("IN1");
    }

    @Test
    void badValuesAreRefusedNamingSegmentFieldAndTableCode() throws Exception {
        assertProblem(() -> map(withField(a04(), "PID", 1, 7, "1980XX")), "PID-7", Hl7Problem.DATA_TYPE);
        assertProblem(() -> map(withField(a04(), "PID", 1, 8, "Q")), "PID-8", Hl7Problem.TABLE_VALUE_NOT_FOUND);
        assertProblem(() -> map(withField(a04(), "PV1", 1, 2, "X")), "PV1-2", Hl7Problem.TABLE_VALUE_NOT_FOUND);
        assertProblem(() -> map(withField(a04(), "PV1", 1, 19, "")), "PV1-19", Hl7Problem.REQUIRED_FIELD_MISSING);
        assertProblem(() -> map(withField(a04(), "PV1", 1, 44, "")), "PV1-44", Hl7Problem.REQUIRED_FIELD_MISSING);
        assertProblem(() -> map(withField(a04(), "IN1", 1, 17, "ZZZ")), "IN1[1]-17", Hl7Problem.TABLE_VALUE_NOT_FOUND);
        assertProblem(() -> map(withField(a04(), "IN1", 1, 22, "7")), "IN1[1]-22", Hl7Problem.DATA_TYPE);
        assertProblem(() -> map(withField(withField(a04(), "IN1", 1, 3, ""), "IN1", 1, 2, "")), "IN1[1]-3", Hl7Problem.REQUIRED_FIELD_MISSING);
        assertProblem(() -> map(without(a04(), "PID")), "PID", Hl7Problem.SEGMENT_SEQUENCE);
    }

    @Test
    void aDftsChargesKeepDiagnosisPriorityModifiersUnitsAndPointers() throws Exception {
        ChargeMapping.Charges c = ChargeMapping.map(parse(load("dft-p03.hl7", "V104", "M5")));

        assertThat(c.diagnoses()).as("DG1-15 priority 1 first").containsExactly(new Diagnosis("I10", "DG1[2]-3"), new Diagnosis("E78.5", "DG1[1]-3"));
        assertThat(c.charges()).containsExactly(
                new Charge(new ProcedureLine("99213", List.of("25"), 1, List.of(1, 2)), "FT1[1]-25"),
                new Charge(new ProcedureLine("36415", List.of(), 1, List.of(2)), "PR1[1]-3"));
        assertThat(c.firstDate()).isEqualTo(DATE_OF_SERVICE);
        assertThat(c.firstDateAt()).isEqualTo("FT1[1]-4");
    }

    @Test
    void aDftForANewVisitTakesItsDateOfServiceFromFt1WhenPv1HasNone() throws Exception {
        Hl7Message m = parse(load("dft-p03-new-visit.hl7", "V105", "M6"));
        ChargeMapping.Charges c = ChargeMapping.map(m);
        Hl7EncounterMapping.Mapped mapped = Hl7EncounterMapping.map(m, CLINIC_NPI, c.firstDate(), c.firstDateAt());
        assertThat(mapped.request().dateOfService()).isEqualTo(DATE_OF_SERVICE);
        assertThat(mapped.locate("dateOfService")).isEqualTo("FT1[1]-4");
    }

    @Test
    void creditsBadQuantitiesAndChargesWithoutACptCodeAreRefusedNamingTheFt1Field() throws Exception {
        String dft = load("dft-p03.hl7", "V106", "M7");
        assertProblem(() -> ChargeMapping.map(parse(withField(dft, "FT1", 1, 6, "CD"))), "FT1[1]-6", Hl7Problem.TABLE_VALUE_NOT_FOUND);
        assertProblem(() -> ChargeMapping.map(parse(withField(dft, "FT1", 2, 10, "0.5"))), "FT1[2]-10", Hl7Problem.DATA_TYPE);
        assertProblem(() -> ChargeMapping.map(parse(withField(dft, "FT1", 1, 26, "X"))), "FT1[1]-26", Hl7Problem.DATA_TYPE);
        String noCode = withField(withField(without(dft, "PR1"), "FT1", 2, 7, "CDM-77"), "FT1", 2, 25, "");
        assertProblem(() -> ChargeMapping.map(parse(noCode)), "FT1[2]-25", Hl7Problem.REQUIRED_FIELD_MISSING);
        assertProblem(() -> ChargeMapping.map(parse(without(dft, "FT1"))), "FT1", Hl7Problem.SEGMENT_SEQUENCE);
    }

    @Test
    void anUnreadableMshIsRejectedBeforeParsing() {
        assertProblem(() -> Header.read(load("missing-msh.hl7", "V107", "M8")), "MSH", Hl7Problem.SEGMENT_SEQUENCE);
        assertProblem(() -> Header.read(load("wrong-field-separator.hl7", "V107", "M9")), "MSH-1", Hl7Problem.DATA_TYPE);
        assertProblem(() -> Header.read("MSH^~\\&|EHR|CLINIC"), "MSH-2", Hl7Problem.DATA_TYPE);
        Header h = Header.read(a04());
        assertThat(h.sender()).isEqualTo("hl7:EHR^CLINIC");
        assertThat(h.messageKey()).isEqualTo("EHR^CLINIC^M1");
        assertThat(h.triggerEvent()).isEqualTo("A04");
        assertThat(h.version()).isEqualTo("2.5.1");
    }

    @Test
    void anErrorAckNamesTheLocationTheTableCodeAndTheReason() {
        Header h = Header.read(a04());
        String ack = Hl7Ack.refuse(h, Hl7Problem.error("IN1[2]-3", Hl7Problem.UNKNOWN_KEY, "IN1[2]-3: unknown payer 'NOPE'"));
        String[] segments = ack.split("\r");
        assertThat(segments[0]).startsWith("MSH|^~\\&|CLAIMFLOW|BILLING|EHR|CLINIC|").contains("|ACK^A04^ACK|").endsWith("|P|2.5.1");
        assertThat(segments[1]).startsWith("MSA|AE|M1|");
        assertThat(segments[2]).isEqualTo("ERR||IN1^2^3^1|204^Unknown key identifier^HL70357|E||||IN1[2]-3: unknown payer 'NOPE'");
        assertThat(Hl7Ack.erl("PV1-19")).isEqualTo("PV1^1^19^1");
        assertThat(Hl7Ack.erl("PID")).isEqualTo("PID^1");
        assertThat(Hl7Ack.accept(h, "ok | fine")).contains("MSA|AA|M1|ok \\F\\ fine");
    }

    @Test
    void intakesRefusalsGetTheTableCodeOfTheirKindAtTheirField() {
        assertThat(Hl7Inbox.code("IN1[1]-3", Kind.UNKNOWN)).as("unknown payer").isEqualTo(Hl7Problem.UNKNOWN_KEY);
        assertThat(Hl7Inbox.code("IN1[1]-3", Kind.UNUSABLE)).as("inactive payer").isEqualTo(Hl7Problem.UNKNOWN_KEY);
        assertThat(Hl7Inbox.code("PID-7", Kind.REQUIRED)).isEqualTo(Hl7Problem.REQUIRED_FIELD_MISSING);
        assertThat(Hl7Inbox.code("PV1-7", Kind.INVALID)).as("not a valid NPI").isEqualTo(Hl7Problem.DATA_TYPE);
        assertThat(Hl7Inbox.code("PV1-19", Kind.LOCKED)).as("already coded").isEqualTo(Hl7Problem.RECORD_LOCKED);
        assertThat(Hl7Inbox.code("FT1[1]-25", Kind.UNKNOWN)).as("code in no code set").isEqualTo(Hl7Problem.TABLE_VALUE_NOT_FOUND);
        assertThat(Hl7Inbox.code("DG1[1]-3", Kind.UNUSABLE)).as("code not valid on the date").isEqualTo(Hl7Problem.TABLE_VALUE_NOT_FOUND);
        assertThat(Hl7Inbox.code("FT1[1]-25", Kind.INVALID)).as("a pointer past the diagnoses").isEqualTo(Hl7Problem.DATA_TYPE);
        assertThat(Hl7Inbox.code("MSH", null)).as("a refusal read back from the store").isEqualTo(Hl7Problem.DATA_TYPE);
        Hl7Problem p = Hl7Inbox.problem("IN1[2]-3", "unknown payer 'NOPE'", Kind.UNKNOWN);
        assertThat(p.location()).isEqualTo("IN1[2]-3");
        assertThat(p.getMessage()).isEqualTo("IN1[2]-3: unknown payer 'NOPE'");
        assertThat(p.isReject()).as("AE, not AR").isFalse();
    }

    private static void assertProblem(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String location, int code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(Hl7Problem.class, p -> {
            assertThat(p.location()).as(p.getMessage()).isEqualTo(location);
            assertThat(p.code()).as(p.getMessage()).isEqualTo(code);
            assertThat(p.getMessage()).contains(location.replaceAll("\\[.*", "").substring(0, 3));
        });
    }
}
