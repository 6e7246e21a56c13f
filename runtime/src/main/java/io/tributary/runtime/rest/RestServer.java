package io.tributary.runtime.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.tributary.runtime.control.ConnectorControl;
import io.tributary.runtime.control.ControlException;
import io.tributary.runtime.control.NotLeaderException;
import io.tributary.runtime.rest.RestConfig.Listener;
import io.tributary.sdk.errors.ConfigException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's REST API server. It binds its listeners when started, so the worker can take its advertised
 * address as its id; until {@link #serve(ConnectorControl)} gives it the engine, every request gets 503.
 * Thread-safe.
 */
public final class RestServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);

    private final RestConfig config;
    private final Javalin app;
    private final List<ServerConnector> connectors = new ArrayList<>();
    private final AtomicReference<ConnectorControl> control = new AtomicReference<>();
    private volatile LeaderForwarding forwarding;

    private RestServer(RestConfig config, String version, String commit) {
        this.config = config;
        ObjectMapper json = new ObjectMapper();
        JsonShapes shapes = new JsonShapes(json);
        Routes routes = new Routes(this::control, shapes, new RequestBodies(json), version, commit);
        UsersFile users = config.usersFile().map(Path::of).map(UsersFile::read).orElse(null);
        this.app = Javalin.create(javalin -> configure(javalin, routes, shapes, users));
    }

    /**
     * Binds the listeners.
     *
     * @param config the REST settings
     * @param version the worker's version, shown at {@code GET /}
     * @param commit the commit it was built from, shown at {@code GET /}
     * @return the server, answering 503 until {@link #serve(ConnectorControl)} is called
     * @throws ConfigException if the settings are wrong or a listener cannot bind
     */
    public static RestServer start(RestConfig config, String version, String commit) {
        if (config.listeners().stream().anyMatch(Listener::tls)) {
            config.tls(); // refuses missing TLS settings before anything binds
        }
        RestServer server = new RestServer(config, version, commit);
        try {
            server.app.start();
        } catch (RuntimeException e) {
            server.app.stop();
            Throwable cause = rootCause(e);
            ConfigException refused = cause instanceof java.net.BindException
                    ? new ConfigException("The REST API cannot listen on " + config.listeners() + " (" + cause
                            + "); pick free ports in '" + RestConfig.LISTENERS + "', or stop what uses them")
                    : new ConfigException("The REST API cannot start (" + cause + "); check '" + RestConfig.LISTENERS
                            + "' and, for https, the " + RestConfig.HTTPS_PREFIX + "ssl.* settings");
            refused.initCause(e);
            throw refused;
        }
        LOG.info("REST API listening on {}, advertised as {}", server.boundUrls(), server.advertisedUrl());
        return server;
    }

    /** @param engine what requests are answered with, from now on */
    public void serve(ConnectorControl engine) {
        control.set(Objects.requireNonNull(engine, "engine"));
    }

    private ConnectorControl control() {
        ConnectorControl engine = control.get();
        if (engine == null) {
            throw new ControlException(
                    ControlException.Reason.UNAVAILABLE, "The worker is still starting; try again in a moment");
        }
        return engine;
    }

    private void configure(JavalinConfig javalin, Routes routes, JsonShapes shapes, UsersFile users) {
        javalin.startup.showJavalinBanner = false;
        javalin.startup.showOldJavalinVersionWarning = false;
        javalin.http.maxRequestSize = config.maxRequestBytes();
        javalin.http.prefer405over404 = true;
        javalin.http.defaultContentType = "application/json";
        javalin.router.ignoreTrailingSlashes = true;
        javalin.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
        for (Listener listener : config.listeners()) {
            javalin.jetty.addConnector((server, http) -> connector(server, http, listener));
        }
        Cors cors = new Cors(config.corsOrigins(), config.corsMethods());
        javalin.routes.before(ctx -> {
            cors.apply(ctx);
            if (users != null && !(ctx.method() == HandlerType.OPTIONS && cors.enabled())) {
                BasicAuth.require(ctx, users);
            }
        });
        if (cors.enabled()) {
            javalin.routes.addHttpHandler(HandlerType.OPTIONS, "/*", cors::preflight);
        }
        routes.register(javalin.routes);
        javalin.routes.exception(
                NotLeaderException.class, (e, ctx) -> forwarding().forward(ctx, e, shapes));
        javalin.routes.exception(ControlException.class, (e, ctx) -> {
            int status = Errors.status(e.reason());
            error(ctx, shapes, status, e.getMessage());
        });
        javalin.routes.exception(
                HttpResponseException.class,
                (e, ctx) -> error(
                        ctx, shapes, e.getStatus(), Errors.httpMessage(e.getStatus(), ctx, config.maxRequestBytes())));
        javalin.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            error(
                    ctx,
                    shapes,
                    500,
                    "The worker failed to answer " + ctx.method() + " " + ctx.path() + " ("
                            + e.getClass().getSimpleName() + ": " + e.getMessage() + "); its log has the details");
        });
        for (int status : new int[] {404, 405}) {
            javalin.routes.error(status, "*", ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    error(ctx, shapes, status, Errors.httpMessage(status, ctx, config.maxRequestBytes()));
                }
            });
        }
    }

    /** The forwarding of changes to the leader, made once the listeners are bound and the worker has its id. */
    private LeaderForwarding forwarding() {
        LeaderForwarding current = forwarding;
        if (current == null) {
            boolean tls = config.listeners().stream().anyMatch(Listener::tls);
            current = new LeaderForwarding(tls ? Optional.of(config.tls()) : Optional.empty(), workerId());
            forwarding = current;
        }
        return current;
    }

    private static void error(Context ctx, JsonShapes shapes, int status, String message) {
        ctx.status(status)
                .contentType("application/json")
                .result(shapes.error(status, message).toString());
    }

    private ServerConnector connector(Server server, HttpConfiguration http, Listener listener) {
        ServerConnector connector;
        if (listener.tls()) {
            RestConfig.Tls tls = config.tls();
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStorePath(tls.keystoreLocation());
            ssl.setKeyStorePassword(tls.keystorePassword().value());
            ssl.setKeyStoreType(tls.keystoreType());
            if (!tls.keyPassword().value().isEmpty()) {
                ssl.setKeyManagerPassword(tls.keyPassword().value());
            }
            if (!tls.truststoreLocation().isEmpty()) {
                ssl.setTrustStorePath(tls.truststoreLocation());
                ssl.setTrustStorePassword(tls.truststorePassword().value());
                ssl.setTrustStoreType(tls.truststoreType());
            }
            ssl.setProtocol(tls.protocol());
            if (!tls.enabledProtocols().isEmpty()) {
                ssl.setIncludeProtocols(tls.enabledProtocols().toArray(String[]::new));
            }
            if (!tls.cipherSuites().isEmpty()) {
                ssl.setIncludeCipherSuites(tls.cipherSuites().toArray(String[]::new));
            }
            ssl.setNeedClientAuth(tls.clientAuth().equals("required"));
            ssl.setWantClientAuth(tls.clientAuth().equals("requested"));
            HttpConfiguration https = new HttpConfiguration(http);
            // Whether the certificate names the host the client used is the client's to check (it may use an IP
            // address the certificate does not list, and choose to trust it); the server does not refuse it.
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            secure.setSniHostCheck(false);
            https.addCustomizer(secure);
            connector = new ServerConnector(
                    server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
        } else {
            connector = new ServerConnector(server, new HttpConnectionFactory(http));
        }
        connector.setHost(listener.host().isEmpty() ? null : listener.host());
        connector.setPort(listener.port());
        connectors.add(connector);
        return connector;
    }

    /** @return the URL of each listener as bound, with the port it got */
    public List<URI> boundUrls() {
        List<URI> urls = new ArrayList<>();
        for (int i = 0; i < connectors.size(); i++) {
            Listener listener = config.listeners().get(i);
            String host = listener.host().isEmpty() ? "0.0.0.0" : listener.host();
            urls.add(URI.create(listener.protocol() + "://" + bracketed(host) + ":"
                    + connectors.get(i).getLocalPort()));
        }
        return urls;
    }

    /**
     * @return the URL other workers and tools should use: {@code rest.advertised.*} where set, else the first
     *     listener of the advertised protocol
     */
    public URI advertisedUrl() {
        String protocol =
                config.advertisedListener().orElse(config.listeners().get(0).protocol());
        int index = 0;
        for (int i = 0; i < config.listeners().size(); i++) {
            if (config.listeners().get(i).protocol().equals(protocol)) {
                index = i;
                break;
            }
        }
        Listener listener = config.listeners().get(index);
        String host = config.advertisedHost().orElse(listener.host().isEmpty() ? localHostName() : listener.host());
        int port = config.advertisedPort() > 0
                ? config.advertisedPort()
                : connectors.get(index).getLocalPort();
        return URI.create(protocol + "://" + bracketed(host) + ":" + port);
    }

    /** @return the advertised {@code host:port}, the worker id statuses show */
    public String workerId() {
        URI url = advertisedUrl();
        return url.getHost() + ":" + url.getPort();
    }

    private static String localHostName() {
        try {
            return java.net.InetAddress.getLocalHost().getCanonicalHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }

    private static String bracketed(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** Stops listening; requests in progress are cut off. */
    @Override
    public void close() {
        app.stop();
    }
}
