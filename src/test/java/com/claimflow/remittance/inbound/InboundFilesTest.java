package com.claimflow.remittance.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.claimflow.base.BadInputException;
import com.claimflow.claim.Claim;
import com.claimflow.claim.ClaimService;
import com.claimflow.claim.ClaimStatus;
import com.claimflow.coding.AuditSampling;
import com.claimflow.demo.DemoReferenceData;
import com.claimflow.demo.DemoUsers;
import com.claimflow.identity.Worker;
import com.claimflow.intake.Encounter;
import com.claimflow.intake.EncounterService;
import com.claimflow.remittance.AccountService;
import com.claimflow.remittance.InboundFiles;
import com.claimflow.remittance.InboundResult;
import com.claimflow.remittance.PaymentPosting;
import com.claimflow.remittance.RemittanceService;
import com.claimflow.remittance.x12.Fixtures;
import com.claimflow.submission.SubmissionService;
import com.claimflow.support.Encounters;
import com.claimflow.support.ProcessDriver;
import com.claimflow.workqueue.WorkItem;
import com.claimflow.workqueue.WorkQueueService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** 999, 277CA and 835 files through the inbound path: stored, read by the real readers, applied to the real processes. */
// batches of 2 claim payments, so the fixtures' files are posted in more than one batch
@SpringBootTest(properties = {"claimflow.edi.store=target/edi-test/inbound", "claimflow.clearinghouse.inbox-poll=false", "claimflow.edi.posting-batch=2"})
@ActiveProfiles("test")
class InboundFilesTest {
    @Autowired InboundFiles inbound;
    @Autowired EncounterService encounters;
    @Autowired ClaimService claims;
    @Autowired SubmissionService submissions;
    @Autowired RemittanceService remittances;
    @Autowired AccountService account;
    @Autowired ProcessDriver driver;
    @Autowired DemoReferenceData reference;
    @Autowired DemoUsers users;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired WorkQueueService queues;
    @Autowired JdbcTemplate jdbc;
    @MockitoBean AuditSampling sampling;
    @TempDir Path inbox;

    @BeforeEach
    void setUp() {
        Mockito.when(sampling.draw()).thenReturn(0.5);
        reference.load();
        users.load();
    }

    private Claim coded(String dx, String procedures) {
        Encounter e = encounters.open(Encounters.visit().request());
        driver.runJobs();
        driver.code(e.id(), dx, procedures);
        return claims.latestFor(e.id()).orElseThrow();
    }

    private static String pcn(Claim c) {
        return "CF" + c.id() + "V" + c.version();
    }

    private InboundResult receive(String text) {
        InboundResult r = inbound.receive(Fixtures.stream(text), "TEST", null, "test");
        driver.runJobs();
        return r;
    }

    /** A fixture with fresh interchange control number, so only what we test is a duplicate. */
    private static String fresh(String text, int control) {
        String isa13 = String.format("%09d", control);
        return text.substring(0, 90) + isa13 + text.substring(99).replaceFirst("IEA\\*1\\*\\d{9}", "IEA*1*" + isa13);
    }

    private static int control = 100_000 + (int) (System.nanoTime() % 800_000);

    private static String st02(String payload) {
        return payload.replaceAll("(?s).*ST\\*837\\*(\\d+)\\*.*", "$1");
    }

    private String reasonOf(Claim c) {
        return runtime.createVariableInstanceQuery().variableName("ackReason").list().stream().map(v -> String.valueOf(v.getValue()))
                .filter(v -> v.contains(pcn(c)) || v.contains("277CA") || v.contains("999")).findFirst().orElse("");
    }

