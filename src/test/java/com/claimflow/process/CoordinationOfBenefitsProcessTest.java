package com.claimflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import com.claimflow.claim.Claim;
import com.claimflow.claim.ClaimService;
import com.claimflow.claim.ClaimStatus;
import com.claimflow.claim.OtherPayerAdjudication;
import com.claimflow.coding.AuditSampling;
import com.claimflow.demo.DemoReferenceData;
import com.claimflow.demo.DemoUsers;
import com.claimflow.intake.Encounter;
import com.claimflow.intake.EncounterRequest;
import com.claimflow.intake.EncounterService;
import com.claimflow.intake.Subscriber;
import com.claimflow.remittance.AccountService;
import com.claimflow.remittance.InsuranceReceivables;
import com.claimflow.remittance.RemittanceAdvice;
import com.claimflow.remittance.RemittanceAdvice.Adjustment;
import com.claimflow.remittance.RemittanceAdvice.LinePaid;
import com.claimflow.remittance.RemittanceAdvice.Remark;
import com.claimflow.remittance.RemittanceService;
import com.claimflow.submission.SubmissionService;
import com.claimflow.support.Encounters;
import com.claimflow.support.ProcessDriver;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Coordination of benefits through the real models (encounter.bpmn's BillNextPayer and CrossoverGateway): a patient
 * with a primary (BCBS, the patient's own) and a secondary coverage (Aetna, the spouse's). The primary's payment sends
 * the secondary claim with the primary's adjudication; the secondary's payment recomputes what the patient owes; a
 * crossover the primary already forwarded is not sent again; nothing is billed to a secondary when the primary left
 * the patient nothing.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(ProcessEngineCoverageConfiguration.class)
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class, mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class CoordinationOfBenefitsProcessTest {
    @Autowired ProcessEngine engine;
    @Autowired ProcessDriver driver;
    @Autowired EncounterService encounters;
    @Autowired ClaimService claims;
    @Autowired RemittanceService payer;
    @Autowired AccountService account;
    @Autowired SubmissionService submissions;
    @Autowired InsuranceReceivables receivables;
    @Autowired com.claimflow.remittance.InboundFiles inbound;
    @Autowired com.claimflow.submission.x12.X12ClaimFiles files;
    @Autowired HistoryService history;
    @Autowired DemoReferenceData reference;
    @Autowired DemoUsers users;
    @MockitoBean AuditSampling sampling;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        reference.load();
        users.load();
        when(sampling.draw()).thenReturn(0.5);
    }

    private static final EncounterRequest.Address HOME = new EncounterRequest.Address("12 Elm St", null, "Springfield", "IL", "62704");

    /** BCBS primary (the patient's own), Aetna secondary through the spouse. */
    private Encounter openWithSecondary() {
        Encounter e = encounters.open(Encounters.visit().livingAt("12 Elm St", "Springfield", "IL", "62704").coverages(
                new EncounterRequest.Insurance(1, "BCBS", "XYZ123456789", "88001", "18", null),
                new EncounterRequest.Insurance(2, "AETNA", "W123456789", "AG-77", "01",
                        new Subscriber("Example", "Sam", LocalDate.of(1978, 7, 4), "M", HOME, "W123456789"))).request());
        driver.runJobs();
        driver.code(e.id(), "I10, E785", "99213 1 1,2\n36415 1 1");
        return e;
    }

    private Claim claimOf(Encounter e) {
        return claims.latestFor(e.id()).orElseThrow();
    }

    /** Accepts the claim and hands the outbox to the clearinghouse (the charge goes on the account then). */
    private Claim acceptAndSend(Encounter e, String icn) {
        submissions.dispatch();
        Claim c = claimOf(e);
        payer.acknowledge(c.id(), true, icn, null);
        driver.runJobs();
        return claimOf(e);
    }

    /**
     * The payer's 835 for the claim's two lines (99213 charged 115.00, 36415 charged 3.75): {@code paid1}/{@code paid2}
     * per line, the rest of each line as CO-45 except {@code patient} as PR-2 on line 1; optional status and remarks.
     */
    private void remit(Claim c, String ref, String status, BigDecimal paid1, BigDecimal paid2, BigDecimal patient, List<Adjustment> claimLevel,
                       List<Remark> remarks) {
        BigDecimal co1 = new BigDecimal("115.00").subtract(paid1).subtract(patient);
        BigDecimal co2 = new BigDecimal("3.75").subtract(paid2);
        List<Adjustment> adjustments = new java.util.ArrayList<>(claimLevel);
        BigDecimal claimLevelTotal = claimLevel.stream().map(Adjustment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (claimLevelTotal.signum() == 0) {
            adjustments.add(new Adjustment(1, "99213", "CO", "45", co1, null));
            adjustments.add(new Adjustment(2, "36415", "CO", "45", co2, null));
        }
        if (patient.signum() > 0) adjustments.add(new Adjustment(1, "99213", "PR", "2", patient, null));
        BigDecimal contractual = adjustments.stream().filter(a -> !"PR".equals(a.group())).map(Adjustment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        payer.post(new RemittanceAdvice(ref, c.id(), c.payerClaimNumber(), paid1.add(paid2), contractual, patient, false, "CO", "45", null, status,
                adjustments, remarks, List.of(new LinePaid(1, "99213", List.of(), new BigDecimal("115.00"), paid1, BigDecimal.ONE),
                new LinePaid(2, "36415", List.of(), new BigDecimal("3.75"), paid2, BigDecimal.ONE))));
        driver.runJobs();
    }

    private boolean passed(Encounter e, String activityId) {
        return history.createHistoricActivityInstanceQuery().activityId(activityId).list().stream()
                .map(HistoricActivityInstance::getRootProcessInstanceId).anyMatch(e.processInstanceId()::equals);
    }

    @Test
    void thePrimarysPaymentBillsTheSecondaryWhichPaysAndThePatientOwesWhatTheSecondaryLeft() {
        Encounter e = openWithSecondary();
        Claim primary = acceptAndSend(e, "BCBS-ICN-1");
        assertThat(primary.coverageOrder()).isEqualTo(1);
        assertThat(primary.payerId()).isEqualTo("BCBS");
        // issue #15 item 5: from hand-off until the payer answers, the charge is insurance A/R
        assertThat(account.balance(e.id()).insurance()).isEqualByComparingTo("118.75");
        assertThat(receivables.claimsOut(Instant.now(), "BCBS")).filteredOn(c -> c.claimId() == primary.id()).singleElement().satisfies(c -> {
            assertThat(c.owed()).isEqualByComparingTo("118.75");
            assertThat(c.bucket()).isEqualTo("0-30");
        });
        assertThat(receivables.byPayer(Instant.now(), "BCBS")).singleElement()
                .satisfies(p -> assertThat(p.buckets().get(0)).isGreaterThanOrEqualTo(new BigDecimal("118.75")));

        remit(primary, "ERA-P-" + primary.id(), "1", new BigDecimal("77.00"), new BigDecimal("3.00"), new BigDecimal("23.00"), List.of(), List.of());

        Claim secondary = claimOf(e);
        assertThat(files.refusalsOf(secondary.id())).isEmpty();
        assertThat(secondary.id()).isNotEqualTo(primary.id());
        assertThat(secondary.coverageOrder()).isEqualTo(2);
        assertThat(secondary.payerId()).isEqualTo("AETNA");
        assertThat(secondary.memberId()).isEqualTo("W123456789");
        assertThat(secondary.status()).isEqualTo(ClaimStatus.SUBMITTED);
        assertThat(secondary.totalCharge()).isEqualByComparingTo(primary.totalCharge());
        assertThat(passed(e, "BillNextPayer")).isTrue();
        assertThat(passed(e, "Collections")).as("no statement while the secondary has the patient's share").isFalse();
        // the primary's patient share is the secondary's to pay now: back on the insurance side
        assertThat(account.balance(e.id()).insurance()).isEqualByComparingTo("23.00");
        assertThat(account.balance(e.id()).patient()).isEqualByComparingTo("0.00");

        List<OtherPayerAdjudication> earlier = claims.otherPayersOf(secondary.id());
        assertThat(earlier).singleElement().satisfies(a -> {
            assertThat(a.payerId()).isEqualTo("BCBS");
            assertThat(a.paid()).isEqualByComparingTo("80.00");
            assertThat(a.payerClaimNumber()).isEqualTo("BCBS-ICN-1");
            assertThat(a.lines()).extracting(l -> l.procedureCode() + " " + l.paid().setScale(2)).containsExactly("99213 77.00", "36415 3.00");
            assertThat(a.lines().get(0).adjustments()).extracting(x -> x.group() + "-" + x.carc()).containsExactly("CO-45", "PR-2");
        });
        // the 837 to Aetna: SBR*S, the spouse as subscriber, the patient in 2000C, BCBS in 2320/2330B with line-level 2430
        String file = submissions.messagesFor(secondary.id()).get(0).getPayload();
        assertThat(file).contains("SBR*S**AG-77").contains("NM1*IL*1*EXAMPLE*SAM****MI*W123456789").contains("PAT*01")
                .contains("SBR*P*18*88001").contains("AMT*D*80").contains("AMT*EAF*23").contains("NM1*PR*2*BLUE CROSS BLUE SHIELD*****PI*BCBS")
                .contains("REF*F8*BCBS-ICN-1").contains("SVD*BCBS*77*HC:99213").contains("SVD*BCBS*3*HC:36415");

        Claim sent = acceptAndSend(e, "AETNA-ICN-9");
        // Aetna pays 18.00 of the 23.00 left: OA-23 (the prior payer's adjudication) for the rest, the patient owes 5.00
        remit(sent, "ERA-S-" + sent.id(), "2", new BigDecimal("18.00"), BigDecimal.ZERO, new BigDecimal("5.00"),
                List.of(new Adjustment(null, null, "OA", "23", new BigDecimal("95.75"), null)), List.of());

        assertThat(account.balance(e.id()).insurance()).isEqualByComparingTo("0.00");
        assertThat(account.balance(e.id()).patient()).isEqualByComparingTo("5.00");
        assertThat(claims.get(sent.id()).status()).isEqualTo(ClaimStatus.PARTIALLY_PAID);
        assertThat(driver.openTaskTypes(e.id())).isEmpty();
        assertThat(passed(e, "Collections")).isTrue();
        assertThat(claims.versionsOf(e.id())).hasSize(2);
    }

    @Test
    void aCrossoverThePrimaryForwardedIsNotSentAgainAndItsAnswerPosts() {
        Encounter e = openWithSecondary();
        Claim primary = acceptAndSend(e, "BCBS-ICN-2");
        // CLP02 19 "processed as primary, forwarded to additional payer(s)" with MA18
        remit(primary, "ERA-X-" + primary.id(), "19", new BigDecimal("77.00"), new BigDecimal("3.00"), new BigDecimal("23.00"), List.of(),
                List.of(new Remark(null, "MA18")));

        Claim secondary = claimOf(e);
        assertThat(secondary.coverageOrder()).isEqualTo(2);
        assertThat(secondary.status()).isEqualTo(ClaimStatus.FORWARDED);
        assertThat(submissions.messagesFor(secondary.id())).as("a crossover is not sent again").isEmpty();
        assertThat(passed(e, "Scrubbing")).isTrue();
        assertThat(claims.otherPayersOf(secondary.id())).singleElement().satisfies(a -> assertThat(a.forwarded()).isTrue());
        assertThat(receivables.claimsOut(Instant.now(), "AETNA")).filteredOn(c -> c.claimId() == secondary.id()).singleElement()
                .satisfies(c -> assertThat(c.owed()).isEqualByComparingTo("23.00"));

        // Aetna pays all that was left
        remit(secondary, "ERA-XS-" + secondary.id(), "2", new BigDecimal("23.00"), BigDecimal.ZERO, BigDecimal.ZERO,
                List.of(new Adjustment(null, null, "OA", "23", new BigDecimal("95.75"), null)), List.of());
        assertThat(account.balance(e.id()).isZero()).isTrue();
        assertThat(passed(e, "PaidInFull")).isTrue();
    }

    /**
     * The next payer's own 835 file for a crossover: its CLP01 is the patient control number the primary was sent (the
     * primary forwarded that claim), REF*2U names the next payer. It pays {@code paid} and adjusts the rest as OA-23.
     */
    private static String crossover835(String payerId, String patientControlNumber, String npi, String paid, String adjusted, String icn) {
        String isa = "ISA*00*          *00*          *ZZ*" + String.format("%-15s", payerId) + "*ZZ*CLAIMFLOW      *261201*0900*^*00501*000000777*0*P*:";
        List<String> body = List.of("BPR*I*" + paid + "*C*ACH************20261201", "TRN*1*XOVER777*1512345678", "DTM*405*20261201",
                "N1*PR*SUPPLEMENTAL PAYER", "REF*2U*" + payerId, "N1*PE*BILLING PROVIDER*XX*" + npi, "LX*1",
                "CLP*" + patientControlNumber + "*2*118.75*" + paid + "*0*12*" + icn, "CAS*OA*23*" + adjusted, "NM1*QC*1*EXAMPLE*ROBIN****MI*W123456789");
        List<String> all = new java.util.ArrayList<>();
        all.add(isa);
        all.add("GS*HP*" + payerId + "*CLAIMFLOW*20261201*0900*777*X*005010X221A1");
        all.add("ST*835*0001*005010X221A1");
        all.addAll(body);
        all.add("SE*" + (body.size() + 2) + "*0001");
        all.add("GE*1*777");
        all.add("IEA*1*000000777");
        return String.join("~\n", all) + "~\n";
    }

    @Test
    void aCrossoversAnswerUnderThePrimarysClaimNumberPaysTheForwardedClaim() {
        Encounter e = openWithSecondary();
        Claim primary = acceptAndSend(e, "BCBS-ICN-5");
        remit(primary, "ERA-X5-" + primary.id(), "19", new BigDecimal("77.00"), new BigDecimal("3.00"), new BigDecimal("23.00"), List.of(),
                List.of(new Remark(null, "MA18")));
        Claim forwarded = claimOf(e);
        assertThat(forwarded.status()).isEqualTo(ClaimStatus.FORWARDED);

        var result = inbound.receive(new java.io.ByteArrayInputStream(crossover835("AETNA", "CF" + primary.id() + "V" + primary.version(),
                primary.billingNpi(), "23", "95.75", "AETNA-ICN-5").getBytes(java.nio.charset.StandardCharsets.US_ASCII)), "API", "xover.835", "bella");
        driver.runJobs();

        assertThat(result.errors()).as(result.toString()).isEmpty();
        assertThat(result.counts().posted()).isEqualTo(1);
        assertThat(payer.postingsFor(primary.id())).as("the primary keeps its one payment").hasSize(1);
        assertThat(payer.postingsFor(forwarded.id())).singleElement().satisfies(p -> assertThat(p.getPaid()).isEqualByComparingTo("23.00"));
        assertThat(account.balance(e.id()).isZero()).isTrue();
        assertThat(passed(e, "PaidInFull")).isTrue();
    }

    /** Issue #15 item 4: REF*F8 carries the payer's claim number it gave last, the 835's CLP07 after the 277CA's. */
    @Test
    void aVoidNamesTheClaimNumberThePayerGaveLast() {
        Encounter e = encounters.open(Encounters.visit().request());
        driver.runJobs();
        driver.code(e.id(), "I10", "99213 1 1");
        Claim c = acceptAndSend(e, "ICN-FROM-277CA");
        assertThat(c.payerClaimNumber()).isEqualTo("ICN-FROM-277CA");
        payer.post(new RemittanceAdvice("ERA-ICN-" + c.id(), c.id(), "ICN-FROM-835", c.totalCharge(), BigDecimal.ZERO, BigDecimal.ZERO, false,
                null, null, null));
        driver.runJobs();
        assertThat(claims.get(c.id()).payerClaimNumber()).isEqualTo("ICN-FROM-835");

        Claim voiding = claims.voidLatestSent(e.id(), "billed the wrong patient", "bella");
        assertThat(voiding.frequencyCode()).isEqualTo("8");
        assertThat(voiding.payerClaimNumber()).isEqualTo("ICN-FROM-835");
    }

    @Test
    void nothingIsBilledToTheSecondaryWhenThePrimaryLeftThePatientNothing() {
        Encounter e = openWithSecondary();
        Claim primary = acceptAndSend(e, "BCBS-ICN-3");
        remit(primary, "ERA-N-" + primary.id(), "1", new BigDecimal("100.00"), new BigDecimal("3.00"), BigDecimal.ZERO, List.of(), List.of());

        assertThat(claims.versionsOf(e.id())).hasSize(1);
        assertThat(passed(e, "BillNextPayer")).isFalse();
        assertThat(passed(e, "PaidInFull")).isTrue();
        assertThat(account.balance(e.id()).isZero()).isTrue();
    }

    @Test
    void aSecondaryDenialGoesToTheDenialStageWithThePatientsShareStillOnTheInsuranceSide() {
        Encounter e = openWithSecondary();
        Claim primary = acceptAndSend(e, "BCBS-ICN-4");
        remit(primary, "ERA-D1-" + primary.id(), "1", new BigDecimal("77.00"), new BigDecimal("3.00"), new BigDecimal("23.00"), List.of(), List.of());
        Claim secondary = acceptAndSend(e, "AETNA-ICN-4");
        payer.post(new RemittanceAdvice("ERA-D2-" + secondary.id(), secondary.id(), "AETNA-ICN-4", BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                true, "CO", "22", null)); // CARC 22: care may be covered by another payer per COB
        driver.runJobs();
        assertThat(claims.get(secondary.id()).status()).isEqualTo(ClaimStatus.DENIED);
        assertThat(passed(e, "Denial")).isTrue();
        assertThat(account.balance(e.id()).insurance()).isEqualByComparingTo("23.00");
        assertThat(passed(e, "Collections")).as("the patient is not billed the secondary's share while it is disputed").isFalse();
    }
}
