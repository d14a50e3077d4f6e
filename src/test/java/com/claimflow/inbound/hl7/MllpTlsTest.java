package com.claimflow.inbound.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.claimflow.inbound.hl7.Hl7Settings.ClientAuth;
import com.claimflow.support.TestCertificates;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.SSLServerSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslStoreBundle;

/** The TLS listener's settings checked at start: a listener asking for client certificates must have its own trust store. */
class MllpTlsTest {
    private static KeyStore keys, trust;

    @BeforeAll
    static void stores() throws Exception {
        TestCertificates certificates = new TestCertificates();
        Path listener = certificates.keyStore("listener", "CN=localhost", true);
        Path engine = certificates.keyStore("engine", "CN=interface-engine", false);
        keys = TestCertificates.load(listener);
        trust = TestCertificates.load(certificates.trustStore("listener-trust", engine));
    }

    @Test
    void clientCertificatesWithoutATrustStoreOfItsOwnDoNotStart() {
        SslBundle noTrust = SslBundle.of(SslStoreBundle.of(keys, TestCertificates.PASSWORD, null));

        // the JDK's default trust store would let in any client certificate a public authority signed
        assertThatThrownBy(() -> MllpTls.of("mllp", noTrust, ClientAuth.NEED)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("claimflow.hl7.tls.client-auth").hasMessageContaining("'mllp' has no trust store");
        assertThatThrownBy(() -> MllpTls.of("mllp", noTrust, ClientAuth.WANT)).isInstanceOf(IllegalStateException.class);
        assertThat(MllpTls.of("mllp", noTrust, ClientAuth.NONE).clientAuth()).as("server-only TLS needs no trust store").isEqualTo(ClientAuth.NONE);
    }

    @Test
    void aBundleWithoutTheListenersKeyDoesNotStart() {
        SslBundle trustOnly = SslBundle.of(SslStoreBundle.of(null, null, trust));

        assertThatThrownBy(() -> MllpTls.of("mllp", trustOnly, ClientAuth.NEED)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no key store");
    }

    @Test
    void theServerSocketRequiresOrAsksForClientCertificatesAsSet() throws Exception {
        SslBundle bundle = SslBundle.of(SslStoreBundle.of(keys, TestCertificates.PASSWORD, trust));
        try (ServerSocket need = MllpTls.of("mllp", bundle, ClientAuth.NEED).newServerSocket();
             ServerSocket want = MllpTls.of("mllp", bundle, ClientAuth.WANT).newServerSocket()) {
            assertThat(((SSLServerSocket) need).getNeedClientAuth()).isTrue();
            assertThat(((SSLServerSocket) want).getWantClientAuth()).isTrue();
            assertThat(((SSLServerSocket) want).getNeedClientAuth()).isFalse();
        }
    }

    @Test
    void tlsIsOffUntilABundleIsNamedAndThenAsksForClientCertificates() {
        assertThat(new Hl7Settings.Tls(null, null).enabled()).isFalse();
        assertThat(new Hl7Settings.Tls(" ", null).enabled()).isFalse();
        assertThat(new Hl7Settings.Tls("mllp", null).clientAuth()).as("mutual TLS unless set").isEqualTo(ClientAuth.NEED);
    }
}