    @Test
    void a277caAcceptsOneClaimAndRejectsTheOtherAndTheSameFileTwiceDoesNothing() {
        Claim accepted = coded("I10", "99213 1 1");
        Claim rejected = coded("I10", "99213 1 1");
        String file = fresh(Fixtures.text("277ca-mixed.x12").replace("CF900000001V1", pcn(accepted)).replace("CF900000002V1", pcn(rejected)), control++);

        InboundResult r = receive(file);
        assertThat(r.status()).isEqualTo("PROCESSED");
        assertThat(r.transactionType()).isEqualTo("277CA");
        assertThat(r.counts()).isEqualTo(new InboundResult.Counts(2, 2, 1, 1, 0, 0, 0, 0));
        assertThat(claims.get(accepted.id()).status()).isEqualTo(ClaimStatus.ACCEPTED);
        assertThat(claims.get(accepted.id()).payerClaimNumber()).isEqualTo("2026325000117");
        assertThat(claims.get(rejected.id()).status()).isEqualTo(ClaimStatus.REJECTED);
        assertThat(driver.task(rejected.encounterId(), "FixRejectedClaim").queue()).isEqualTo("billers");
        assertThat(runtime.createVariableInstanceQuery().variableName("ackReason").list()).extracting(v -> String.valueOf(v.getValue()))
                .contains("277CA rejected the claim: A7:164:IL rejected for invalid information: entity's contract/member number (subscriber)");

        InboundResult again = receive(file);
        assertThat(again.status()).isEqualTo("DUPLICATE");
        assertThat(again.duplicateOf()).isEqualTo(r.fileId());
        assertThat(again.errors().get(0).message()).contains("received before as file " + r.fileId());

        // the same answers under another interchange number: each claim had its answer already
        InboundResult resent = receive(fresh(file, control++));
        assertThat(resent.status()).isEqualTo("PROCESSED");
        assertThat(resent.counts().duplicates()).isEqualTo(2);
    }

    @Test
    void a999RejectionBecomesABillerTaskNamingTheElementAndAnAcceptanceWaitsForThe277ca() {
        Claim rejected = coded("I10", "99213 1 1");
        Claim accepted = coded("I10", "99213 1 1");
        String rejectedSt = st02(submissions.messagesFor(rejected.id()).get(0).getPayload());
        String acceptedSt = st02(submissions.messagesFor(accepted.id()).get(0).getPayload());

        InboundResult r = receive(fresh(Fixtures.text("999-rejected.x12").replace("*9002*", "*" + rejectedSt + "*"), control++));
        assertThat(r.status()).isEqualTo("PROCESSED");
        assertThat(r.counts().rejected()).isEqualTo(1);
        assertThat(claims.get(rejected.id()).status()).isEqualTo(ClaimStatus.REJECTED);
        assertThat(driver.openTaskTypes(rejected.encounterId())).contains("FixRejectedClaim");
        assertThat(runtime.createVariableInstanceQuery().variableName("ackReason").list()).extracting(v -> String.valueOf(v.getValue()))
                .anySatisfy(v -> assertThat(v).contains("999 rejected the 837").contains("element NM109 (67): 7 (invalid code value) 'XYZ'"));

        InboundResult ok = receive(fresh(Fixtures.text("999-accepted.x12").replace("*9001*", "*" + acceptedSt + "*"), control++));
        assertThat(ok.counts().accepted()).isEqualTo(1);
        assertThat(claims.get(accepted.id()).status()).isEqualTo(ClaimStatus.SUBMITTED);

        InboundResult unknown = receive(fresh(Fixtures.text("999-accepted.x12").replace("*9001*", "*77777777*"), control++));
        assertThat(unknown.counts().unmatched()).isEqualTo(1);
        assertThat(unknown.errors()).singleElement().satisfies(p -> assertThat(p.message()).contains("77777777"));
    }

    /** Three claims the payer accepted, for the three claim payments of 835-payment.x12 (paid with PR, denied, paid). */
    private Claim[] threeAcceptedClaims() {
        Claim[] accepted = {coded("I10, E785", "99213 25 1 1,2\n36415 1 1"), coded("R0789", "99213 1 1"), coded("I10", "99213 1 1")};
        for (Claim claim : accepted) remittances.acknowledge(claim.id(), true, "PCN-" + claim.id(), null);
        driver.runJobs();
        return accepted;
    }

