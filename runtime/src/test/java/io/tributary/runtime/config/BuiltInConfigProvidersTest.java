package io.tributary.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sdk.provider.ConfigProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuiltInConfigProvidersTest {

    @Test
    void connectClassNamesAndSimpleNamesMapToTheTributaryClasses() {
        assertThat(BuiltInConfigProviders.aliases())
                .containsEntry("org.apache.kafka.common.config.provider.FileConfigProvider", FileConfigProvider.class)
                .containsEntry(
                        "org.apache.kafka.common.config.provider.EnvVarConfigProvider", EnvVarConfigProvider.class)
                .containsEntry(
                        "org.apache.kafka.common.config.provider.DirectoryConfigProvider",
                        DirectoryConfigProvider.class)
                .containsEntry("FileConfigProvider", FileConfigProvider.class)
                .containsEntry("EnvVarConfigProvider", EnvVarConfigProvider.class)
                .containsEntry("DirectoryConfigProvider", DirectoryConfigProvider.class)
                .hasSize(6);
        assertThat(BuiltInConfigProviders.lookup("com.example.VaultConfigProvider"))
                .isEmpty();
    }

    @Test
    void everyBuiltInIsAConfigProviderWithAPublicConstructor() throws ReflectiveOperationException {
        for (Class<?> type : BuiltInConfigProviders.providers()) {
            assertThat(type.getConstructor().newInstance()).isInstanceOf(ConfigProvider.class);
        }
    }

    @Test
    void theServiceFileListsEveryBuiltIn() throws IOException {
        String resource = "META-INF/services/" + ConfigProvider.class.getName();
        try (InputStream in = BuiltInConfigProviders.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            List<String> entries = Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
            assertThat(entries)
                    .containsExactlyInAnyOrderElementsOf(BuiltInConfigProviders.providers().stream()
                            .map(Class::getName)
                            .toList());
        }
    }
}
