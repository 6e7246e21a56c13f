package io.tributary.runtime.rest;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigDef.Importance;
import io.tributary.sdk.config.ConfigDef.Type;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.config.ParsedConfig;
import io.tributary.sdk.config.Password;
import io.tributary.sdk.config.Validator;
import io.tributary.sdk.errors.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The REST API's settings, with Kafka Connect's names where Connect has the setting. */
public final class RestConfig {
    public static final String LISTENERS = "listeners";
    public static final String ADVERTISED_HOST = "rest.advertised.host.name";
    public static final String ADVERTISED_PORT = "rest.advertised.port";
    public static final String ADVERTISED_LISTENER = "rest.advertised.listener";
    public static final String CORS_ORIGIN = "access.control.allow.origin";
    public static final String CORS_METHODS = "access.control.allow.methods";
    public static final String USERS_FILE = "rest.basic.auth.users.file";
    public static final String MAX_REQUEST_BYTES = "rest.request.max.bytes";

    /** The prefix of the TLS settings of an {@code https} listener, as in Kafka Connect. */
    public static final String HTTPS_PREFIX = "listeners.https.";

    public static final String SSL_KEYSTORE_LOCATION = "ssl.keystore.location";
    public static final String SSL_KEYSTORE_PASSWORD = "ssl.keystore.password";
    public static final String SSL_KEYSTORE_TYPE = "ssl.keystore.type";
    public static final String SSL_KEY_PASSWORD = "ssl.key.password";
    public static final String SSL_TRUSTSTORE_LOCATION = "ssl.truststore.location";
    public static final String SSL_TRUSTSTORE_PASSWORD = "ssl.truststore.password";
    public static final String SSL_TRUSTSTORE_TYPE = "ssl.truststore.type";
    public static final String SSL_CLIENT_AUTH = "ssl.client.auth";
    public static final String SSL_PROTOCOL = "ssl.protocol";
    public static final String SSL_ENABLED_PROTOCOLS = "ssl.enabled.protocols";
    public static final String SSL_CIPHER_SUITES = "ssl.cipher.suites";

    private static final Pattern LISTENER =
            Pattern.compile("(?i)(https?)://(\\[[0-9a-fA-F:.]+\\]|[^:/\\[\\]]*):([0-9]{1,5})/?");

    /** The settings this class reads. */
    public static final ConfigDef DEFINITION = ConfigDef.builder()
            .define(ConfigKey.builder(LISTENERS, Type.LIST)
                    .defaultValue("http://localhost:8083")
                    .importance(Importance.HIGH)
                    .documentation("Where the REST API listens: protocol://host:port, separated by commas; http"
                            + " or https. An empty host listens on every interface; port 0 picks a free one."))
            .define(ConfigKey.builder(ADVERTISED_HOST, Type.STRING)
                    .defaultValue("")
                    .documentation("The host name other workers and statuses use for this worker; by default the"
                            + " first listener's host."))
            .define(ConfigKey.builder(ADVERTISED_PORT, Type.INT)
                    .defaultValue(0)
                    .validator(Validator.between(0, 65535))
                    .documentation("The port other workers and statuses use for this worker; 0 (the default) uses"
                            + " the port the first listener bound."))
            .define(ConfigKey.builder(ADVERTISED_LISTENER, Type.STRING)
                    .defaultValue("")
                    .validator(Validator.oneOfIgnoreCase("", "http", "https"))
                    .documentation("Which listener's protocol to advertise, http or https; by default the first's."))
            .define(ConfigKey.builder(CORS_ORIGIN, Type.STRING)
                    .defaultValue("")
                    .documentation("Origins browsers may call the API from, separated by commas, or * for any;"
                            + " empty (the default) turns CORS off."))
            .define(ConfigKey.builder(CORS_METHODS, Type.STRING)
                    .defaultValue("")
                    .documentation("Methods cross-origin requests may use, separated by commas; by default GET,"
                            + " POST and HEAD."))
            .define(ConfigKey.builder(USERS_FILE, Type.STRING)
                    .defaultValue("")
                    .documentation("A file of user:password-hash lines, made with 'tributary hash-password'; when"
                            + " set, every request needs HTTP basic credentials of one of those users."))
            .define(ConfigKey.builder(MAX_REQUEST_BYTES, Type.LONG)
                    .defaultValue(1_048_576L)
                    .validator(Validator.atLeast(1024))
                    .documentation("The largest request body the API accepts, in bytes; larger ones get 413."))
            .build();

    /** One place the API listens. */
    public record Listener(String protocol, String host, int port) {
        /** @return whether this listener uses TLS */
        public boolean tls() {
            return protocol.equals("https");
        }
    }

    /** TLS settings of the https listener, Kafka's {@code ssl.*} names. */
    public record Tls(
            String keystoreLocation,
            Password keystorePassword,
            String keystoreType,
            Password keyPassword,
            String truststoreLocation,
            Password truststorePassword,
            String truststoreType,
            String clientAuth,
            String protocol,
            List<String> enabledProtocols,
            List<String> cipherSuites) {}

    private final ParsedConfig config;
    private final List<Listener> listeners;
    private final Map<String, String> settings;