    private static String paymentFixtureFor(Claim a, Claim b, Claim c) {
        return Fixtures.text("835-payment.x12").replace("CF900000001V1", pcn(a)).replace("CF900000002V1", pcn(b)).replace("CF900000003V1", pcn(c));
    }

    @Test
    void an835PostsPaymentsAdjustmentsDenialsReversalsAndKeepsWhatItCannotMatch() {
        Claim[] accepted = threeAcceptedClaims();
        Claim a = accepted[0], b = accepted[1], c = accepted[2];
        String payment = paymentFixtureFor(a, b, c);

        // a file whose BPR total is not the claims' payments is refused whole
        long postingsBefore = jdbc.queryForObject("select count(*) from payment_posting", Long.class);
        String unbalanced = fresh(payment.replace("BPR*I*145*", "BPR*I*150*"), control++);
        InboundResult refused = receive(unbalanced);
        assertThat(refused.status()).isEqualTo("REFUSED");
        assertThat(refused.errors()).singleElement().satisfies(p -> {
            assertThat(p.segment()).isEqualTo(4);
            assertThat(p.element()).isEqualTo("BPR02");
            assertThat(p.message()).contains("total payment 150 is not the sum of the 3 claim payments (CLP04) 145");
        });
        assertThat(jdbc.queryForObject("select count(*) from payment_posting", Long.class)).isEqualTo(postingsBefore);

        InboundResult r = receive(fresh(payment, control++));
        assertThat(r.status()).as("%s", r.errors()).isEqualTo("PROCESSED");
        assertThat(r.counts()).isEqualTo(new InboundResult.Counts(3, 3, 0, 0, 3, 0, 0, 0));

        assertThat(claims.get(a.id()).status()).isEqualTo(ClaimStatus.PARTIALLY_PAID);
        assertThat(account.balance(a.encounterId()).patient()).isEqualByComparingTo("19.20");
        assertThat(account.balance(a.encounterId()).insurance()).isEqualByComparingTo("0");
        assertThat(remittances.adjustmentsFor(a.id())).extracting(x -> x.lineNo() + " " + x.group() + "-" + x.carc() + " " + x.amount().stripTrailingZeros().toPlainString())
                .containsExactly("1 CO-45 19", "1 PR-2 19.2", "2 CO-45 0.55");
        assertThat(remittances.remarksFor(a.id())).extracting(x -> x.lineNo() + " " + x.rarc()).containsExactly("1 N130");

        assertThat(claims.get(b.id()).status()).isEqualTo(ClaimStatus.DENIED);
        assertThat(driver.openTaskTypes(b.encounterId())).contains("PrepareAppeal"); // CARC 50: medical necessity
        assertThat(remittances.postingsFor(b.id())).extracting(PaymentPosting::getCarc, PaymentPosting::getRarc)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("50", "N115"));

        assertThat(claims.get(c.id()).status()).isEqualTo(ClaimStatus.PAID);
        assertThat(account.balance(c.encounterId()).isZero()).isTrue();
        // the processes waiting for these remittances moved on: A to patient collections, C closed
        assertThat(encounters.stage(encounters.get(a.encounterId()))).isEqualTo("COLLECTIONS");
        assertThat(encounters.stage(encounters.get(c.encounterId()))).isEqualTo("CLOSED");

        // the payer takes back C's payment and pays it again at 75; one payment is for a claim we never sent
        String reversal = fresh(Fixtures.text("835-reversal.x12").replace("CF900000003V1", pcn(c)), control++);
        InboundResult second = receive(reversal);
        assertThat(second.status()).isEqualTo("PROCESSED");
        assertThat(second.counts()).isEqualTo(new InboundResult.Counts(3, 2, 0, 0, 2, 1, 0, 0));
        assertThat(second.errors()).singleElement().satisfies(p -> {
            assertThat(p.segmentId()).isEqualTo("CLP");
            assertThat(p.message()).contains("CF999999999V1").contains("kept as unmatched payment 40");
        });
        assertThat(remittances.postingsFor(c.id())).extracting(PaymentPosting::getOutcome).containsExactly("PAID", "REVERSED", "PAID");
        assertThat(remittances.postingsFor(c.id()).get(2).getPaid()).isEqualByComparingTo("75");
        assertThat(account.balance(c.encounterId()).isZero()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from unmatched_payment where file_id = ? and patient_control_no = 'CF999999999V1'",
                Long.class, second.fileId())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select amount from provider_adjustment where file_id = ?", java.math.BigDecimal.class, second.fileId()))
                .isEqualByComparingTo("-1.25");

