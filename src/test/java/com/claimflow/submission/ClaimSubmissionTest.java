package com.claimflow.submission;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.claim.ClaimService;
import com.claimflow.claim.ClaimStatus;
import com.claimflow.demo.DemoReferenceData;
import com.claimflow.demo.DemoUsers;
import com.claimflow.intake.Encounter;
import com.claimflow.intake.EncounterService;
import com.claimflow.submission.x12.Claim837Validator;
import com.claimflow.support.Encounters;
import com.claimflow.support.ProcessDriver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(properties = {"claimflow.payer-simulator.enabled=true", "claimflow.payer-simulator.ack-delay=PT0S",
        "claimflow.payer-simulator.remittance-delay=PT0S", "claimflow.payer-simulator.poll-millis=3600000"})
@ActiveProfiles("test")
class ClaimSubmissionTest {
    @Autowired EncounterService encounters;
    @Autowired ClaimService claims;
    @Autowired SubmissionService submissions;
    @Autowired ProcessDriver driver;
    @Autowired TransactionTemplate tx;
    @Autowired DemoReferenceData reference;
    @Autowired DemoUsers users;
    @Autowired com.claimflow.simulator.PayerSimulator payer;
    @Autowired com.claimflow.remittance.AccountService account;
    @Autowired ClaimFileBatches batches;
    @Autowired FileDropConnection clearinghouse;
    @Autowired JdbcTemplate jdbc;
    @TempDir Path outbox;

    @org.springframework.test.context.bean.override.mockito.MockitoBean com.claimflow.coding.AuditSampling sampling;

    @BeforeEach
    void setUp() {
        org.mockito.Mockito.when(sampling.draw()).thenReturn(0.5);
        reference.load();
        users.load();
        batches.dispatch(new FileDropConnection(outbox.resolve("earlier-tests")), 5000); // what other tests left pending
    }

    private long codedClaim(Encounters visit, String diagnoses, String procedures) {
        Encounter e = encounters.open(visit.request());
        driver.runJobs();
        driver.code(e.id(), diagnoses, procedures);
        return claims.latestFor(e.id()).orElseThrow().id();
    }