    /**
     * @param settings the worker's settings
     * @throws ConfigException listing every invalid setting
     */
    public RestConfig(Map<String, String> settings) {
        this.settings = Map.copyOf(settings);
        this.config = DEFINITION.parse(settings);
        this.listeners = parseListeners(config.getList(LISTENERS));
    }

    private static List<Listener> parseListeners(List<String> values) {
        List<Listener> parsed = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String value : values) {
            if (value.isBlank()) {
                continue;
            }
            Matcher matcher = LISTENER.matcher(value.trim());
            if (!matcher.matches()) {
                problems.add("Listener '" + value + "' is not protocol://host:port, with protocol http or https, as"
                        + " in http://localhost:8083 (an empty host, http://:8083, listens on every interface)");
                continue;
            }
            int port = Integer.parseInt(matcher.group(3));
            if (port > 65535) {
                problems.add("Listener '" + value + "' has port " + port + "; ports go up to 65535");
                continue;
            }
            String host = matcher.group(2) == null ? "" : matcher.group(2).replaceAll("^\\[|\\]$", "");
            parsed.add(new Listener(matcher.group(1).toLowerCase(Locale.ROOT), host, port));
        }
        if (parsed.isEmpty() && problems.isEmpty()) {
            problems.add("Setting 'listeners' is empty; give at least one, such as http://localhost:8083");
        }
        if (!problems.isEmpty()) {
            throw new ConfigException("Invalid REST listeners", problems);
        }
        return List.copyOf(parsed);
    }

    /** @return where the API listens, in the order given */
    public List<Listener> listeners() {
        return listeners;
    }

    /** @return the advertised host, if set */
    public Optional<String> advertisedHost() {
        String host = config.getString(ADVERTISED_HOST);
        return host.isBlank() ? Optional.empty() : Optional.of(host);
    }

    /** @return the advertised port, or 0 to use the bound one */
    public int advertisedPort() {
        return config.getInt(ADVERTISED_PORT);
    }

    /** @return the advertised protocol, if set */
    public Optional<String> advertisedListener() {
        String protocol = config.getString(ADVERTISED_LISTENER);
        return protocol.isBlank() ? Optional.empty() : Optional.of(protocol.toLowerCase(Locale.ROOT));
    }

    /** @return the CORS origins, empty when CORS is off */
    public List<String> corsOrigins() {
        return split(config.getString(CORS_ORIGIN));
    }

    /** @return the methods cross-origin requests may use */
    public List<String> corsMethods() {
        List<String> methods = split(config.getString(CORS_METHODS));
        return methods.isEmpty() ? List.of("GET", "POST", "HEAD") : methods;
    }

    /** @return the users file, if basic authentication is on */
    public Optional<String> usersFile() {
        String file = config.getString(USERS_FILE);
        return file.isBlank() ? Optional.empty() : Optional.of(file);
    }

    /** @return the largest request body accepted, in bytes */
    public long maxRequestBytes() {
        return config.getLong(MAX_REQUEST_BYTES);
    }

    /**
     * TLS settings for the https listener: {@code listeners.https.ssl.*}, falling back to {@code ssl.*}, as in
     * Kafka Connect.
     *
     * @return the settings
     * @throws ConfigException if no keystore is given
     */
    public Tls tls() {
        String location = ssl(SSL_KEYSTORE_LOCATION, "");
        if (location.isBlank()) {
            throw new ConfigException("An https listener needs a keystore: set " + HTTPS_PREFIX + SSL_KEYSTORE_LOCATION
                    + " (and " + HTTPS_PREFIX + SSL_KEYSTORE_PASSWORD + ")");
        }
        String clientAuth = ssl(SSL_CLIENT_AUTH, "none").toLowerCase(Locale.ROOT);
        if (!List.of("none", "requested", "required").contains(clientAuth)) {
            throw new ConfigException("Setting " + HTTPS_PREFIX + SSL_CLIENT_AUTH + " must be none, requested or"
                    + " required, got '" + clientAuth + "'");
        }
        return new Tls(
                location,
                new Password(ssl(SSL_KEYSTORE_PASSWORD, "")),
                ssl(SSL_KEYSTORE_TYPE, "PKCS12"),
                new Password(ssl(SSL_KEY_PASSWORD, "")),
                ssl(SSL_TRUSTSTORE_LOCATION, ""),
                new Password(ssl(SSL_TRUSTSTORE_PASSWORD, "")),
                ssl(SSL_TRUSTSTORE_TYPE, "PKCS12"),
                clientAuth,
                ssl(SSL_PROTOCOL, "TLS"),
                split(ssl(SSL_ENABLED_PROTOCOLS, "")),
                split(ssl(SSL_CIPHER_SUITES, "")));
    }

    private String ssl(String name, String fallback) {
        String value = settings.get(HTTPS_PREFIX + name);
        if (value == null) {
            value = settings.get(name);
        }
        return value == null ? fallback : value.trim();
    }

    private static List<String> split(String value) {
        return value == null || value.isBlank()
                ? List.of()
                : List.of(value.split("\\s*,\\s*")).stream()
                        .filter(s -> !s.isBlank())
                        .toList();
    }
}
