package com.claimflow.inbound.hl7;

import static com.claimflow.inbound.hl7.Hl7Fixtures.load;
import static com.claimflow.inbound.hl7.Hl7Fixtures.newMessageId;
import static com.claimflow.inbound.hl7.Hl7Fixtures.newVisit;
import static com.claimflow.inbound.hl7.Hl7Fixtures.withField;
import static com.claimflow.inbound.hl7.Hl7Fixtures.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.Connection;
import ca.uhn.hl7v2.app.Initiator;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.EncodingCharacters;
import ca.uhn.hl7v2.parser.Escape;
import com.claimflow.coding.CapturedCharges;
import com.claimflow.coding.CodingProcess;
import com.claimflow.coding.ProcedureLine;
import com.claimflow.demo.DemoReferenceData;
import com.claimflow.inbound.Channel;
import com.claimflow.inbound.InboundMessage;
import com.claimflow.inbound.InboundMessages;
import com.claimflow.inbound.Outcome;
import com.claimflow.intake.Encounter;
import com.claimflow.intake.EncounterService;
import com.claimflow.support.ProcessDriver;
import com.claimflow.support.TestProfiles;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Round trips over MLLP with HAPI's own initiator (and raw sockets where HAPI would not send the bytes): ADT^A04/A08 and
 * DFT^P03 against the running listener, each answered with its ACK (HL7 v2.5.1 chapter 2: MSA, ERR), every message
 * kept, the same message or visit doing nothing twice, and bad input changing nothing. Runs on H2 and, with
 * {@code -Pmysql-it}, on MariaDB.
 */
@SpringBootTest(properties = { "claimflow.hl7.enabled=true", "claimflow.hl7.port=0" })
@ActiveProfiles(resolver = TestProfiles.class)
class Hl7MllpIT {
    private static final HapiContext CLIENT = new DefaultHapiContext();

    @Autowired MllpListener listener;
    @Autowired EncounterService encounters;
    @Autowired CapturedCharges captured;
    @Autowired InboundMessages messages;
    @Autowired ProcessDriver driver;
    @Autowired DemoReferenceData reference;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void referenceData() {
        reference.load();
    }

    @AfterAll
    static void closeClient() throws IOException {
        CLIENT.close();
    }

    /** The ACK's MSA-1, MSA-2 and, for AE/AR, ERR-2 (location) and ERR-3.1 (table 0357 code) and ERR-8. */
    record Ack(String code, String controlId, String location, String error, String text) {
        static Ack of(String ack) {
            String code = null, id = null, location = null, error = null, text = null;
            for (String segment : ack.split("\r")) {
                String[] f = segment.split("\\|", -1);
                if (f[0].equals("MSA")) {
                    code = f[1];
                    id = f[2];
                } else if (f[0].equals("ERR")) {
                    location = f[2];
                    error = f[3].split("\\^")[0];
                    text = f.length > 8 ? Escape.unescape(f[8], EncodingCharacters.defaultInstance()) : null;
                }
            }
            return new Ack(code, id, location, error, text);
        }
    }

    /** Sends with HAPI's MLLP initiator, the way an interface engine does. */
    private Ack send(String text) throws Exception {
        Message message = CLIENT.getPipeParser().parse(text);
        Connection connection = CLIENT.newClient("localhost", listener.port(), false);
        Initiator initiator = connection.getInitiator();
        initiator.setTimeout(30, TimeUnit.SECONDS);
        return Ack.of(initiator.sendAndReceive(message).encode());
    }

    /** Writes bytes on a new connection, optionally closes its sending side, and reads the one answer frame (null if closed unanswered). */
    private String sendRaw(byte[] bytes, boolean closeOutput) throws IOException {
        try (Socket socket = new Socket("localhost", listener.port())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            if (closeOutput) socket.shutdownOutput();
            return MllpFrames.answer(socket.getInputStream());
        }
    }

    private Encounter registered(String visit) throws Exception {
        Ack ack = send(load("adt-a04.hl7", visit, newMessageId()));
        assertThat(ack.code()).as(ack.toString()).isEqualTo("AA");
        return encounters.findByExternalId(visit).orElseThrow();
    }

