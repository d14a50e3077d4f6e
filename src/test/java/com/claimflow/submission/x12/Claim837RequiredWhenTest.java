package com.claimflow.submission.x12;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.x12.X12Issue;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The validator's "required when" rules of 005010X222A1/X223A2, each refused naming the segment and loop: the 837I's
 * admitting diagnosis, reason for visit and discharge hour, SBR02 against the 2000C patient level, and 2010CA's parts.
 */
class Claim837RequiredWhenTest {

    private static String inpatient() {
        return Claim837Writer.write(ClaimDocumentFixtures.envelope(301), ClaimDocumentFixtures.inpatient("CF301V1"));
    }

    /** The file without the segment, its SE count one less, so only the rule under test speaks. */
    private static String without(String file, String segment) {
        java.util.regex.Matcher se = java.util.regex.Pattern.compile("~\\nSE\\*(\\d+)\\*").matcher(file);
        if (!se.find()) throw new AssertionError("no SE");
        return file.replace(segment + "~\n", "").replace(se.group(), "~\nSE*" + (Integer.parseInt(se.group(1)) - 1) + "*");
    }

    private static List<String> issues(String file) {
        return Claim837Validator.validate(file).stream().map(i -> i.element() + " " + i.loop() + ": " + i.message()).toList();
    }

    @Test
    void anInpatientBillWithoutTheAdmittingDiagnosisIsRefusedNamingHiAbj() {
        String file = inpatient().replace("HI*ABJ:R079~\n", "");
        assertThat(issues(file)).anySatisfy(i -> assertThat(i)
                .startsWith("HI*ABJ 2300: an inpatient bill (facility type 11) needs the admitting diagnosis"));
    }

    @Test
    void aFinalInpatientBillWithoutTheDischargeHourIsRefusedNamingDtp096() {
        String file = inpatient().replace("DTP*096*TM*1040~\n", "");
        assertThat(issues(file)).anySatisfy(i -> assertThat(i).startsWith("DTP*096 2300: a final inpatient bill (facility type 11, frequency 1, "
                + "patient status 01) needs the discharge hour"));
    }

    @Test
    void aPatientStillInTheHospitalHasNoDischargeHour() {
        String file = inpatient().replace("CL1*1*1*01~", "CL1*1*1*30~");
        assertThat(issues(file)).anySatisfy(i -> assertThat(i).startsWith("DTP*096 2300: the discharge hour (DTP*096) is sent on final inpatient bills only"));
        assertThat(issues(file.replace("DTP*096*TM*1040~\n", ""))).noneMatch(i -> i.startsWith("DTP*096"));
    }

    @Test
    void theDischargeHourIsAnHourAndMinute() {
        assertThat(issues(inpatient().replace("DTP*096*TM*1040~", "DTP*096*TM*2460~"))).anySatisfy(i -> assertThat(i).startsWith("DTP03")
                .contains("the discharge hour must be HHMM"));
    }

    /** X12 RFI 1256/2820 with the NUBC manual: required on 013x, 078x, 085x when unscheduled; allowed on their other bills; never elsewhere. */
    @Test
    void anEmergencyOutpatientVisitWithoutItsReasonForVisitIsRefusedNamingHiApr() {
        String file = Claim837Writer.write(ClaimDocumentFixtures.envelope(302), ClaimDocumentFixtures.emergencyOutpatient("CF302V1"));
        assertThat(issues(file)).isEmpty();
        String without = without(file, "HI*APR:R079*APR:R0602");
        assertThat(issues(without)).anySatisfy(i -> assertThat(i)
                .startsWith("HI*APR 2300: an unscheduled outpatient visit (facility type 13, admission type 1 or an emergency"));
        // an elective visit (admission type 3) needs none, unless a line is an emergency room service (revenue code 045x)
        String elective = without.replace("CL1*1*1*01~", "CL1*3*1*01~");
        assertThat(issues(elective)).isEmpty();
        assertThat(issues(elective.replace("SV2*0510*", "SV2*0450*"))).anySatisfy(i -> assertThat(i).startsWith("HI*APR 2300: an unscheduled"));
        // may be sent on the bill types that take it, at the sender's discretion
        assertThat(issues(file.replace("CL1*1*1*01~", "CL1*3*1*01~"))).isEmpty();
    }

