package com.claimflow.submission.x12;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.claim.Claim;
import com.claimflow.claim.ClaimStatus;
import com.claimflow.demo.DemoReferenceData;
import com.claimflow.intake.Encounter;
import com.claimflow.remittance.RemittanceService;
import com.claimflow.submission.OutboxMessage;
import com.claimflow.support.Encounters;
import com.claimflow.support.SubmissionTestBase;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The 837 is what the outbox carries; a claim whose 837 breaks the guide never leaves and becomes a biller task. */
class X12SubmissionTest extends SubmissionTestBase {
    @Autowired RemittanceService payer;
    @Autowired JdbcTemplate jdbc;
    @Autowired com.claimflow.reference.ReferenceService reference;
    @Autowired RuntimeService runtime;
    @Autowired X12ClaimFiles files;

    private Claim claimOf(Encounter e) {
        return claims.latestFor(e.id()).orElseThrow();
    }

    @Test
    void theOutboxCarriesAValid837PWithUniqueControlNumbers() {
        Encounter first = encounters.open(Encounters.visit().request());
        Encounter second = encounters.open(Encounters.visit().request());
        driver.runJobs();
        driver.code(first.id(), "I10, E785", "99213 25 1 1,2\n36415 1 1");
        driver.code(second.id(), "J069", "99213 1 1");

        OutboxMessage m1 = submissions.messagesFor(claimOf(first).id()).get(0);
        OutboxMessage m2 = submissions.messagesFor(claimOf(second).id()).get(0);
        assertThat(m1.getFormat()).isEqualTo("X12_837P");
        assertThat(Claim837Validator.validate(m1.getPayload())).isEmpty();
        assertThat(m1.getPayload()).contains("CLM*CF" + claimOf(first).id() + "V1*118.75***11:B:1*Y*A*Y*Y~")
                .contains("HI*ABK:I10*ABF:E785~").contains("SV1*HC:99213:25*115*UN*1***1:2~").contains("NM1*82*1*ADAMS*JORDAN****XX*"
                        + DemoReferenceData.DR_ADAMS_NPI + "~");
        String isa1 = m1.getPayload().substring(90, 99);
        String isa2 = m2.getPayload().substring(90, 99);
        assertThat(isa1).isNotEqualTo(isa2).matches("\\d{9}");
        String st02 = m1.getPayload().replaceAll("(?s).*ST\\*837\\*(\\d+)\\*.*", "$1");
        assertThat(files.claimOfTransaction(st02)).hasValueSatisfying(c -> assertThat(c.claimId()).isEqualTo(claimOf(first).id()));
    }

    @Test
    void anInstitutionalEncounterGoesOutAsA837IWithItsTypeOfBillAdmissionAndRevenueCodes() {
        Encounter e = encounters.open(Encounters.visit().institutional().request());
        driver.runJobs();
        driver.code(e.id(), "I10", "99213 1 1\n36415 1 1");
        OutboxMessage m = submissions.messagesFor(claimOf(e).id()).get(0);
        assertThat(m.getFormat()).isEqualTo("X12_837I");
        assertThat(m.getPayload()).contains("*005010X223A2~").contains("CLM*CF" + claimOf(e).id() + "V1*118.75***13:A:1**A*Y*Y~")
                .contains("CL1*3*2*01~").contains("SV2*0510*HC:99213*115*UN*1~").contains("SV2*0300*HC:36415*3.75*UN*1~").doesNotContain("DTP*435");
        assertThat(claimOf(e).lines()).extracting(com.claimflow.claim.ClaimLine::revenueCode).containsExactly("0510", "0300");
        assertThat(Claim837Validator.validate(m.getPayload())).isEmpty();
    }

    /** X222A1 2000B/2000C: the spouse's plan pays first, so the spouse is in 2010BA and the patient in 2010CA. */
    @Test
    void aPatientCoveredByTheSpousesPlanIsSentInThePatientLoopUnderTheSpouse() {
        var spouse = new com.claimflow.intake.Subscriber("Patient", "Sam", java.time.LocalDate.of(1968, 3, 9), "M",
                new com.claimflow.intake.EncounterRequest.Address("9 Oak Ave", null, "Columbus", "OH", "43215"), "XYZ555000111");
        Encounter e = encounters.open(Encounters.visit().livingAt("9 Oak Ave", "Columbus", "OH", "43215").coverages(
                new com.claimflow.intake.EncounterRequest.Insurance(1, "BCBS", "XYZ555000111", "GRP-42", "01", spouse),
                new com.claimflow.intake.EncounterRequest.Insurance(2, "AETNA", "W123456789", null, null, null)).request());
        driver.runJobs();
        driver.code(e.id(), "I10", "99213 1 1");
        String payload = submissions.messagesFor(claimOf(e).id()).get(0).getPayload();
        assertThat(payload).contains("*22*1~\nSBR*P**GRP-42******CI~\nNM1*IL*1*PATIENT*SAM****MI*XYZ555000111~\nN3*9 OAK AVE~\n"
                + "N4*COLUMBUS*OH*43215~\nDMG*D8*19680309*M~\nNM1*PR*2*")
                .contains("*23*0~\nPAT*01~\nNM1*QC*1*PATIENT*TEST~\nN3*9 OAK AVE~\nN4*COLUMBUS*OH*43215~\nDMG*D8*19700517*F~\nCLM*");
        assertThat(Claim837Validator.validate(payload)).isEmpty();
    }

