package com.claimflow.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Throwaway key and trust stores (PKCS #12) made with the JDK's keytool in a temporary directory, for tests of TLS: a
 * server's certificate for localhost, clients' certificates, and trust stores holding whichever of them a side trusts.
 * Nothing of them is kept in the repository.
 */
public final class TestCertificates {
    /** Every store's password: the stores live for one test run in a temporary directory. */
    public static final String PASSWORD = "test-only";
    private final Path dir;

    public TestCertificates() throws IOException {
        this.dir = Files.createTempDirectory("claimflow-tls-");
        dir.toFile().deleteOnExit();
    }

    /** A key store {@code name}.p12 with one EC key and a self-signed certificate for {@code subject} (valid two days). */
    public Path keyStore(String name, String subject, boolean forLocalhost) throws IOException {
        Path store = dir.resolve(name + ".p12");
        List<String> args = new ArrayList<>(List.of("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", subject,
                "-validity", "2", "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD));
        if (forLocalhost) args.addAll(List.of("-ext", "SAN=dns:localhost,ip:127.0.0.1"));
        keytool(args);
        return store;
    }

    /** A trust store {@code name}.p12 holding the certificates of the given key stores (each made by {@link #keyStore}). */
    public Path trustStore(String name, Path... trusted) throws IOException {
        Path store = dir.resolve(name + ".p12");
        for (Path keyStore : trusted) {
            String alias = keyStore.getFileName().toString().replace(".p12", "");
            Path certificate = dir.resolve(alias + ".cer");
            if (!Files.exists(certificate)) {
                keytool(List.of("-exportcert", "-alias", alias, "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD,
                        "-file", certificate.toString()));
            }
            keytool(List.of("-importcert", "-noprompt", "-alias", alias, "-file", certificate.toString(), "-keystore", store.toString(), "-storetype",
                    "PKCS12", "-storepass", PASSWORD));
        }
        return store;
    }

    /** A client's TLS context: its own key store (none: it shows no certificate) and the stores it trusts. */
    public static SSLContext context(Path keyStore, Path trustStore) throws IOException, GeneralSecurityException {
        KeyManagerFactory keys = null;
        if (keyStore != null) {
            keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(keyStore), PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load(trustStore));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    public static KeyStore load(Path store) throws IOException, GeneralSecurityException {
        KeyStore k = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            k.load(in, PASSWORD.toCharArray());
        }
        return k;
    }

    private static void keytool(List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("keytool " + args.get(0) + " failed: " + out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("keytool interrupted", e);
        }
    }
}
