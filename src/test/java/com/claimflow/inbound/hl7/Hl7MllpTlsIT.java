package com.claimflow.inbound.hl7;

import static com.claimflow.inbound.hl7.Hl7Fixtures.load;
import static com.claimflow.inbound.hl7.Hl7Fixtures.newMessageId;
import static com.claimflow.inbound.hl7.Hl7Fixtures.newVisit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.Connection;
import ca.uhn.hl7v2.app.Initiator;
import ca.uhn.hl7v2.util.StandardSocketFactory;
import com.claimflow.demo.DemoReferenceData;
import com.claimflow.inbound.Channel;
import com.claimflow.inbound.InboundMessage;
import com.claimflow.inbound.InboundMessages;
import com.claimflow.inbound.Outcome;
import com.claimflow.intake.EncounterService;
import com.claimflow.support.TestCertificates;
import com.claimflow.support.TestProfiles;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * MLLP over TLS with client certificates (mutual TLS, MLLP's only login): the listener takes messages from an
 * interface engine whose certificate its trust store holds, and refuses, before reading a byte of a message, a client
 * that shows no certificate, one it does not trust, or plain TCP. HAPI's initiator is the trusted engine, over a TLS
 * socket of its own socket factory. Throwaway stores from {@link TestCertificates}. Runs on H2 and, with {@code
 * -Pmysql-it}, on MariaDB.
 */
@SpringBootTest(properties = { "claimflow.hl7.enabled=true", "claimflow.hl7.port=0", "claimflow.hl7.read-timeout=PT10S",
        "claimflow.hl7.tls.bundle=mllp" })
@ActiveProfiles(resolver = TestProfiles.class)
@ExtendWith(OutputCaptureExtension.class)
class Hl7MllpTlsIT {
    private static Path listenerKeys, engineKeys, rogueKeys, listenerTrust, engineTrust;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) throws IOException {
        TestCertificates certificates = new TestCertificates();
        listenerKeys = certificates.keyStore("listener", "CN=localhost", true);
        engineKeys = certificates.keyStore("engine", "CN=interface-engine, O=Test Clinic", false);
        rogueKeys = certificates.keyStore("rogue", "CN=rogue", false);
        listenerTrust = certificates.trustStore("listener-trust", engineKeys);
        engineTrust = certificates.trustStore("engine-trust", listenerKeys);
        String bundle = "spring.ssl.bundle.jks.mllp.";
        registry.add(bundle + "keystore.location", () -> listenerKeys.toUri().toString());
        registry.add(bundle + "keystore.password", () -> TestCertificates.PASSWORD);
        registry.add(bundle + "keystore.type", () -> "PKCS12");
        registry.add(bundle + "truststore.location", () -> listenerTrust.toUri().toString());
        registry.add(bundle + "truststore.password", () -> TestCertificates.PASSWORD);
        registry.add(bundle + "truststore.type", () -> "PKCS12");
    }

    @Autowired MllpListener listener;
    @Autowired EncounterService encounters;
    @Autowired InboundMessages messages;
    @Autowired DemoReferenceData reference;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void referenceData() {
        reference.load();
    }

    @Test
    void aTrustedInterfaceEngineSendsAnA04OverTlsAndGetsItsAck() throws Exception {
        String visit = newVisit();
        String messageId = newMessageId();
        HapiContext engine = hapiOver(TestCertificates.context(engineKeys, engineTrust));
        try {
            Connection connection = engine.newClient("localhost", listener.port(), true);
            Initiator initiator = connection.getInitiator();
            initiator.setTimeout(30, TimeUnit.SECONDS);

            String ack = initiator.sendAndReceive(engine.getPipeParser().parse(load("adt-a04.hl7", visit, messageId))).encode();

            assertThat(Hl7MllpIT.Ack.of(ack).code()).as(ack).isEqualTo("AA");
            assertThat(Hl7MllpIT.Ack.of(ack).controlId()).isEqualTo(messageId);
            assertThat(encounters.findByExternalId(visit)).as("opened").isPresent();
        } finally {
            engine.close();
        }
    }

    @Test
    void aMessageWithoutReadableHeaderIsKeptUnderTheCertificatesName() throws Exception {
        SSLContext tls = TestCertificates.context(engineKeys, engineTrust);
        String ack = exchange(tls.getSocketFactory(), load("missing-msh.hl7", newVisit(), newMessageId()));

        assertThat(ack).as("answered AR").contains("MSA|AR");
        InboundMessage kept = messages.recent(Channel.HL7V2, false, 1).get(0);
        assertThat(kept.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(kept.sender()).as("the connection named by its client certificate").startsWith("hl7:unknown interface at CN=interface-engine");
    }

    @Test
    void aClientWithoutACertificateIsRefusedAndNothingIsKept(CapturedOutput log) throws Exception {
        int before = keptMessages();
        SSLContext anonymous = TestCertificates.context(null, engineTrust);

        assertThatThrownBy(() -> exchange(anonymous.getSocketFactory(), load("adt-a04.hl7", newVisit(), newMessageId())))
                .as("no ACK without a client certificate").isInstanceOf(IOException.class);

        assertThat(keptMessages()).as("nothing kept").isEqualTo(before);
        awaitLogged(log, "refused: TLS handshake failed");
    }

    @Test
    void aCertificateTheListenerDoesNotTrustIsRefused() throws Exception {
        int before = keptMessages();
        SSLContext rogue = TestCertificates.context(rogueKeys, engineTrust);

        assertThatThrownBy(() -> exchange(rogue.getSocketFactory(), load("adt-a04.hl7", newVisit(), newMessageId())))
                .as("no ACK for an untrusted certificate").isInstanceOf(IOException.class);

        assertThat(keptMessages()).isEqualTo(before);
    }

    @Test
    void plainTcpIsNotAnsweredOnTheTlsPort() throws Exception {
        int before = keptMessages();

        assertThatThrownBy(() -> exchange(SocketFactory.getDefault(), load("adt-a04.hl7", newVisit(), newMessageId())))
                .as("a message in clear text gets no ACK").isInstanceOf(IOException.class);

        assertThat(keptMessages()).as("nothing read, nothing kept").isEqualTo(before);
    }

    /** HAPI's client over TLS sockets of this context (HAPI's own would use the JVM's default trust store). */
    private static HapiContext hapiOver(SSLContext tls) {
        DefaultHapiContext hapi = new DefaultHapiContext();
        hapi.setSocketFactory(new StandardSocketFactory() {
            @Override
            public Socket createTlsSocket() throws IOException {
                return tls.getSocketFactory().createSocket();
            }
        });
        return hapi;
    }

    /** One framed message on a new connection and its MLLP answer; an IOException when the connection ends without one. */
    private String exchange(SocketFactory sockets, String message) throws IOException {
        try (Socket socket = sockets.createSocket("localhost", listener.port())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            MllpListener.write(out, message);
            String answer = MllpFrames.answer(socket.getInputStream()); // an IOException for a TLS alert instead of a frame
            if (answer == null) throw new EOFException("the listener closed the connection without an answer");
            return answer;
        }
    }

    private int keptMessages() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM inbound_message", Integer.class);
    }

    private static void awaitLogged(CapturedOutput log, String text) throws InterruptedException {
        for (int i = 0; i < 100 && !log.getAll().contains(text); i++) Thread.sleep(100);
        assertThat(log.getAll()).contains(text);
    }
}
