package io.tributary.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.runtime.rest.Http.Answer;
import io.tributary.runtime.standalone.StandaloneRuntime;
import io.tributary.sdk.errors.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REST API's security settings, each on a worker of its own: TLS on an https listener, basic
 * authentication against hashed passwords, and CORS, off unless asked for. The worker needs no broker for
 * these requests, so none runs.
 */
class RestSecurityIT {
    @TempDir
    Path dir;

    /** A worker and its REST API, closed together. */
    private record Served(StandaloneRuntime runtime, RestServer rest) implements AutoCloseable {
        @Override
        public void close() {
            rest.close();
            runtime.close();
        }
    }

    private static Served serve(Map<String, String> extra) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("bootstrap.servers", "localhost:1");
        settings.put("listeners", "http://localhost:0");
        settings.putAll(extra);
        RestServer rest = RestServer.start(new RestConfig(settings), "test", "test");
        StandaloneRuntime runtime = StandaloneRuntime.start(settings, rest.workerId());
        rest.serve(runtime.control());
        return new Served(runtime, rest);
    }

    @Test
    void anHttpsListenerServesWithTheConfiguredKeystore() throws Exception {
        Path keystore = keyPair("worker", "worker.p12");

        try (Served served = serve(Map.of(
                "listeners", "https://localhost:0",
                "listeners.https.ssl.keystore.location", keystore.toString(),
                "listeners.https.ssl.keystore.password", "changeit",
                "listeners.https.ssl.keystore.type", "PKCS12"))) {
            URI url = served.rest().advertisedUrl();
            assertThat(url.getScheme()).isEqualTo("https");

            Answer answer = new Http(trusting(keystore), url, Map.of()).get("/connectors");

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().isArray()).isTrue();
            Http plain = new Http(URI.create("http://localhost:" + url.getPort()));
            int port = url.getPort();
            assertThat(cli(
                            "connectors",
                            "list",
                            "--url",
                            "https://localhost:" + port,
                            "--cacert",
                            keystore.toString(),
                            "--cacert-password",
                            "changeit"))
                    .as("the CLI trusting the worker's certificate")
                    .isZero();
            assertThat(cli("connectors", "list", "--url", "https://127.0.0.1:" + port))
                    .as("the CLI refusing a certificate it does not trust")
                    .isEqualTo(3);
            assertThat(cli("connectors", "list", "--url", "https://127.0.0.1:" + port, "--insecure"))
                    .as("--insecure: any certificate, whatever host it names")
                    .isZero();
            assertThatThrownBy(() -> plain.get("/connectors"))
                    .as("plain HTTP to a TLS port")
                    .isInstanceOf(java.io.UncheckedIOException.class);
        }
    }

    /** @return a new PKCS12 key store, password {@code changeit}, with a key pair and certificate for localhost */
    private Path keyPair(String alias, String file) throws Exception {
        Path keystore = dir.resolve(file);
        keytool(
                "-genkeypair",
                "-alias",
                alias,
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "2",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                "changeit",
                "-keypass",
                "changeit");
        return keystore;
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();
    }

    @Test
    void aWorkerThatRequiresClientCertificatesLetsInOnlyTrustedClients() throws Exception {
        Path server = keyPair("worker", "worker.p12");
        Path client = keyPair("client", "client.p12");
        Path stranger = keyPair("stranger", "stranger.p12");
        Path clientCert = dir.resolve("client.pem");
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "client",
                "-keystore",
                client.toString(),
                "-storepass",
                "changeit",
                "-file",
                clientCert.toString());
        Path truststore = dir.resolve("clients.p12");
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                "client",
                "-file",
                clientCert.toString(),
                "-storetype",
                "PKCS12",
                "-keystore",
                truststore.toString(),
                "-storepass",
                "changeit");

        try (Served served = serve(Map.of(
                "listeners", "https://localhost:0",
                "listeners.https.ssl.keystore.location", server.toString(),
                "listeners.https.ssl.keystore.password", "changeit",
                "listeners.https.ssl.truststore.location", truststore.toString(),
                "listeners.https.ssl.truststore.password", "changeit",
                "listeners.https.ssl.client.auth", "required"))) {
            String url = "https://localhost:" + served.rest().advertisedUrl().getPort();
            List<String> trustWorker =
                    List.of("--url", url, "--cacert", server.toString(), "--cacert-password", "changeit");

            assertThat(cli(concat(List.of("connectors", "list"), trustWorker)))
                    .as("no client certificate")
                    .isEqualTo(3);
            assertThat(cli(concat(
                            List.of(
                                    "connectors",
                                    "list",
                                    "--keystore",
                                    stranger.toString(),
                                    "--keystore-password",
                                    "changeit"),
                            trustWorker)))
                    .as("a certificate the worker does not trust")
                    .isEqualTo(3);
            assertThat(cli(concat(
                            List.of(
                                    "connectors",
                                    "list",
                                    "--keystore",
                                    client.toString(),
                                    "--keystore-password",
                                    "changeit"),
                            trustWorker)))
                    .as("the trusted client's certificate")
                    .isZero();
            StringWriter err = new StringWriter();
            assertThat(cli(
                            err,
                            concat(
                                    List.of(
                                            "connectors",
                                            "list",
                                            "--keystore",
                                            client.toString(),
                                            "--keystore-password",
                                            "wrong"),
                                    trustWorker)))
                    .isNotZero();
            assertThat(err.toString()).contains("Cannot use --keystore").contains("--keystore-password");
        }
    }

    private static String[] concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all.toArray(String[]::new);
    }

    private static int cli(StringWriter err, String... args) {
        picocli.CommandLine command = io.tributary.runtime.cli.TributaryCli.commandLine();
        command.setOut(new java.io.PrintWriter(new java.io.StringWriter()));
        command.setErr(new java.io.PrintWriter(err, true));
        return command.execute(args);
    }

    @Test
    void theAdvertisedAddressIsWhatStatusesAndOtherWorkersSee() {
        try (Served served = serve(Map.of(
                "rest.advertised.host.name", "worker-7.example",
                "rest.advertised.port", "18083",
                "rest.advertised.listener", "http"))) {
            assertThat(served.rest().advertisedUrl()).isEqualTo(URI.create("http://worker-7.example:18083"));
            assertThat(served.rest().workerId()).isEqualTo("worker-7.example:18083");
            assertThat(served.rest().boundUrls())
                    .allSatisfy(bound -> assertThat(bound.getHost()).isEqualTo("localhost"));
        }
        try (Served served = serve(Map.of())) {
            URI bound = served.rest().boundUrls().get(0);
            assertThat(served.rest().advertisedUrl())
                    .as("without rest.advertised.*, the first listener as bound")
                    .isEqualTo(URI.create("http://localhost:" + bound.getPort()));
        }
    }

    private static int cli(String... args) {
        picocli.CommandLine command = io.tributary.runtime.cli.TributaryCli.commandLine();
        command.setOut(new java.io.PrintWriter(new java.io.StringWriter()));
        command.setErr(new java.io.PrintWriter(new java.io.StringWriter()));
        return command.execute(args);
    }

    private static HttpClient trusting(Path keystore) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            trusted.load(in, "changeit".toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(tls).build();
    }

    @Test
    void basicAuthenticationLetsInOnlyListedUsersWithTheirPasswords() throws IOException {
        Path users = dir.resolve("users");
        Files.writeString(users, "# REST users\nalice:" + PasswordHashes.hash("wonderland".toCharArray()) + "\n");

        try (Served served = serve(Map.of("rest.basic.auth.users.file", users.toString()))) {
            Http anonymous = new Http(served.rest().advertisedUrl());
            Answer refused = anonymous.get("/connectors");
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate"))
                    .hasValueSatisfying(h -> assertThat(h).startsWith("Basic"));
            assertThat(refused.json().path("error_code").asInt()).isEqualTo(401);

            assertThat(anonymous
                            .withHeader("Authorization", basic("alice", "looking-glass"))
                            .get("/connectors")
                            .status())
                    .isEqualTo(401);
            assertThat(anonymous
                            .withHeader("Authorization", basic("bob", "wonderland"))
                            .get("/connectors")
                            .status())
                    .isEqualTo(401);
            assertThat(anonymous.get("/no/such/path").status())
                    .as("credentials come before routing")
                    .isEqualTo(401);
            assertThat(anonymous
                            .send("DELETE", "/connector-plugins", null, null)
                            .status())
                    .isEqualTo(401);
            assertThat(anonymous.send("OPTIONS", "/connectors", null, null).status())
                    .as("with CORS off, OPTIONS needs credentials like any request")
                    .isEqualTo(401);
            Http alice = anonymous.withHeader("Authorization", basic("alice", "wonderland"));
            assertThat(alice.get("/connectors").status()).isEqualTo(200);
            assertThat(alice.get("/connectors").status())
                    .as("a second request, verified from the cache")
                    .isEqualTo(200);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aUsersFileWithAPlainPasswordIsRefused() throws IOException {
        Path users = dir.resolve("plain-users");
        Files.writeString(users, "alice:wonderland\n");
        Map<String, String> settings =
                Map.of("listeners", "http://localhost:0", "rest.basic.auth.users.file", users.toString());

        assertThatThrownBy(() -> RestServer.start(new RestConfig(settings), "test", "test"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("line 1")
                .hasMessageContaining("tributary hash-password");
    }

    @Test
    void corsIsOffByDefaultAndAnswersOnlyTheAllowedOrigins() {
        try (Served closed = serve(Map.of())) {
            Answer answer = new Http(closed.rest().advertisedUrl())
                    .withHeader("Origin", "https://ui.example")
                    .get("/connectors");
            assertThat(answer.headers().firstValue("Access-Control-Allow-Origin"))
                    .isEmpty();
        }
        try (Served open = serve(Map.of(
                "access.control.allow.origin", "https://ui.example",
                "access.control.allow.methods", "GET,PUT"))) {
            Http ui = new Http(open.rest().advertisedUrl()).withHeader("Origin", "https://ui.example");
            assertThat(ui.get("/connectors").headers().firstValue("Access-Control-Allow-Origin"))
                    .hasValue("https://ui.example");
            Answer preflight = ui.withHeader("Access-Control-Request-Method", "PUT")
                    .send("OPTIONS", "/connectors/x/pause", null, null);
            assertThat(preflight.status()).isEqualTo(204);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods"))
                    .hasValue("GET,PUT");

            Answer other = new Http(open.rest().advertisedUrl())
                    .withHeader("Origin", "https://elsewhere.example")
                    .get("/connectors");
            assertThat(other.headers().firstValue("Access-Control-Allow-Origin"))
                    .isEmpty();
        }
    }

    @Test
    void theApiListensOnLocalhostUnlessToldOtherwise() {
        RestConfig defaults = new RestConfig(Map.of());

        assertThat(defaults.listeners()).containsExactly(new RestConfig.Listener("http", "localhost", 8083));
        assertThat(new RestConfig(Map.of("listeners", "http://:8083,https://0.0.0.0:8443")).listeners())
                .containsExactly(
                        new RestConfig.Listener("http", "", 8083), new RestConfig.Listener("https", "0.0.0.0", 8443));
        assertThatThrownBy(() -> new RestConfig(Map.of("listeners", "ftp://localhost:21")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("with protocol http or https");
        assertThatThrownBy(() -> new RestConfig(Map.of("listeners", "http://localhost")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("is not protocol://host:port");
    }
}
