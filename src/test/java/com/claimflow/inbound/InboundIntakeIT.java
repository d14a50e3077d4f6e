package com.claimflow.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.coding.CapturedCharges;
import com.claimflow.coding.CapturedCharges.Charge;
import com.claimflow.coding.CapturedCharges.Diagnosis;
import com.claimflow.coding.ProcedureLine;
import com.claimflow.intake.EncounterProcess;
import com.claimflow.support.ApiTestBase;
import com.claimflow.support.Encounters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The core every inbound channel shares, on the real database (H2 in the README's test command, MariaDB in CI's
 * second pass): the same visit from twenty threads at once opens one encounter and one process; the same message id
 * from twenty threads is done once; charges for an open visit join its coding task once; a chunk with one bad visit
 * opens the others and refuses that one alone.
 */
class InboundIntakeIT extends ApiTestBase {
    @Autowired InboundIntake intake;
    @Autowired InboundMessages messages;
    @Autowired CapturedCharges captured;
    @Autowired RuntimeService runtime;
    @Autowired JdbcTemplate jdbc;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private static <T> List<T> atOnce(int threads, Callable<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return work.call();
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) results.add(f.get());
        pool.shutdown();
        return results;
    }

    private long processes(long encounterId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(EncounterProcess.PROCESS).processInstanceBusinessKey(String.valueOf(encounterId))
                .count();
    }

    @Test
    void theSameVisitFromTwentyThreadsOpensOneEncounterAndTheOthersAnswerWithIt() throws Exception {
        String visit = "C-" + run;
        List<Receipt> receipts = atOnce(20, () -> intake.open(new Received(Channel.FHIR, null, "bella", "application/fhir+json", "{}"),
                new IncomingEncounter(Encounters.visit().externalId(visit).request())));
        assertThat(receipts).filteredOn(r -> r.outcome() == Outcome.OPENED).hasSize(1);
        assertThat(receipts).filteredOn(r -> r.outcome() == Outcome.ALREADY_THERE).hasSize(19);
        long encounterId = receipts.get(0).encounterId();
        assertThat(receipts).extracting(Receipt::encounterId).containsOnly(encounterId);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM encounter WHERE external_id = ?", Integer.class, visit)).isEqualTo(1);
        assertThat(processes(encounterId)).isEqualTo(1);
        assertThat(messages.ofEncounter(encounterId)).hasSize(20);
    }

    @Test
    void theSameMessageIdFromTwentyThreadsIsDoneOnceAndAnsweredAsTheFirstTime() throws Exception {
        String visit = "K-" + run;
        Received r = new Received(Channel.HL7V2, "EHR^CLINIC|" + run, "hl7:EHR^CLINIC", "application/hl7-v2", "MSH|...");
        List<Receipt> receipts = atOnce(20, () -> intake.open(r, new IncomingEncounter(Encounters.visit().externalId(visit).request())));
        assertThat(receipts).filteredOn(x -> x.outcome() == Outcome.OPENED).hasSize(1);
        assertThat(receipts).filteredOn(x -> x.outcome() != Outcome.OPENED).allSatisfy(x -> assertThat(x.outcome()).isIn(Outcome.DUPLICATE,
                Outcome.ALREADY_THERE));
        assertThat(receipts).extracting(Receipt::encounterId).containsOnly(receipts.get(0).encounterId());
        // afterwards, the same message id is a duplicate whatever it says
        Receipt again = intake.open(r, new IncomingEncounter(Encounters.visit().externalId("other-" + run).request()));
        assertThat(again.outcome()).isEqualTo(Outcome.DUPLICATE);
        assertThat(again.encounterId()).isEqualTo(receipts.get(0).encounterId());
        assertThat(again.problem()).contains("was received before");
    }

    @Test
    void chargesForAnOpenVisitJoinItsCodingTaskOnceAndLateOrUnknownOnesAreRefused() throws Exception {
        String visit = "D-" + run;
        long id = intake.open(new Received(Channel.HL7V2, "A04|" + run, "hl7:EHR^CLINIC", "application/hl7-v2", "A04"),
                new IncomingEncounter(Encounters.visit().externalId(visit).request())).encounterId();
        Received dft = new Received(Channel.HL7V2, "P03|" + run, "hl7:EHR^CLINIC", "application/hl7-v2", "DFT");
        List<Diagnosis> dx = List.of(new Diagnosis("I10", "DG1[1]-3"));
        List<Charge> lines = List.of(new Charge(ProcedureLine.parse("99213 25 1 1", "FT1[1]-25"), "FT1[1]-25"));
        List<Receipt> twice = atOnce(2, () -> intake.addCharges(dft, visit, "PV1-19", dx, lines));
        assertThat(twice).extracting(Receipt::outcome).containsExactlyInAnyOrder(Outcome.CHARGES_ADDED, Outcome.DUPLICATE);
        assertThat(captured.draftOf(id).orElseThrow().procedures()).hasSize(1);

        Receipt badCode = intake.addCharges(new Received(Channel.HL7V2, "P03b|" + run, "hl7:EHR^CLINIC", "application/hl7-v2", "DFT"), visit, "PV1-19",
                dx, List.of(new Charge(ProcedureLine.parse("99999", "FT1[2]-25"), "FT1[2]-25")));
        assertThat(badCode.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(badCode.problemField()).isEqualTo("FT1[2]-25");
        Receipt unknown = intake.addCharges(new Received(Channel.HL7V2, "P03c|" + run, "hl7:EHR^CLINIC", "application/hl7-v2", "DFT"), "nope-" + run,
                "PV1-19", dx, lines);
        assertThat(unknown.problemField()).isEqualTo("PV1-19");
        assertThat(unknown.problem()).contains("no visit 'nope-" + run + "' is open");
        assertThat(captured.draftOf(id).orElseThrow().procedures()).hasSize(1);

        driver.runJobs();
        driver.code(id, "I10", "99213");
        Receipt late = intake.addCharges(new Received(Channel.HL7V2, "P03d|" + run, "hl7:EHR^CLINIC", "application/hl7-v2", "DFT"), visit, "PV1-19",
                dx, lines);
        assertThat(late.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(late.problem()).contains("is already coded");
    }

    @Test
    void aChunkWithOneBadVisitOpensTheOthersAndRefusesThatOneAlone() {
        List<InboundIntake.Item> items = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Encounters visit = Encounters.visit().externalId("E-" + run + "-" + i);
            if (i == 2) visit.payer("NOPE", "X1");
            items.add(new InboundIntake.Item(new Received(Channel.CSV, null, "bella", "text/csv", "row " + i),
                    new IncomingEncounter(visit.request(), List.of(), List.of(), field -> "row " + field)));
        }
        List<Receipt> receipts = intake.openAll(items);
        assertThat(receipts).extracting(Receipt::outcome).containsExactly(Outcome.OPENED, Outcome.OPENED, Outcome.REFUSED, Outcome.OPENED, Outcome.OPENED);
        assertThat(receipts.get(2).problemField()).isEqualTo("row coverage.payerId");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM encounter WHERE external_id LIKE ?", Integer.class, "E-" + run + "-%")).isEqualTo(4);
    }
}
