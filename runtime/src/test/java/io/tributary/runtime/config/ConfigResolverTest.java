package io.tributary.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.sdk.errors.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigResolverTest {
    private static final String RECORDING = TestProviders.Recording.class.getName();

    @TempDir
    Path dir;

    private final TestProviders plugins = new TestProviders();

    @Test
    void resolvesSeveralReferencesInOneValueAndTheTextAroundThem() throws IOException {
        Path db = Files.writeString(dir.resolve("db.properties"), "user=app\npassword=s3cret\nhost=db.local\n");
        Map<String, String> worker = Map.of(
                "config.providers", "file, env",
                "config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider",
                "config.providers.env.class", "EnvVarConfigProvider");

        try (ConfigResolver resolver = ConfigResolver.fromWorkerSettings(worker, plugins)) {
            Map<String, String> resolved = resolver.resolve(Map.of(
                    "connection.url",
                    "jdbc:postgresql://${file:" + db + ":host}:5432/orders?ssl=true",
                    "credentials",
                    "${file:" + db + ":user}:${file:" + db + ":password}",
                    "search.path",
                    "${env:PATH}",
                    "plain",
                    "no references here"));

            assertThat(resolved)
                    .containsEntry("connection.url", "jdbc:postgresql://db.local:5432/orders?ssl=true")
                    .containsEntry("credentials", "app:s3cret")
                    .containsEntry("search.path", System.getenv("PATH"))
                    .containsEntry("plain", "no references here");
        }
    }

    @Test
    void keepsTheOrderOfSettingsAndNullValues() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("z", "${rec:p:z}");
        config.put("a", null);
        config.put("m", "${rec:m}");

        try (ConfigResolver resolver = recording(Map.of())) {
            Map<String, String> resolved = resolver.resolve(config);

            assertThat(resolved).containsExactly(Map.entry("z", "p/z"), entryWithNull("a"), Map.entry("m", "/m"));
        }
    }

    @Test
    void asksEachProviderOncePerPathWithEveryKeyWanted() {
        try (ConfigResolver resolver = recording(Map.of())) {
            resolver.resolve(Map.of("one", "${rec:p:a}${rec:q:c}", "two", "${rec:p:b} and ${rec:p:a}"));

            assertThat(plugins.recording().calls).containsExactlyInAnyOrder("p [a, b]", "q [c]");
        }
    }

    @Test
    void passesTheParamsOfItsAliasWithThePrefixRemoved() {
        Map<String, String> worker = new HashMap<>(Map.of(
                "config.providers", "rec",
                "config.providers.rec.class", RECORDING,
                "config.providers.rec.param.vault.address", "https://vault:8200",
                "config.providers.rec.param.ttl.ms", "1000",
                "config.providers.other.param.leaked", "no",
                "config.providers.recording.param.leaked", "no"));

        ConfigResolver resolver = ConfigResolver.fromWorkerSettings(worker, plugins);
        try (resolver) {
            assertThat(plugins.recording().settings)
                    .isEqualTo(Map.of("vault.address", "https://vault:8200", "ttl.ms", "1000"));
        }
    }

    @Test
    void leavesAReferenceToAnUnknownAliasUnchangedAndReportsIt() {
        try (ConfigResolver resolver = recording(Map.of())) {
            Map<String, String> config = Map.of("password", "${vault:secret/db:password}", "user", "${rec:p:user}");

            assertThat(resolver.resolve(config))
                    .containsEntry("password", "${vault:secret/db:password}")
                    .containsEntry("user", "p/user");
            assertThat(resolver.unresolved(config))
                    .containsExactly("Setting 'password' refers to ${vault:secret/db:password}, but no config"
                            + " provider is called 'vault' (the worker has rec); add it to the worker's"
                            + " config.providers with config.providers.vault.class, or correct the alias");
        }
    }

    @Test
    void leavesAMissingKeyUnchangedAndReportsIt() {
        try (ConfigResolver resolver = recording(Map.of())) {
            Map<String, String> config = Map.of("password", "pre-${rec:p:missing}-post", "token", "${rec:missing}");

            assertThat(resolver.resolve(config))
                    .containsEntry("password", "pre-${rec:p:missing}-post")
                    .containsEntry("token", "${rec:missing}");
            assertThat(resolver.unresolved(config))
                    .containsExactly(
                            "Setting 'password' refers to ${rec:p:missing}, but config provider 'rec' has no key"
                                    + " 'missing' at path 'p'; add it there, check that the provider's settings"
                                    + " allow reading it, or correct the reference",
                            "Setting 'token' refers to ${rec:missing}, but config provider 'rec' has no key"
                                    + " 'missing'; add it there, check that the provider's settings allow reading"
                                    + " it, or correct the reference");
        }
    }

    @Test
    void reportsNothingWhenEveryReferenceResolves() {
        try (ConfigResolver resolver = recording(Map.of())) {
            assertThat(resolver.unresolved(Map.of("a", "${rec:p:a}", "b", "plain")))
                    .isEmpty();
        }
    }

    @Test
    void aProviderThatCannotReadItsPathFailsResolutionNamingTheSetting() {
        try (ConfigResolver resolver = recording(Map.of())) {
            Map<String, String> config = Map.of("password", "${rec:broken:password}", "user", "${rec:p:user}");
            String problem = "Setting 'password' refers to ${rec:broken:password}, but config provider 'rec' cannot"
                    + " read it: Cannot read 'broken': it is broken; mend it";

            assertThatThrownBy(() -> resolver.resolve(config))
                    .isInstanceOfSatisfying(
                            ConfigException.class, e -> assertThat(e.problems()).containsExactly(problem))
                    .hasCauseInstanceOf(ConfigException.class);
            assertThat(resolver.unresolved(config)).containsExactly(problem);
        }
    }

    @Test
    void aFileOutsideAllowedPathsIsReportedWithTheProvidersReason() throws IOException {
        Path secrets = Files.createDirectory(dir.resolve("secrets"));
        Path outside = Files.writeString(dir.resolve("db.properties"), "password=s3cret\n");
        Map<String, String> worker = Map.of(
                "config.providers", "file",
                "config.providers.file.class", "FileConfigProvider",
                "config.providers.file.param.allowed.paths", secrets.toString());

        try (ConfigResolver resolver = ConfigResolver.fromWorkerSettings(worker, plugins)) {
            Map<String, String> config = Map.of("password", "${file:" + outside + ":password}");

            assertThat(resolver.unresolved(config))
                    .singleElement()
                    .asString()
                    .contains("Setting 'password' refers to ${file:" + outside + ":password}")
                    .contains("Path '" + outside + "' is outside the provider's allowed.paths (" + secrets + ")");
        }
    }

    @Test
    void doesNotResolveTheValuesAProviderReturns() throws IOException {
        Path file = Files.writeString(dir.resolve("a.properties"), "looks.like=${env:PATH}\n");
        Map<String, String> worker = Map.of(
                "config.providers", "file,env",
                "config.providers.file.class", "FileConfigProvider",
                "config.providers.env.class", "EnvVarConfigProvider");

        try (ConfigResolver resolver = ConfigResolver.fromWorkerSettings(worker, plugins)) {
            assertThat(resolver.resolve(Map.of("x", "${file:" + file + ":looks.like}")))
                    .containsEntry("x", "${env:PATH}");
        }
    }

    @Test
    void withoutProvidersEveryReferenceStaysAndIsReported() {
        try (ConfigResolver resolver = ConfigResolver.fromWorkerSettings(Map.of(), plugins)) {
            assertThat(resolver.resolve(Map.of("a", "${file:/x:y}"))).containsEntry("a", "${file:/x:y}");
            assertThat(resolver.unresolved(Map.of("a", "${file:/x:y}")))
                    .singleElement()
                    .asString()
                    .contains("no config provider is called 'file' (the worker has none)");
        }
    }

    @Test
    void theShortestTimeToLiveOfTheValuesUsedIsReported() {
        try (ConfigResolver resolver = recording(Map.of("ttl.ms", "60000", "ttl.ms.short", "5000"))) {
            assertThat(resolver.minimumTtl(Map.of("a", "${rec:long:a}", "b", "${rec:short:b}")))
                    .contains(Duration.ofSeconds(5));
            assertThat(resolver.minimumTtl(Map.of("a", "${rec:long:a}", "b", "${rec:short:missing}")))
                    .as("a path that supplied no value does not count")
                    .contains(Duration.ofMinutes(1));
            assertThat(resolver.minimumTtl(Map.of("a", "plain"))).isEmpty();
        }
    }

    @Test
    void valuesThatDoNotExpireHaveNoTimeToLive() {
        try (ConfigResolver resolver = recording(Map.of())) {
            assertThat(resolver.minimumTtl(Map.of("a", "${rec:p:a}"))).isEmpty();
        }
    }

    @Test
    void everyProviderProblemIsReportedAtOnceAndThoseMadeAreClosed() {
        Map<String, String> worker = Map.of(
                "config.providers", "rec,nameless,ghost,picky",
                "config.providers.rec.class", RECORDING,
                "config.providers.ghost.class", "com.example.GhostProvider",
                "config.providers.picky.class", "FileConfigProvider",
                "config.providers.picky.param.allowed.paths", "relative");

        assertThatThrownBy(() -> ConfigResolver.fromWorkerSettings(worker, plugins))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .hasSize(3)
                                .anySatisfy(problem -> assertThat(problem)
                                        .startsWith(
                                                "config.providers lists 'nameless' but config.providers.nameless.class"
                                                        + " is not set"))
                                .anySatisfy(problem -> assertThat(problem)
                                        .startsWith("Config provider 'ghost' (config.providers.ghost.class="
                                                + "com.example.GhostProvider) cannot be made: ")
                                        .contains("not found"))
                                .anySatisfy(problem -> assertThat(problem)
                                        .startsWith("Config provider 'picky' (FileConfigProvider) refused its settings"
                                                + " config.providers.picky.param.*: ")
                                        .contains("'relative' is not an absolute path")));
        assertThat(plugins.recording().closed).isTrue();
    }

    @Test
    void anAliasNoReferenceCouldNameIsRefused() {
        Map<String, String> worker = Map.of("config.providers", "a:b", "config.providers.a:b.class", RECORDING);

        assertThatThrownBy(() -> ConfigResolver.fromWorkerSettings(worker, plugins))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("alias 'a:b'");
    }

    @Test
    void closingClosesTheProvidersAndEndsResolution() {
        ConfigResolver resolver = recording(Map.of());

        resolver.close();
        resolver.close();

        assertThat(plugins.recording().closed).isTrue();
        assertThatThrownBy(() -> resolver.resolve(Map.of("a", "b")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    private ConfigResolver recording(Map<String, String> params) {
        Map<String, String> worker = new HashMap<>();
        worker.put("config.providers", "rec");
        worker.put("config.providers.rec.class", RECORDING);
        params.forEach((name, value) -> worker.put("config.providers.rec.param." + name, value));
        return ConfigResolver.fromWorkerSettings(worker, plugins);
    }

    private static Map.Entry<String, String> entryWithNull(String key) {
        return new java.util.AbstractMap.SimpleEntry<>(key, null);
    }
}