    @Test
    void anInpatientStayCarriesItsAdmissionAndTheReferringProviderNamedAtIntake() {
        var admitted = java.time.LocalDate.now().minusDays(5).atTime(22, 15);
        String referrer = DemoReferenceData.npi("112233445");
        var discharged = java.time.LocalDate.now().minusDays(3).atTime(10, 40);
        Encounter e = encounters.open(Encounters.visit().referredBy(referrer, "Carter, Dana MD")
                .institutional(new com.claimflow.intake.EncounterRequest.Institutional("11", admitted, "1", "1", "01", "0120", null, "R07.9", null,
                        discharged)).request());
        driver.runJobs();
        driver.code(e.id(), "I10", "99213 1 1");
        String payload = submissions.messagesFor(claimOf(e).id()).get(0).getPayload();
        String d8 = java.time.format.DateTimeFormatter.BASIC_ISO_DATE.format(admitted);
        assertThat(payload).contains("11:A:1**A*Y*Y~").contains("DTP*434*RD8*" + d8 + "-").contains("DTP*435*DT*" + d8 + "2215~")
                .contains("DTP*096*TM*1040~").contains("HI*ABJ:R079~")
                .contains("CL1*1*1*01~").contains("NM1*DN*1*CARTER*DANA****XX*" + referrer + "~").contains("SV2*0120*HC:99213*");
        assertThat(Claim837Validator.validate(payload)).isEmpty();
    }

    @Test
    void aReferredProfessionalClaimNamesTheReferringProviderOnFile() {
        Encounter e = encounters.open(Encounters.visit().referredBy(DemoReferenceData.DR_BAKER_NPI).request());
        driver.runJobs();
        driver.code(e.id(), "I10", "99213 1 1");
        String payload = submissions.messagesFor(claimOf(e).id()).get(0).getPayload();
        assertThat(payload).contains("NM1*DN*1*BAKER*SAM****XX*" + DemoReferenceData.DR_BAKER_NPI + "~\nNM1*82*1*ADAMS*JORDAN");
        assertThat(Claim837Validator.validate(payload)).isEmpty();
    }

    @Test
    void controlNumbersContinueFromTheDatabaseSequence() {
        long before = jdbc.queryForObject("select next_value from x12_control_number where name = 'interchange'", Long.class);
        Encounter e = encounters.open(Encounters.visit().request());
        driver.runJobs();
        driver.code(e.id(), "I10", "99213 1 1");
        String payload = submissions.messagesFor(claimOf(e).id()).get(0).getPayload();
        assertThat(Long.parseLong(payload.substring(90, 99))).isGreaterThanOrEqualTo(before);
        assertThat(jdbc.queryForObject("select next_value from x12_control_number where name = 'interchange'", Long.class)).isGreaterThan(before);
    }

    @Test
    void aClaimWhose837FailsValidationNeverLeavesAndTheBillerIsToldWhere() {
        // Dr Baker bills on his own NPI but has no tax id on file: 2010AA REF*EI cannot be written
        Encounter e = encounters.open(Encounters.visit().billingNpi(DemoReferenceData.DR_BAKER_NPI).request());
        driver.runJobs();
        driver.code(e.id(), "I10", "99213 1 1");
        Claim claim = claimOf(e);

        assertThat(submissions.messagesFor(claim.id())).isEmpty();
        assertThat(claim.status()).isEqualTo(ClaimStatus.REJECTED);
        assertThat(driver.task(e.id(), "FixRejectedClaim").queue()).isEqualTo("billers");
        String reason = (String) runtime.createVariableInstanceQuery().variableName("ackReason").list().stream()
                .filter(v -> v.getValue() != null && v.getValue().toString().contains("REF*EI"))
                .findFirst().orElseThrow().getValue();
        assertThat(reason).startsWith("837 not sent, it fails validation: ").contains("(loop 2010AA)").contains("REF*EI is missing");
        assertThat(files.refusalsOf(claim.id())).hasSize(1);
        assertThat(files.unreportedRefusals()).isEmpty();

        // once the tax id is on file, the fix sends it
        jdbc.update("update provider set tin = '987654321' where npi = ?", DemoReferenceData.DR_BAKER_NPI);
        reference.forgetPayersAndProviders(); // written past ReferenceService, which keeps providers read (issue #17)
        try {
            driver.complete(e.id(), "FixRejectedClaim", "ben", "billers", Map.of("note", "tax id added"));
            assertThat(submissions.messagesFor(claim.id())).hasSize(1);
            assertThat(claimOf(e).status()).isEqualTo(ClaimStatus.SUBMITTED);
        } finally {
            jdbc.update("update provider set tin = null where npi = ?", DemoReferenceData.DR_BAKER_NPI);
            reference.forgetPayersAndProviders();
        }
    }
}
