package io.tributary.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.sdk.errors.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryConfigProviderTest {

    @TempDir
    Path dir;

    @Test
    void eachRegularFileIsAKeyWithItsContentKeptAsIs() throws IOException {
        Files.writeString(dir.resolve("db-password"), "s3cret\n");
        Files.writeString(dir.resolve("api-key"), "  key with spaces  ");
        Files.createDirectory(dir.resolve("nested"));
        Files.writeString(dir.resolve("nested").resolve("deeper"), "not read");

        Map<String, String> data = configured(Map.of()).get(dir.toString()).data();

        assertThat(data)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("db-password", "s3cret\n", "api-key", "  key with spaces  "));
    }

    @Test
    void followsSymbolicLinksToFilesAsMountedSecretsUse() throws IOException {
        Path data = Files.createDirectory(dir.resolve("..data"));
        Files.writeString(data.resolve("token"), "abc");
        Files.createSymbolicLink(dir.resolve("token"), data.resolve("token"));

        assertThat(configured(Map.of()).get(dir.toString()).data()).containsExactly(Map.entry("token", "abc"));
    }

    @Test
    void readsOnlyTheFilesAskedFor() throws IOException {
        Files.writeString(dir.resolve("wanted"), "yes");
        Files.writeString(dir.resolve("other"), "no");

        Map<String, String> data = configured(Map.of())
                .get(dir.toString(), Set.of("wanted", "absent"))
                .data();

        assertThat(data).containsExactly(Map.entry("wanted", "yes"));
    }

    @Test
    void aPathThatIsNotADirectoryIsRefusedNamingIt() throws IOException {
        Path file = Files.writeString(dir.resolve("secrets.properties"), "a=b\n");
        Path missing = dir.resolve("missing");

        assertThatThrownBy(() -> configured(Map.of()).get(file.toString()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'" + file + "': it is not a directory")
                .hasMessageContaining("FileConfigProvider");
        assertThatThrownBy(() -> configured(Map.of()).get(missing.toString()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'" + missing + "': it does not exist");
    }

    @Test
    void refusesADirectoryOutsideAllowedPaths() throws IOException {
        Path secrets = Files.createDirectory(dir.resolve("secrets"));
        Path other = Files.createDirectory(dir.resolve("other"));
        Files.writeString(secrets.resolve("token"), "abc");
        DirectoryConfigProvider provider =
                configured(Map.of(DirectoryConfigProvider.ALLOWED_PATHS, secrets.toString()));

        assertThat(provider.get(secrets.toString()).data()).containsEntry("token", "abc");
        assertThatThrownBy(() -> provider.get(other.toString(), Set.of("token")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Path '" + other + "' is outside the provider's allowed.paths");
    }

    private static DirectoryConfigProvider configured(Map<String, ?> settings) {
        DirectoryConfigProvider provider = new DirectoryConfigProvider();
        provider.configure(settings);
        return provider;
    }
}