    @Test
    void anInpatientBillCarriesNoReasonForVisit() {
        String file = inpatient().replace("HI*ABJ:R079~", "HI*ABJ:R079~\nHI*APR:R079~");
        assertThat(issues(file)).anySatisfy(i -> assertThat(i)
                .startsWith("HI*APR 2300: the patient's reason for visit (HI*APR) is sent on facility types 13, 78 and 85 only, not 11"));
    }

    @Test
    void anOutpatientBillCarriesNoAdmittingDiagnosis() {
        String file = Claim837Writer.write(ClaimDocumentFixtures.envelope(303), ClaimDocumentFixtures.institutional("CF303V1"))
                .replace("HI*ABK:I10~", "HI*ABK:I10~\nHI*ABJ:R079~");
        assertThat(issues(file)).anySatisfy(i -> assertThat(i).startsWith("HI*ABJ 2300: the admitting diagnosis (HI*ABJ) is sent on inpatient bills only"));
    }

    @Test
    void sbr02Is18ExactlyWhenThereIsNoPatientLevel() {
        String spouse = Claim837Writer.write(ClaimDocumentFixtures.envelope(304), ClaimDocumentFixtures.spouseSubscriber("CF304V1"));
        assertThat(issues(spouse)).isEmpty();
        assertThat(issues(spouse.replace("SBR*P**88001", "SBR*P*18*88001"))).anySatisfy(i -> assertThat(i)
                .startsWith("SBR02 2000B: must be empty when the patient is not the subscriber"));
        String self = Claim837Writer.write(ClaimDocumentFixtures.envelope(305), ClaimDocumentFixtures.professional("CF305V1"));
        assertThat(issues(self.replace("SBR*P*18*", "SBR*P**"))).anySatisfy(i -> assertThat(i)
                .startsWith("SBR02 2000B: '': with no patient level (HL04 0) the patient is the subscriber and SBR02 must be 18"));
    }

    @Test
    void aPatientWhoIsNotTheSubscriberNeedsNameAddressBirthDateAndSex() {
        String spouse = Claim837Writer.write(ClaimDocumentFixtures.envelope(306), ClaimDocumentFixtures.spouseSubscriber("CF306V1"));
        String withoutAddress = spouse.replace("NM1*QC*1*EXAMPLE*ROBIN~\nN3*12 ELM ST*APT 4~\nN4*SPRINGFIELD*IL*62704~", "NM1*QC*1*EXAMPLE*ROBIN~");
        assertThat(withoutAddress).isNotEqualTo(spouse);
        assertThat(Claim837Validator.validate(withoutAddress)).extracting(X12Issue::element, X12Issue::loop)
                .contains(org.assertj.core.groups.Tuple.tuple("N3", "2010CA"), org.assertj.core.groups.Tuple.tuple("N4", "2010CA"));
        assertThat(issues(spouse.replace("PAT*01~", "PAT*18~"))).anySatisfy(i -> assertThat(i).startsWith("PAT01"));
    }

    @Test
    void theCoverageOrderIsThePayerResponsibility() {
        assertThat(new ClaimDocument.Insured(1, null, null, null, null, null).payerResponsibility()).isEqualTo("P");
        assertThat(new ClaimDocument.Insured(2, "18", null, null, null, null).payerResponsibility()).isEqualTo("S");
        assertThat(new ClaimDocument.Insured(3, "18", null, null, null, null).payerResponsibility()).isEqualTo("T");
        String secondary = Claim837Writer.write(ClaimDocumentFixtures.envelope(307), ClaimDocumentFixtures.professional("CF307V1")
                .with(new ClaimDocument.Insured(2, "18", "G-1", null, null, null), ClaimDocumentFixtures.professional("x").subscriber(),
                        new ClaimDocument.PayerRef("Aetna", "AETNA")));
        assertThat(secondary).contains("SBR*S*18*G-1******CI~");
    }
}