    private static List<Path> files(Path folder) {
        try (Stream<Path> all = Files.list(folder)) {
            return all.filter(f -> f.getFileName().toString().endsWith(".x12") && !f.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Patient control numbers (CLM01) in every file of the folder, one entry per time a claim went out. */
    private static List<String> claimsSent(Path folder) throws IOException {
        List<String> pcns = new ArrayList<>();
        for (Path f : files(folder)) {
            Matcher m = Pattern.compile("CLM\\*(CF\\d+V\\d+)\\*").matcher(Files.readString(f));
            while (m.find()) pcns.add(m.group(1));
        }
        return pcns;
    }

    private List<String> statuses(List<Long> claimIds) {
        return claimIds.stream().map(id -> submissions.messagesFor(id).get(0).getStatus().name()).toList();
    }

    /** Dies half way through writing the file, as a killed node would: half the bytes under the temporary name. */
    record KilledWhileWriting(Path folder) implements ClearinghouseConnection {
        public String name() {
            return "file-drop";
        }

        public void deliver(String fileName, Path file) {
            try {
                byte[] all = Files.readAllBytes(file);
                Files.createDirectories(folder);
                Files.write(folder.resolve("." + fileName + ".tmp"), Arrays.copyOf(all, all.length / 2));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            throw new IllegalStateException("node killed while writing " + fileName);
        }
    }

    /** The clearinghouse has the file, then the node dies before the commit that marks the claims sent. */
    record KilledBeforeCommit(Path folder) implements ClearinghouseConnection {
        public String name() {
            return "file-drop";
        }

        public void deliver(String fileName, Path file) {
            new FileDropConnection(folder).deliver(fileName, file);
            throw new IllegalStateException("node killed after handing over " + fileName);
        }
    }

    @Test
    void aClaimVersionIsQueuedOnceAndHandedOffOnceEvenWhenAskedAgain() throws Exception {
        long claimId = codedClaim(Encounters.visit(), "I10", "99213 1 1");
        assertThat(submissions.messagesFor(claimId)).hasSize(1);

        // a retried submit step (e.g. after a crash before the engine committed) finds the queued message
        OutboxMessage again = tx.execute(s -> submissions.submit(claimId, false));
        assertThat(again.getAttempt()).isEqualTo(1);
        assertThat(submissions.messagesFor(claimId)).hasSize(1);

        long id = again.getId();
        assertThat(submissions.handOff(id)).isTrue();
        assertThat(submissions.handOff(id)).isFalse(); // a second dispatcher pass sends nothing
        Path file = clearinghouse.folder().resolve(batches.batchOf(id).orElseThrow().fileName());
        assertThat(file).exists();
        assertThat(Files.readString(file)).startsWith("ISA*").contains("CLM*CF" + claimId + "V1*").contains("SV1*HC:99213*");
    }

    @Test
    void claimsLeaveInOneFilePerPayerAndFormatOfAtMostTheBatchSize() throws Exception {
        List<Long> bcbs = new ArrayList<>();
        for (int i = 0; i < 3; i++) bcbs.add(codedClaim(Encounters.visit(), "I10", "99213 1 1"));
        long aetna = codedClaim(Encounters.visit().payer("AETNA", "W123456789"), "J069", "99213 1 1");
        // Dr Baker has no tax id on file: his claim fails validation when it is queued and never joins a batch
        long refused = codedClaim(Encounters.visit().billingNpi(com.claimflow.demo.DemoReferenceData.DR_BAKER_NPI), "I10", "99213 1 1");

        assertThat(batches.dispatch(new FileDropConnection(outbox), 2)).isEqualTo(4);

        List<Path> files = files(outbox);
        assertThat(files).extracting(f -> f.getFileName().toString().replaceAll("\\d{9}", "N"))
                .containsExactlyInAnyOrder("837P-BCBS-N.x12", "837P-BCBS-N.x12", "837P-AETNA-N.x12");
        for (Path f : files) assertThat(Claim837Validator.validate(Files.newInputStream(f))).as(f.toString()).isEmpty();
        assertThat(claimsSent(outbox)).containsExactlyInAnyOrder("CF" + bcbs.get(0) + "V1", "CF" + bcbs.get(1) + "V1", "CF" + bcbs.get(2) + "V1",
                "CF" + aetna + "V1");
        assertThat(Files.readString(files.stream().filter(f -> f.toString().contains("AETNA")).findFirst().orElseThrow()))
                .contains("NM1*PR*2*AETNA*****PI*AETNA~").doesNotContain("PI*BCBS");
        assertThat(statuses(List.of(bcbs.get(0), bcbs.get(1), bcbs.get(2), aetna))).containsOnly("SENT");
        assertThat(submissions.messagesFor(refused)).isEmpty();
        assertThat(claims.get(refused).status()).isEqualTo(ClaimStatus.REJECTED);
    }

    @Test
    void aClaimTheBatchReadBackRefusesBecomesABillerTaskAndTheOthersLeave() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) ids.add(codedClaim(Encounters.visit(), "I10", "99213 1 1"));
        // the middle claim's queued 837 no longer adds up (as if its row had been damaged after validation)
        jdbc.update("update outbox_message set payload = replace(payload, 'CLM*CF" + ids.get(1) + "V1*115*', 'CLM*CF" + ids.get(1)
                + "V1*999*') where claim_id = ?", ids.get(1));

        assertThat(batches.dispatch(new FileDropConnection(outbox), 5000)).isEqualTo(2);
        driver.runJobs();

        assertThat(files(outbox)).hasSize(1);
        assertThat(claimsSent(outbox)).containsExactlyInAnyOrder("CF" + ids.get(0) + "V1", "CF" + ids.get(2) + "V1");
        assertThat(statuses(ids)).containsExactly("SENT", "REFUSED", "SENT");
        var bad = claims.get(ids.get(1));
        assertThat(bad.status()).isEqualTo(ClaimStatus.REJECTED);
        assertThat(driver.task(bad.encounterId(), "FixRejectedClaim").queue()).isEqualTo("billers");
        assertThat(jdbc.queryForList("select issues from claim_file_refusal where claim_id = ?", String.class, ids.get(1)))
                .singleElement().asString().contains("CLM02 (loop 2300): claim total 999 is not the sum of its service lines 115");
    }

    @Test
    void aHandOffKilledHalfWayIsCompletedOnceAndNoClaimVersionGoesOutTwice() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) ids.add(codedClaim(Encounters.visit(), "I10", "99213 1 1"));

        // 1. the node dies while writing the file: half of it under the temporary name, nothing under the real one
        assertThatThrownBy(() -> batches.dispatch(new KilledWhileWriting(outbox), 5000)).hasMessageContaining("node killed while writing");
        assertThat(files(outbox)).isEmpty();
        assertThat(statuses(ids)).containsOnly("PENDING");
        List<Long> batchIds = ids.stream().map(id -> batches.batchOf(submissions.messagesFor(id).get(0).getId()).orElseThrow().id()).distinct().toList();
        assertThat(batchIds).hasSize(1); // the batch was committed before the hand-off: the claims stay in it

        // a claim queued meanwhile goes into a batch of its own, never into the interrupted one
        long later = codedClaim(Encounters.visit(), "E785", "99214 1 1");

        // 2. the retry hands the file over, then the node dies before the commit that marks the claims sent
        assertThatThrownBy(() -> batches.dispatch(new KilledBeforeCommit(outbox), 5000)).hasMessageContaining("node killed after handing over");
        assertThat(files(outbox)).hasSize(1);
        assertThat(statuses(ids)).containsOnly("PENDING");
        Path first = files(outbox).get(0);
        String content = Files.readString(first);
        FileTime written = Files.getLastModifiedTime(first);
        assertThat(Claim837Validator.validate(content)).isEmpty();
        Thread.sleep(20);

        // 3. the next pass finds the file there (same name, same interchange number) and only marks the claims sent
        assertThat(batches.dispatch(new FileDropConnection(outbox), 5000)).isEqualTo(4);
        assertThat(Files.readString(first)).isEqualTo(content);
        assertThat(Files.getLastModifiedTime(first)).isEqualTo(written);
        assertThat(files(outbox)).hasSize(2);
        assertThat(claimsSent(outbox)).containsExactlyInAnyOrder("CF" + ids.get(0) + "V1", "CF" + ids.get(1) + "V1", "CF" + ids.get(2) + "V1",
                "CF" + later + "V1");
        assertThat(statuses(List.of(ids.get(0), ids.get(1), ids.get(2), later))).containsOnly("SENT");

        // 4. and a further pass sends nothing
        assertThat(batches.dispatch(new FileDropConnection(outbox), 5000)).isZero();
        assertThat(files(outbox)).hasSize(2);
        assertThat(Map.of("payer simulator answers scheduled", jdbc.queryForObject(
                "select count(*) from payer_simulation where kind = 'ACK' and claim_id in (?,?,?,?)", Long.class, ids.get(0), ids.get(1), ids.get(2), later)))
                .containsEntry("payer simulator answers scheduled", 4L); // one ClaimHandedOff per claim, none for the rolled-back attempts
    }

