package io.tributary.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.sdk.errors.ConfigException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EnvVarConfigProviderTest {
    // PATH is set in every environment the tests run in, so the tests need not set variables.
    private static final String PATH = "PATH";

    @Test
    void readsAnEnvironmentVariable() {
        EnvVarConfigProvider provider = configured(Map.of());

        assertThat(provider.get("", Set.of(PATH)).data()).containsExactly(Map.entry(PATH, System.getenv(PATH)));
        assertThat(provider.get("").data()).containsAllEntriesOf(System.getenv());
    }

    @Test
    void theAllowlistLimitsWhichVariablesMayBeRead() {
        EnvVarConfigProvider provider =
                configured(Map.of(EnvVarConfigProvider.ALLOWLIST_PATTERN, "PATH|TRIBUTARY_NO_SUCH_VARIABLE"));

        assertThat(provider.get("").data()).containsOnlyKeys(PATH);
    }

    @Test
    void aVariableTheAllowlistRefusesIsMissing() {
        EnvVarConfigProvider provider = configured(Map.of(EnvVarConfigProvider.ALLOWLIST_PATTERN, "TRIBUTARY_.*"));

        assertThat(provider.get("", Set.of(PATH)).data()).isEmpty();
    }

    @Test
    void theAllowlistMustMatchTheWholeName() {
        EnvVarConfigProvider provider = configured(Map.of(EnvVarConfigProvider.ALLOWLIST_PATTERN, "PA"));

        assertThat(provider.get("", Set.of(PATH)).data()).isEmpty();
    }

    @Test
    void anInvalidAllowlistIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> configured(Map.of(EnvVarConfigProvider.ALLOWLIST_PATTERN, "DB_[")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'allowlist.pattern'")
                .hasMessageContaining("\"DB_[\"")
                .hasMessageContaining("not a valid regular expression");
    }

    @Test
    void aPathIsRefusedShowingTheReferenceSyntax() {
        assertThatThrownBy(() -> configured(Map.of()).get("/etc", Set.of(PATH)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("path '/etc'")
                .hasMessageContaining("${<alias>:<VARIABLE>}");
    }

    private static EnvVarConfigProvider configured(Map<String, ?> settings) {
        EnvVarConfigProvider provider = new EnvVarConfigProvider();
        provider.configure(settings);
        return provider;
    }
}
