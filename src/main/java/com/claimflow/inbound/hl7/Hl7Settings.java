package com.claimflow.inbound.hl7;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The HL7 v2 MLLP listener's settings ({@code claimflow.hl7}; the reason for each value is in config/application.yml).
 *
 * @param enabled whether the listener runs (off unless turned on; on in the demo)
 * @param port the TCP port; 0 takes any free one ({@link MllpListener#port()} tells which)
 * @param connections connections served at once, one thread each
 * @param waitingConnections accepted connections that wait for a free thread; more are closed at once
 * @param readTimeout a connection silent this long is closed (also one that stops in the middle of a message)
 * @param maxMessageChars the largest message read; a larger one is refused (AR) and not kept
 * @param billingNpi the billing provider's NPI per sending facility (MSH-4's namespace id); only these facilities are taken
 * @param bindAddress the address listened on: 127.0.0.1 unless the interface engine is on another host (MLLP has no login)
 * @param tls MLLP over TLS ({@code claimflow.hl7.tls}); plain TCP when it names no bundle
 */
@ConfigurationProperties("claimflow.hl7")
public record Hl7Settings(boolean enabled, int port, int connections, int waitingConnections, Duration readTimeout, int maxMessageChars,
                          Map<String, String> billingNpi, String bindAddress, Tls tls) {
    public Hl7Settings {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("claimflow.hl7.port must be 0 to 65535, not " + port);
        if (connections < 1) connections = 4;
        if (waitingConnections < 0) waitingConnections = 0;
        if (readTimeout == null) readTimeout = Duration.ofSeconds(60);
        if (maxMessageChars < 1) maxMessageChars = 1024 * 1024;
        billingNpi = billingNpi == null ? Map.of() : Map.copyOf(billingNpi);
        if (bindAddress == null || bindAddress.isBlank()) bindAddress = "127.0.0.1";
        if (tls == null) tls = new Tls(null, null);
    }

    /**
     * @param bundle the Spring SSL bundle ({@code spring.ssl.bundle.jks.*} or {@code spring.ssl.bundle.pem.*}) holding the
     *               listener's certificate and key, and the certificates of the interface engines it trusts; none: plain TCP
     * @param clientAuth whether a connecting interface engine must show a certificate the bundle's trust store trusts:
     *                   {@link ClientAuth#NEED} unless set (mutual TLS is MLLP's only login)
     */
    public record Tls(String bundle, ClientAuth clientAuth) {
        public Tls {
            if (bundle != null && bundle.isBlank()) bundle = null;
            if (clientAuth == null) clientAuth = ClientAuth.NEED;
        }

        public boolean enabled() {
            return bundle != null;
        }
    }

    /** Client certificates on the TLS listener: required, asked for, or not asked for. */
    public enum ClientAuth { NEED, WANT, NONE }
}