    @Test
    void thePayerSimulatorAnswersEveryHandedOffClaimThroughTheRealServices() {
        Encounter e = encounters.open(Encounters.visit().request());
        driver.runJobs();
        driver.code(e.id(), "I10, E785", "99214 1 1,2");
        long claimId = claims.latestFor(e.id()).orElseThrow().id();
        submissions.handOff(submissions.messagesFor(claimId).get(0).getId());

        for (int round = 0; round < 6 && !java.util.List.of("CLOSED", "DENIAL", "COLLECTIONS").contains(encounters.stage(encounters.get(e.id()))); round++) {
            payer.answerDue(java.time.Instant.now().plusSeconds(1));
            driver.runJobs();
            claims.latestFor(e.id()).ifPresent(c -> submissions.messagesFor(c.id()).stream()
                    .filter(m -> m.getStatus() == OutboxMessage.Status.PENDING).forEach(m -> submissions.handOff(m.getId())));
        }
        String stage = encounters.stage(encounters.get(e.id()));
        var claim = claims.latestFor(e.id()).orElseThrow();
        assertThat(stage).as("claim %s", claim.status()).isIn("CLOSED", "DENIAL", "COLLECTIONS", "SUBMISSION");
        if (stage.equals("CLOSED")) assertThat(account.balance(e.id()).isZero()).isTrue();
        if (stage.equals("DENIAL")) assertThat(claim.status()).isEqualTo(com.claimflow.claim.ClaimStatus.DENIED);
        if (stage.equals("SUBMISSION")) assertThat(claim.status()).isEqualTo(com.claimflow.claim.ClaimStatus.REJECTED);
        assertThat(claim.status()).isNotEqualTo(com.claimflow.claim.ClaimStatus.SUBMITTED);
    }
}