        // the first 835 again under a new interchange number: every payment was posted already
        InboundResult again = receive(fresh(payment, control++));
        assertThat(again.counts().posted()).isZero();
        assertThat(again.counts().duplicates()).isEqualTo(3);
    }

    /**
     * A claim the payer accepted as {@code icn} and denied (CO-16), corrected by a biller into a frequency-7 replacement
     * that the payer accepted as {@code replacementIcn}: {original, replacement}.
     */
    private Claim[] deniedThenReplaced(String icn, String replacementIcn) {
        Claim original = coded("I10", "99213 1 1");
        remittances.acknowledge(original.id(), true, icn, null);
        driver.runJobs();
        remittances.post(new com.claimflow.remittance.RemittanceAdvice("ERA-R-" + icn, original.id(), icn,
                java.math.BigDecimal.ZERO, java.math.BigDecimal.ZERO, java.math.BigDecimal.ZERO, true, "CO", "16", "M51"));
        driver.runJobs();
        WorkItem task = driver.task(original.encounterId(), com.claimflow.intake.EncounterProcess.CORRECT_BILLING_DENIAL_TASK);
        queues.complete(task.taskId(), Map.of("lines", "99213 1 115.00 1", "diagnoses", "I10", "memberId", original.memberId(),
                "note", "resent with the referral on file"), new Worker("bella", Set.of("billers")));
        driver.runJobs();
        Claim replacement = claims.latestFor(original.encounterId()).orElseThrow();
        assertThat(replacement.frequencyCode()).isEqualTo("7");
        assertThat(claims.get(original.id()).status()).isEqualTo(ClaimStatus.REPLACED);
        remittances.acknowledge(replacement.id(), true, replacementIcn, null);
        driver.runJobs();
        return new Claim[] {original, replacement};
    }

    /**
     * Payers answer a replacement (frequency 7) under the original claim's patient control number: the payment goes to
     * the replacement that is out and moves its process; the replaced original keeps its denial.
     */
    @Test
    void an835ThatAnswersAReplacementUnderTheOriginalsNumberPostsToTheReplacement() {
        Claim[] claimed = deniedThenReplaced("PCN-" + UUID.randomUUID().toString().substring(0, 8), "PCN-R-" + UUID.randomUUID().toString().substring(0, 8));
        Claim original = claimed[0], replacement = claimed[1];

        InboundResult r = receive(fresh(Fixtures.text("835-payment.x12").replace("CF900000003V1", pcn(original)), control++));
        assertThat(r.status()).isEqualTo("PROCESSED");
        assertThat(r.counts().posted()).isEqualTo(1);
        assertThat(remittances.postingsFor(replacement.id())).extracting(PaymentPosting::getOutcome).containsExactly("PAID");
        assertThat(claims.get(replacement.id()).status()).isEqualTo(ClaimStatus.PAID);
        assertThat(claims.get(original.id()).status()).isEqualTo(ClaimStatus.REPLACED);
        assertThat(encounters.stage(encounters.get(original.encounterId()))).isEqualTo("CLOSED");
    }

    /** The same, when the payer names only its own claim number (CLP07, the original's ICN) and a CLP01 that is not ours. */
    @Test
    void an835ThatNamesOnlyTheOriginalsIcnPostsToTheReplacement() {
        String icn = "ICN-ORIG-" + UUID.randomUUID().toString().substring(0, 8);
        Claim[] claimed = deniedThenReplaced(icn, null);
        Claim original = claimed[0], replacement = claimed[1];

        InboundResult r = receive(fresh(Fixtures.text("835-payment.x12").replace("CF900000003V1", "THEIRS-" + original.id())
                .replace("2026325000119", icn), control++));
        assertThat(r.status()).isEqualTo("PROCESSED");
        assertThat(remittances.postingsFor(replacement.id())).extracting(PaymentPosting::getOutcome).containsExactly("PAID");
        assertThat(claims.get(replacement.id()).status()).isEqualTo(ClaimStatus.PAID);
    }

    @Test
    void an835ThatFailsHalfWayPostsNothingAndTheCorrectedFileMayComeWithTheSameNumbers() {
        Claim[] accepted = threeAcceptedClaims();
        Claim a = accepted[0], b = accepted[1], c = accepted[2];
        String payment = fresh(paymentFixtureFor(a, b, c), control++);
        // the third claim payment (second batch) carries a reason code too long to store: the database refuses it half way
        String breaking = payment.replace("CAS*CO*45*50~", "CAS*CO*4500000*50~");

        InboundResult failed = receive(breaking);
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.errors()).singleElement().satisfies(p -> {
            assertThat(p.segment()).isEqualTo(40);
            assertThat(p.message()).contains("nothing from this file was posted");
        });
        // the first batch (a paid, b denied) was rolled back with the rest: no posting, no status, no denial, no process moved
        assertThat(jdbc.queryForObject("select count(*) from payment_posting where claim_id in (?,?,?)", Long.class, a.id(), b.id(), c.id()))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from account_entry where encounter_id in (?,?,?)", Long.class,
                a.encounterId(), b.encounterId(), c.encounterId())).isZero();
        for (Claim claim : new Claim[] {a, b, c}) assertThat(claims.get(claim.id()).status()).isEqualTo(ClaimStatus.ACCEPTED);
        assertThat(driver.openTaskTypes(b.encounterId())).doesNotContain("PrepareAppeal");

        // the payer sends the corrected file under the same interchange number: it is not a duplicate and posts whole
        InboundResult corrected = receive(payment); // same ISA sender and control number as the failed one
        assertThat(corrected.status()).as("%s", corrected.errors()).isEqualTo("PROCESSED");
        assertThat(corrected.counts().posted()).isEqualTo(3);
        assertThat(claims.get(a.id()).status()).isEqualTo(ClaimStatus.PARTIALLY_PAID);
        assertThat(driver.openTaskTypes(b.encounterId())).contains("PrepareAppeal");
    }

    @Test
    void badFilesAreRefusedWithTheSegmentNamedAndKept() {
        InboundResult notX12 = receive("hello, this is not X12");
        assertThat(notX12.status()).isEqualTo("REFUSED");
        assertThat(notX12.errors().get(0).message()).contains("ISA");

        String good = Fixtures.text("999-accepted.x12");
        InboundResult shortIsa = receive(good.replaceFirst("CLEARINGHOUSE  ", "CLEARINGHOUSE"));
        assertThat(shortIsa.status()).isEqualTo("REFUSED");
        assertThat(shortIsa.errors().get(0).element()).isEqualTo("ISA16");

        InboundResult badCount = receive(fresh(Fixtures.text("277ca-mixed.x12").replace("SE*37*0001", "SE*36*0001"), control++));
        assertThat(badCount.status()).isEqualTo("REFUSED");
        assertThat(badCount.errors()).anySatisfy(p -> assertThat(p.element()).isEqualTo("SE01"));

        InboundResult truncated = receive(fresh(Fixtures.text("835-payment.x12"), control++).substring(0, 900));
        assertThat(truncated.status()).isEqualTo("REFUSED");

        assertThat(jdbc.queryForObject("select count(*) from edi_inbound_file where id in (?,?,?,?) and status = 'REFUSED'", Long.class,
                notX12.fileId(), shortIsa.fileId(), badCount.fileId(), truncated.fileId())).isEqualTo(4);
        String stored = jdbc.queryForObject("select stored_path from edi_inbound_file where id = ?", String.class, notX12.fileId());
        assertThat(Path.of(stored)).hasContent("hello, this is not X12");
    }

    @Test
    void mutatedFilesThroughTheWholeInboundPathAreAnsweredNeverThrown() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(4242);
        java.util.Map<String, Integer> statuses = new java.util.TreeMap<>();
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofMinutes(3), () -> {
            for (String fixture : new String[] {"999-rejected.x12", "277ca-mixed.x12", "835-payment.x12", "835-reversal.x12"}) {
                String original = Fixtures.text(fixture);
                for (int i = 0; i < 40; i++) {
                    InboundResult r = inbound.receive(Fixtures.stream(com.claimflow.remittance.x12.FuzzedInboundFilesTest.mutate(original, random)),
                            "FUZZ", fixture, "test");
                    statuses.merge(r.status(), 1, Integer::sum);
                    assertThat(r.status()).as("%s: %s", fixture, r.errors()).isIn("PROCESSED", "REFUSED", "DUPLICATE");
                    if (r.status().equals("REFUSED")) assertThat(r.errors()).isNotEmpty();
                }
            }
        });
        assertThat(statuses).containsKey("REFUSED");
    }

    /** The open payer-file-exception task of the process with this business key, as the billers' queue shows it. */
    private WorkItem exceptionTask(String businessKey) {
        var instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult();
        assertThat(instance).as("process for %s", businessKey).isNotNull();
        return queues.get(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId());
    }

    @Test
    void an835PaymentNoClaimMatchesBecomesABillerTaskAndIsPostedToTheClaimTheBillerNames() {
        Claim claim = coded("I10", "99213 1 1");
        remittances.acknowledge(claim.id(), true, "PCN-" + claim.id(), null);
        driver.runJobs();

        InboundResult r = receive(fresh(Fixtures.text("835-unmatched.x12"), control++));
        assertThat(r.status()).isEqualTo("PROCESSED");
        assertThat(r.counts()).isEqualTo(new InboundResult.Counts(1, 0, 0, 0, 0, 1, 0, 0));
        assertThat(r.errors()).singleElement().satisfies(p -> assertThat(p.message()).contains("CF999999999V1").contains("kept as unmatched payment 75"));

        WorkItem task = exceptionTask("835:" + r.fileId() + ":11");
        assertThat(task.taskType()).isEqualTo("ResolveUnmatchedPayment");
        assertThat(task.queue()).isEqualTo("billers");
        assertThat(task.encounterId()).isNull();
        assertThat(task.payerId()).isEqualTo("BCBS");
        assertThat(task.amount()).isEqualByComparingTo("75.00");
        assertThat(queues.page("billers", "BCBS", 0)).extracting(WorkItem::taskId).contains(task.taskId());

        Worker ben = new Worker("ben", Set.of("billers"));
        assertThatThrownBy(() -> queues.complete(task.taskId(), Map.of("resolution", "MATCHED", "matchClaimId", "987654321098", "note", "found it"), ben))
                .isInstanceOf(BadInputException.class).hasMessageContaining("there is no claim 987654321098");
        assertThatThrownBy(() -> queues.complete(task.taskId(), Map.of("resolution", "MATCHED", "matchClaimId", String.valueOf(claim.id())), ben))
                .isInstanceOf(BadInputException.class).hasMessageContaining("note");
        assertThat(claims.get(claim.id()).status()).isEqualTo(ClaimStatus.ACCEPTED);

        queues.complete(task.taskId(), Map.of("resolution", "MATCHED", "matchClaimId", String.valueOf(claim.id()),
                "note", "the payer mistyped our patient control number"), ben);
        driver.runJobs();
        assertThat(claims.get(claim.id()).status()).isEqualTo(ClaimStatus.PAID);
        assertThat(remittances.postingsFor(claim.id())).extracting(PaymentPosting::getPaid).singleElement()
                .satisfies(paid -> assertThat(paid).isEqualByComparingTo("75"));
        assertThat(account.balance(claim.encounterId()).isZero()).isTrue();
        // the claim's process was told like for a matched payment: the encounter closed
        assertThat(encounters.stage(encounters.get(claim.encounterId()))).isEqualTo("CLOSED");
        assertThat(jdbc.queryForObject("select resolution from unmatched_payment where file_id = ?", String.class, r.fileId())).isEqualTo("MATCHED");
        assertThat(jdbc.queryForObject("select resolved_claim_id from unmatched_payment where file_id = ?", Long.class, r.fileId())).isEqualTo(claim.id());
    }

    @Test
    void a277caRejectingTheWholeFileOrAProviderIsRecordedWithItsCodesAndBecomesABillerTask() {
        InboundResult r = receive(fresh(Fixtures.text("277ca-provider-rejected.x12"), control++));
        assertThat(r.status()).isEqualTo("PROCESSED");
        assertThat(r.counts().claims()).isZero();
        assertThat(r.rejections()).extracting(InboundResult.Rejection::level, InboundResult.Rejection::entityId, InboundResult.Rejection::billerTask)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2000B", "CLAIMFLOW", true),
                        org.assertj.core.groups.Tuple.tuple("2000C", "1234567893", true));
        assertThat(r.rejections().get(0).statuses()).startsWith("A3:24:41");
        assertThat(r.rejections().get(1).statuses()).startsWith("A3:562:85");
        assertThat(r.errors()).extracting(InboundResult.Problem::segment).containsExactly(10, 16);
        assertThat(r.errors().get(1).message()).contains("billing provider RIVERSIDE FAMILY CLINIC (1234567893)").contains("biller task");
        assertThat(inbound.result(r.fileId()).orElseThrow().rejections()).hasSize(2); // kept with the file's record

        WorkItem provider = exceptionTask("277CA:" + r.fileId() + ":16");
        assertThat(provider.taskType()).isEqualTo("ResolveProviderRejection");
        assertThat(provider.queue()).isEqualTo("billers");
        assertThat(provider.payerId()).isEqualTo("BCBSPAYER");
        assertThat(exceptionTask("277CA:" + r.fileId() + ":10").taskType()).isEqualTo("ResolveProviderRejection");

        // the payer sends the same answer again under another number while the tasks are open: recorded, no second task
        InboundResult again = receive(fresh(Fixtures.text("277ca-provider-rejected.x12"), control++));
        assertThat(again.rejections()).extracting(InboundResult.Rejection::billerTask).containsExactly(false, false);
        assertThat(again.errors().get(1).message()).contains("is still open");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("277CA:" + again.fileId() + ":16").count()).isZero();

        queues.complete(provider.taskId(), Map.of("resolution", "CORRECTED", "note", "NPI enrollment fixed with the payer; claims resent"),
                new Worker("ben", Set.of("billers")));
        driver.runJobs();
        assertThat(jdbc.queryForObject("select resolution from provider_rejection where file_id = ? and segment_number = 16", String.class, r.fileId()))
                .isEqualTo("CORRECTED");
    }

    @Test
    void theInboxFolderReceivesFilesAndMovesThemAside() throws Exception {
        Claim claim = coded("I10", "99213 1 1");
        Files.writeString(inbox.resolve("ack-1.x12"), fresh(Fixtures.text("277ca-mixed.x12").replace("CF900000001V1", pcn(claim)), control++));
        Files.writeString(inbox.resolve(".partial.x12"), "ISA*");
        Files.writeString(inbox.resolve("junk.txt"), "not x12");
        InboxFolder folder = new InboxFolder(inbound, inbox);
        assertThat(folder.poll()).isEqualTo(2);
        driver.runJobs();
        assertThat(claims.get(claim.id()).status()).isEqualTo(ClaimStatus.ACCEPTED);
        assertThat(inbox.resolve("processed/ack-1.x12")).exists();
        assertThat(inbox.resolve("refused/junk.txt")).exists();
        assertThat(inbox.resolve(".partial.x12")).exists();
    }
}
