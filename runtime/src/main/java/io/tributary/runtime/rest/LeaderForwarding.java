package io.tributary.runtime.rest;

import io.javalin.http.Context;
import io.tributary.runtime.control.NotLeaderException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a change that only the leader may make to the leader's REST API, as the client sent it (method,
 * path, query, body, credentials), and relays the leader's answer. A request is forwarded once: one that
 * arrives forwarded at a worker that does not lead either is refused as a conflict, since leadership is then
 * moving and the client should retry. Thread-safe.
 */
final class LeaderForwarding {
    private static final Logger LOG = LoggerFactory.getLogger(LeaderForwarding.class);
    /** Marks a forwarded request with the worker that forwarded it. */
    static final String FORWARDED_BY = "X-Tributary-Forwarded-By";

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(90);
    private static final List<String> PASSED_HEADERS = List.of("Authorization", "Content-Type", "Accept");

    private final HttpClient client;
    private final String workerId;

    /**
     * @param tls the worker's TLS settings, to trust the leader's certificate and show its own; empty for the
     *     JDK's defaults
     * @param workerId this worker, named in forwarded requests
     */
    LeaderForwarding(Optional<RestConfig.Tls> tls, String workerId) {
        HttpClient.Builder builder =
                HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER);
        tls.map(LeaderForwarding::sslContext).ifPresent(builder::sslContext);
        this.client = builder.build();
        this.workerId = workerId;
    }

    /** Forwards the request in {@code ctx} to the leader named in {@code refusal} and answers with its reply. */
    void forward(Context ctx, NotLeaderException refusal, JsonShapes shapes) {
        String forwardedBy = ctx.header(FORWARDED_BY);
        if (forwardedBy != null) {
            conflict(
                    ctx,
                    shapes,
                    "This request was forwarded by " + forwardedBy + " to " + workerId + ", which no longer leads the"
                            + " cluster: leadership is moving. Retry in a moment");
            return;
        }
        URI leader = refusal.leaderUrl();
        String query = ctx.queryString();
        URI target = leader.resolve(ctx.path() + (query == null || query.isEmpty() ? "" : "?" + query));
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(REQUEST_TIMEOUT)
                .header(FORWARDED_BY, workerId)
                .method(ctx.method().name(), HttpRequest.BodyPublishers.ofByteArray(ctx.bodyAsBytes()));
        for (String header : PASSED_HEADERS) {
            String value = ctx.header(header);
            if (value != null) {
                request.header(header, value);
            }
        }
        try {
            HttpResponse<byte[]> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            ctx.status(answer.statusCode());
            answer.headers().firstValue("Content-Type").ifPresent(ctx::contentType);
            ctx.result(answer.body());
            LOG.debug("Forwarded {} {} to the leader at {}: {}", ctx.method(), ctx.path(), leader, answer.statusCode());
        } catch (IOException e) {
            conflict(
                    ctx,
                    shapes,
                    "This worker does not lead the cluster, and the leader at " + leader + " could not be reached (" + e
                            + "); retry in a moment, or send the request to the leader");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            conflict(ctx, shapes, "Interrupted while forwarding the request to the leader at " + leader);
        }
    }

    private static void conflict(Context ctx, JsonShapes shapes, String message) {
        ctx.status(409)
                .contentType("application/json")
                .result(shapes.error(409, message).toString());
    }

    private static SSLContext sslContext(RestConfig.Tls tls) {
        try {
            TrustManagerFactory trust = null;
            if (!tls.truststoreLocation().isEmpty()) {
                trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(load(
                        tls.truststoreLocation(),
                        tls.truststoreType(),
                        tls.truststorePassword().value()));
            }
            KeyManagerFactory keys = null;
            if (!tls.keystoreLocation().isEmpty()) {
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                String keyPassword = tls.keyPassword().value().isEmpty()
                        ? tls.keystorePassword().value()
                        : tls.keyPassword().value();
                keys.init(
                        load(
                                tls.keystoreLocation(),
                                tls.keystoreType(),
                                tls.keystorePassword().value()),
                        keyPassword.toCharArray());
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(
                    keys == null ? null : keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException(
                    "Cannot set up TLS to forward requests to the leader (" + e + "); check the "
                            + RestConfig.HTTPS_PREFIX + "ssl.* settings",
                    e);
        }
    }

    private static KeyStore load(String location, String type, String password)
            throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(Path.of(location))) {
            store.load(in, password.toCharArray());
        }
        return store;
    }
}
