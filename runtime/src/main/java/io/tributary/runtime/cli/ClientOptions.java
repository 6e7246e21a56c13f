package io.tributary.runtime.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collection;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import picocli.CommandLine.Option;

/** How the client subcommands reach a worker: its URL, credentials, TLS trust, and the output format. */
final class ClientOptions {
    /** How results are printed. */
    enum Format {
        TABLE,
        JSON
    }

    @Option(
            names = "--url",
            defaultValue = "${env:TRIBUTARY_URL:-http://localhost:8083}",
            description = "The worker's REST API (default: $TRIBUTARY_URL, else ${DEFAULT-VALUE}).")
    URI url;

    @Option(
            names = "--user",
            description = "HTTP basic credentials, USER or USER:PASSWORD; without a password here, it is read from"
                    + " $TRIBUTARY_PASSWORD.")
    String user;

    @Option(
            names = "--cacert",
            paramLabel = "FILE",
            description = "Trust the worker's certificate from this PEM file, or PKCS12/JKS trust store.")
    Path caCert;

    @Option(
            names = "--cacert-password",
            defaultValue = "",
            description = "The password of the --cacert trust store, if it is one.")
    String caCertPassword;

    @Option(
            names = "--keystore",
            paramLabel = "FILE",
            description = "A PKCS12 (.p12, .pfx) or JKS (.jks) key store with this client's certificate and key, for a"
                    + " worker that asks for client certificates (listeners.https.ssl.client.auth).")
    Path keystore;

    @Option(
            names = "--keystore-password",
            defaultValue = "",
            description = "The password of the --keystore key store and of its key.")
    String keystorePassword;

    @Option(names = "--insecure", description = "Accept any TLS certificate; for tests only.")
    boolean insecure;

    @Option(
            names = {"-o", "--output"},
            defaultValue = "table",
            description = "table (the default) or json.")
    Format output;

    WorkerClient client() {
        if (url.getScheme() == null
                || !(url.getScheme().equalsIgnoreCase("http") || url.getScheme().equalsIgnoreCase("https"))
                || url.getHost() == null) {
            throw new IllegalArgumentException("--url must be http://host:port or https://host:port, as in"
                    + " http://localhost:8083; got " + url);
        }
        HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        if (insecure || caCert != null || keystore != null) {
            http.sslContext(sslContext());
        }
        String name = user;
        String password = null;
        if (user != null && user.contains(":")) {
            name = user.substring(0, user.indexOf(':'));
            password = user.substring(user.indexOf(':') + 1);
        } else if (user != null) {
            password = System.getenv("TRIBUTARY_PASSWORD");
        }
        String base = url.toString().endsWith("/") ? url.toString() : url + "/";
        return new WorkerClient(http.build(), URI.create(base), name, password);
    }

    private SSLContext sslContext() {
        TrustManager[] trust = null;
        if (insecure) {
            trust = new TrustManager[] {new TrustingAll()};
        } else if (caCert != null) {
            try {
                trust = trustFrom(caCert);
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalArgumentException("Cannot use --cacert " + caCert + ": " + e.getMessage(), e);
            }
        }
        KeyManager[] keys = null;
        if (keystore != null) {
            try {
                keys = keysFrom(keystore);
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalArgumentException(
                        "Cannot use --keystore " + keystore + " (a PKCS12 or JKS key store,"
                                + " opened with --keystore-password): " + e.getMessage(),
                        e);
            }
        }
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM cannot make a TLS context: " + e.getMessage(), e);
        }
    }

    private KeyManager[] keysFrom(Path file) throws GeneralSecurityException, IOException {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        KeyStore store = KeyStore.getInstance(name.endsWith(".jks") ? "JKS" : "PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, keystorePassword.toCharArray());
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, keystorePassword.toCharArray());
        return factory.getKeyManagers();
    }

    private TrustManager[] trustFrom(Path file) throws GeneralSecurityException, IOException {
        KeyStore store;
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".p12") || name.endsWith(".pfx") || name.endsWith(".jks")) {
            store = KeyStore.getInstance(name.endsWith(".jks") ? "JKS" : "PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, caCertPassword.toCharArray());
            }
        } else {
            store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            Collection<? extends Certificate> certificates;
            try (InputStream in = Files.newInputStream(file)) {
                certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            }
            int i = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }

    /**
     * Trusts every certificate and every host name: what --insecure asks for. An extended trust manager, as
     * the JDK checks host names on behalf of plain ones.
     */
    private static final class TrustingAll extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
