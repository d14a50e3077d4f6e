package com.claimflow.inbound.hl7;

import com.claimflow.inbound.hl7.Hl7Settings.ClientAuth;
import java.io.IOException;
import java.net.ServerSocket;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslOptions;

/**
 * MLLP over TLS: the listener's server socket from a Spring SSL bundle, and who is on the other end. With client
 * certificates required (the default), only an interface engine whose certificate the bundle's trust store trusts
 * gets as far as sending a message: MLLP itself has no login. The protocols are the JDK's (TLS 1.2 and 1.3) unless
 * the bundle's options name others.
 */
record MllpTls(SSLContext context, SslOptions options, ClientAuth clientAuth) {

    /**
     * The TLS of bundle {@code name}. A listener that asks for client certificates needs a trust store of its own in
     * the bundle: the JDK's default one would let in any client whose certificate a public authority signed.
     */
    static MllpTls of(String name, SslBundle bundle, ClientAuth clientAuth) {
        if (clientAuth != ClientAuth.NONE && bundle.getStores().getTrustStore() == null) {
            throw new IllegalStateException("claimflow.hl7.tls.client-auth is " + clientAuth + " but SSL bundle '" + name + "' has no trust store: give it "
                    + "the interface engines' certificates (or their authority's), or set client-auth to NONE");
        }
        if (bundle.getStores().getKeyStore() == null) {
            throw new IllegalStateException("SSL bundle '" + name + "' (claimflow.hl7.tls.bundle) has no key store: the listener needs its certificate and key");
        }
        return new MllpTls(bundle.createSslContext(), bundle.getOptions(), clientAuth);
    }

    ServerSocket newServerSocket() throws IOException {
        SSLServerSocket s = (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
        if (options.getEnabledProtocols() != null) s.setEnabledProtocols(options.getEnabledProtocols());
        if (options.getCiphers() != null) s.setEnabledCipherSuites(options.getCiphers());
        switch (clientAuth) {
            case NEED -> s.setNeedClientAuth(true);
            case WANT -> s.setWantClientAuth(true);
            case NONE -> s.setWantClientAuth(false);
        }
        return s;
    }

    /**
     * Completes the handshake (within the connection's read timeout) and names the peer: its certificate's subject and
     * address, or the address alone when it showed none.
     *
     * @throws javax.net.ssl.SSLException when the handshake fails: no certificate, an untrusted one, or not TLS at all
     */
    static String handshake(SSLSocket socket, String address) throws IOException {
        socket.startHandshake();
        try {
            return socket.getSession().getPeerPrincipal().getName() + " at " + address;
        } catch (SSLPeerUnverifiedException noCertificate) {
            return address;
        }
    }
}