    private int encounterRows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM encounter", Integer.class);
    }

    private int chargeRows(long encounterId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM captured_charge WHERE encounter_id = ?", Integer.class, encounterId);
    }

    private int refusedRows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM inbound_message WHERE channel = 'HL7V2' AND outcome = 'REFUSED'", Integer.class);
    }

    private InboundMessage lastKept() {
        return messages.recent(Channel.HL7V2, false, 1).get(0);
    }

    @Test
    void anA04OpensTheEncounterStartsItsProcessAndKeepsTheMessageWithItsInterface() throws Exception {
        String visit = newVisit();
        String messageId = newMessageId();
        String text = load("adt-a04.hl7", visit, messageId);

        Ack ack = send(text);

        assertThat(ack.code()).as(ack.toString()).isEqualTo("AA");
        assertThat(ack.controlId()).isEqualTo(messageId);
        Encounter e = encounters.findByExternalId(visit).orElseThrow();
        assertThat(e.patientLastName()).isEqualTo("Example");
        assertThat(e.payerId()).isEqualTo("BCBS");
        assertThat(e.renderingNpi()).isEqualTo(DemoReferenceData.DR_ADAMS_NPI);
        assertThat(e.billingNpi()).as("claimflow.hl7.billing-npi.CLINIC").isEqualTo(DemoReferenceData.CLINIC_NPI);
        assertThat(e.processInstanceId()).isNotNull();
        driver.runJobs();
        assertThat(driver.openTaskTypes(e.id())).containsExactly(CodingProcess.CODE_ENCOUNTER_TASK);
        List<InboundMessage> kept = messages.ofEncounter(e.id());
        assertThat(kept).extracting(InboundMessage::outcome, InboundMessage::sender, InboundMessage::messageKey)
                .containsExactly(tuple(Outcome.OPENED, "hl7:EHR^CLINIC", "EHR^CLINIC^" + messageId));
        assertThat(messages.body(kept.get(0).id())).as("kept as received").contains(text.replace("\r", "\r"));
        Integer audited = jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE actor = 'hl7:EHR^CLINIC' AND encounter_id = ?", Integer.class, e.id());
        assertThat(audited).as("the audit trail names the interface").isPositive();
    }

    @Test
    void anA08ForTheOpenVisitStartsNothingAndCorrectsThePrimaryMemberId() throws Exception {
        String visit = newVisit();
        Encounter e = registered(visit);

        Ack ack = send(load("adt-a08.hl7", visit, newMessageId()));

        assertThat(ack.code()).as(ack.toString()).isEqualTo("AA");
        assertThat(encounters.findByExternalId(visit).orElseThrow().id()).isEqualTo(e.id());
        Integer instances = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = ? AND SUPER_PROCESS_INSTANCE_ID_ IS NULL",
                Integer.class, String.valueOf(e.id()));
        assertThat(instances).as("no second process").isEqualTo(1);
        assertThat(encounters.get(e.id()).memberId()).as("IN1-36 of the A08").isEqualTo("XYZ987654321");
        assertThat(messages.ofEncounter(e.id())).extracting(InboundMessage::outcome).containsExactly(Outcome.OPENED, Outcome.ALREADY_THERE);
    }

    @Test
    void aDftForTheOpenVisitAddsItsChargesToTheCodingTaskOnceEvenWhenSentTwice() throws Exception {
        String visit = newVisit();
        Encounter e = registered(visit);
        String dft = load("dft-p03.hl7", visit, newMessageId());

        Ack first = send(dft);
        Ack again = send(dft);

        assertThat(first.code()).as(first.toString()).isEqualTo("AA");
        assertThat(again.code()).as("a resent MSH-10 is accepted again").isEqualTo("AA");
        CapturedCharges.Draft draft = captured.draftOf(e.id()).orElseThrow();
        assertThat(draft.diagnoses()).containsExactly("I10", "E785");
        assertThat(draft.procedures()).containsExactly(new ProcedureLine("99213", List.of("25"), 1, List.of(1, 2)),
                new ProcedureLine("36415", List.of(), 1, List.of(2)));
        assertThat(chargeRows(e.id())).as("posted once").isEqualTo(1);
        assertThat(messages.ofEncounter(e.id())).extracting(InboundMessage::outcome)
                .containsExactly(Outcome.OPENED, Outcome.CHARGES_ADDED, Outcome.DUPLICATE);
        assertThat(encounters.findByExternalId(visit).orElseThrow().id()).isEqualTo(e.id());
    }

    @Test
    void chargesForAVisitTheCoderHasCodedAreAnsweredAeAndAddNothing() throws Exception {
        String visit = newVisit();
        Encounter e = registered(visit);
        driver.runJobs();
        driver.code(e.id(), "I10", "99213 1 1");

        Ack ack = send(load("dft-p03.hl7", visit, newMessageId()));

        assertThat(ack.code()).isEqualTo("AE");
        assertThat(ack.location()).isEqualTo("PV1^1^19^1");
        assertThat(ack.error()).as("table 0357: application record locked").isEqualTo("206");
        assertThat(ack.text()).contains("already coded");
        assertThat(chargeRows(e.id())).isZero();
    }

    @Test
    void anA04WithTheSpousesPlanAndASecondaryOpensBothCoverages() throws Exception {
        String visit = newVisit();
        Ack ack = send(load("adt-a04-two-coverages.hl7", visit, newMessageId()));

        assertThat(ack.code()).as(ack.toString()).isEqualTo("AA");
        Encounter e = encounters.findByExternalId(visit).orElseThrow();
        assertThat(e.coverages()).extracting(c -> c.order(), c -> c.payerId(), c -> c.relationship())
                .containsExactly(tuple(1, "BCBS", "01"), tuple(2, "AETNA", "18"));
        assertThat(e.coverages().get(0).subscriber().name()).isEqualTo("Example, Sam");
        assertThat(e.priorAuthorization()).isEqualTo("PA-778899");
    }

    @Test
    void aDftForAVisitNotYetRegisteredOpensItWithItsCharges() throws Exception {
        String visit = newVisit();

        Ack ack = send(load("dft-p03-new-visit.hl7", visit, newMessageId()));

        assertThat(ack.code()).as(ack.toString()).isEqualTo("AA");
        Encounter e = encounters.findByExternalId(visit).orElseThrow();
        assertThat(e.dateOfService()).as("FT1-4").isEqualTo(Hl7Fixtures.DATE_OF_SERVICE);
        assertThat(captured.draftOf(e.id()).orElseThrow().procedures()).extracting(ProcedureLine::code).containsExactly("99213", "36415");
    }

    @Test
    void aDftWithOnlyChargesForAnUnknownVisitIsRefusedNamingPv1Nineteen() throws Exception {
        int before = encounterRows();
        Ack ack = send(load("dft-p03-charges-only.hl7", newVisit(), newMessageId()));

        assertThat(ack.code()).isEqualTo("AE");
        assertThat(ack.location()).isEqualTo("PV1^1^19^1");
        assertThat(ack.error()).isEqualTo("204");
        assertThat(ack.text()).contains("send the ADT^A04 first");
        assertThat(encounterRows()).isEqualTo(before);
        assertThat(lastKept().outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(lastKept().problemField()).isEqualTo("PV1-19");
    }

    @Test
    void twentyConcurrentCopiesOfAnA04OpenOneEncounterAndAllAreAccepted() throws Exception {
        String visit = newVisit();
        byte[] frame = MllpFrames.framed(load("adt-a04.hl7", visit, newMessageId()));
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<String>> sends = new ArrayList<>();
            for (int i = 0; i < 20; i++) sends.add(() -> sendRaw(frame, false));
            List<String> acks = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(sends, 2, TimeUnit.MINUTES)) acks.add(f.get());
            assertThat(acks).allSatisfy(a -> assertThat(Ack.of(a).code()).as(a).isEqualTo("AA"));
        } finally {
            pool.shutdownNow();
        }
        Integer opened = jdbc.queryForObject("SELECT COUNT(*) FROM encounter WHERE external_id = ?", Integer.class, visit);
        assertThat(opened).isEqualTo(1);
        long id = encounters.findByExternalId(visit).orElseThrow().id();
        Integer instances = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = ? AND SUPER_PROCESS_INSTANCE_ID_ IS NULL",
                Integer.class, String.valueOf(id));
        assertThat(instances).isEqualTo(1);
        assertThat(messages.ofEncounter(id)).hasSize(20).filteredOn(m -> m.outcome() == Outcome.OPENED).hasSize(1);
    }

    @Test
    void dftsArrivingTogetherForANewVisitOpenItOnceAndLoseNoCharges() throws Exception {
        String visit = newVisit();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<String>> sends = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                byte[] frame = MllpFrames.framed(load("dft-p03-new-visit.hl7", visit, newMessageId()));
                sends.add(() -> sendRaw(frame, false));
            }
            for (Future<String> f : pool.invokeAll(sends, 2, TimeUnit.MINUTES)) assertThat(Ack.of(f.get()).code()).as(f.get()).isEqualTo("AA");
        } finally {
            pool.shutdownNow();
        }
        Integer opened = jdbc.queryForObject("SELECT COUNT(*) FROM encounter WHERE external_id = ?", Integer.class, visit);
        assertThat(opened).isEqualTo(1);
        assertThat(chargeRows(encounters.findByExternalId(visit).orElseThrow().id())).as("four messages, four postings").isEqualTo(4);
    }

    @Test
    void anUnknownPayerIsAnsweredAeNamingIn1ThreeAndOpensNothing() throws Exception {
        String visit = newVisit();
        Ack ack = send(withField(load("adt-a04.hl7", visit, newMessageId()), "IN1", 1, 3, "NOPE"));

        refusedOpeningNothing(ack, visit, "IN1[1]-3", "IN1^1^3^1", "204");
        assertThat(ack.text()).contains("unknown payer 'NOPE'");
    }

    /** An AE naming the field with its table 0357 code; the message kept as refused naming it, the visit not opened. */
    private void refusedOpeningNothing(Ack ack, String visit, String field, String erl, String code) {
        assertThat(ack.code()).as(ack.toString()).isEqualTo("AE");
        assertThat(ack.location()).isEqualTo(erl);
        assertThat(ack.error()).isEqualTo(code);
        assertThat(encounters.findByExternalId(visit)).isEmpty();
        InboundMessage kept = lastKept();
        assertThat(kept.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(kept.problemField()).isEqualTo(field);
        assertThat(kept.externalId()).isEqualTo(visit);
    }

    @Test
    void aDftOpeningAVisitWithAnUnknownCodeIsAnsweredAeNamingTheFt1FieldAndOpensNothing() throws Exception {
        String visit = newVisit();
        int before = encounterRows();
        Ack ack = send(withField(load("dft-p03-new-visit.hl7", visit, newMessageId()), "FT1", 1, 25, "99999^Unknown^C4"));

        refusedOpeningNothing(ack, visit, "FT1[1]-25", "FT1^1^25^1", "103");
        assertThat(ack.text()).startsWith("FT1[1]-25: ").contains("99999").contains("not in the loaded code set");
        assertThat(encounterRows()).isEqualTo(before);
    }

    @Test
    void aMissingBirthDateIsAnsweredAeRequiredNamingPidSeven() throws Exception {
        String visit = newVisit();
        Ack ack = send(withField(load("adt-a04.hl7", visit, newMessageId()), "PID", 1, 7, ""));

        refusedOpeningNothing(ack, visit, "PID-7", "PID^1^7^1", "101");
    }

    @Test
    void aFacilityNotConfiguredIsAnsweredAeNamingMshFourEvenForAnOpenVisit() throws Exception {
        String visit = newVisit();
        Encounter e = registered(visit);

        Ack ack = send(withField(load("dft-p03.hl7", visit, newMessageId()), "MSH", 1, 4, "ELSEWHERE"));

        assertThat(ack.code()).isEqualTo("AE");
        assertThat(ack.location()).isEqualTo("MSH^1^4^1");
        assertThat(ack.error()).isEqualTo("204");
        assertThat(ack.text()).contains("claimflow.hl7.billing-npi.ELSEWHERE");
        assertThat(chargeRows(e.id())).isZero();
        assertThat(lastKept().sender()).isEqualTo("hl7:EHR^ELSEWHERE");
    }

    @Test
    void anInvalidNpiIsAnsweredAeNamingPv1Seven() throws Exception {
        String visit = newVisit();
        Ack ack = send(withField(load("adt-a04.hl7", visit, newMessageId()), "PV1", 1, 7, "1987654320^Adams^Alex^^^^MD^^NPI"));

        assertThat(ack.code()).isEqualTo("AE");
        assertThat(ack.location()).isEqualTo("PV1^1^7^1");
        assertThat(ack.error()).isEqualTo("102");
        assertThat(ack.text()).contains("not a valid NPI");
        assertThat(encounters.findByExternalId(visit)).isEmpty();
    }

    @Test
    void aMissingPidIsAnsweredAeNamingTheSegment() throws Exception {
        String visit = newVisit();
        Ack ack = send(without(load("adt-a04.hl7", visit, newMessageId()), "PID"));

        assertThat(ack.code()).isEqualTo("AE");
        assertThat(ack.location()).isEqualTo("PID^1");
        assertThat(ack.error()).isEqualTo("100");
        assertThat(encounters.findByExternalId(visit)).isEmpty();
    }

    @Test
    void unknownProcedureAndDiagnosisCodesAreAnsweredAeNamingTheirFieldAndAddNothing() throws Exception {
        String visit = newVisit();
        Encounter e = registered(visit);
        String dft = load("dft-p03.hl7", visit, newMessageId());

        Ack cpt = send(withField(dft, "FT1", 1, 25, "99999^Unknown^C4"));
        assertThat(cpt.code()).isEqualTo("AE");
        assertThat(cpt.location()).isEqualTo("FT1^1^25^1");
        assertThat(cpt.error()).isEqualTo("103");

        Ack icd = send(withField(withField(dft, "MSH", 1, 10, newMessageId()), "DG1", 1, 3, "Q99.99^Unknown^I10C"));
        assertThat(icd.code()).isEqualTo("AE");
        assertThat(icd.location()).isEqualTo("DG1^1^3^1");
        assertThat(icd.error()).isEqualTo("103");

        assertThat(captured.draftOf(e.id())).isEmpty();
        assertThat(messages.ofEncounter(e.id())).extracting(InboundMessage::outcome).containsExactly(Outcome.OPENED);
    }

    @Test
    void anUnsupportedMessageTypeIsRejectedAr() throws Exception {
        Ack ack = send(load("oru-r01.hl7", newVisit(), newMessageId()));

        assertThat(ack.code()).isEqualTo("AR");
        assertThat(ack.location()).isEqualTo("MSH^1^9^1");
        assertThat(ack.error()).isEqualTo("200");
        assertThat(lastKept().outcome()).isEqualTo(Outcome.REFUSED);
    }

    @Test
    void malformedMessagesAreRejectedOrClosedKeptAndTheListenerGoesOn() throws Exception {
        int before = encounterRows();
        int refusedBefore = refusedRows();

        Ack separator = Ack.of(sendRaw(MllpFrames.framed(load("wrong-field-separator.hl7", newVisit(), newMessageId())), false));
        assertThat(separator.code()).isEqualTo("AR");
        assertThat(separator.location()).isEqualTo("MSH^1^1^1");

        Ack noMsh = Ack.of(sendRaw(MllpFrames.framed(load("missing-msh.hl7", newVisit(), newMessageId())), false));
        assertThat(noMsh.code()).isEqualTo("AR");
        assertThat(noMsh.location()).isEqualTo("MSH^1");
        assertThat(lastKept().sender()).startsWith("hl7:unknown interface at ");

        Ack cut = Ack.of(sendRaw(MllpFrames.framed(load("truncated.hl7", newVisit(), newMessageId())), false));
        assertThat(cut.code()).as("a message cut off inside PV1 lacks PV1-19").isEqualTo("AE");
        assertThat(cut.location()).isEqualTo("PV1^1^19^1");

        String unterminated = load("adt-a04.hl7", newVisit(), newMessageId());
        byte[] open = new byte[unterminated.length() / 2 + 1];
        open[0] = MllpListener.START_BLOCK;
        System.arraycopy(unterminated.getBytes(StandardCharsets.UTF_8), 0, open, 1, open.length - 1);
        Ack closedEarly = Ack.of(sendRaw(open, true));
        assertThat(closedEarly.code()).isEqualTo("AR");
        assertThat(closedEarly.text()).contains("end block");

        String garbage = sendRaw("\u0000\u00ff garbage, not MLLP\r\n".getBytes(StandardCharsets.ISO_8859_1), false);
        assertThat(garbage == null || Ack.of(garbage).code().equals("AR")).as(String.valueOf(garbage)).isTrue();

        Ack version = Ack.of(sendRaw(MllpFrames.framed(withField(load("adt-a04.hl7", newVisit(), newMessageId()), "MSH", 1, 12, "2.3")), false));
        assertThat(version.code()).isEqualTo("AR");
        assertThat(version.error()).isEqualTo("203");

        assertThat(encounterRows()).as("nothing opened").isEqualTo(before);
        assertThat(refusedRows()).as("each kept as refused").isEqualTo(refusedBefore + 6);
        registered(newVisit());
    }
}
