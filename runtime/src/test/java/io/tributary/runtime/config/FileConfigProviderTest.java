package io.tributary.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.sdk.errors.ConfigException;
import io.tributary.sdk.provider.ConfigData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileConfigProviderTest {

    @TempDir
    Path dir;

    @Test
    void returnsEveryKeyOfThePropertiesFile() throws IOException {
        Path file = write("db.properties", "user=app\npassword = s3cr\\u00e9t\n# comment\nurl=jdbc:h2:mem:x\n");
        FileConfigProvider provider = configured(Map.of());

        ConfigData data = provider.get(file.toString());

        assertThat(data.data())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("user", "app", "password", "s3cré" + "t", "url", "jdbc:h2:mem:x"));
        assertThat(data.expiresAfter()).isEmpty();
    }

    @Test
    void returnsOnlyTheKeysAskedFor() throws IOException {
        Path file = write("db.properties", "user=app\npassword=secret\n");

        ConfigData data = configured(Map.of()).get(file.toString(), Set.of("password", "absent"));

        assertThat(data.data()).containsExactly(Map.entry("password", "secret"));
    }

    @Test
    void aMissingFileIsRefusedNamingThePath() {
        Path missing = dir.resolve("missing.properties");

        assertThatThrownBy(() -> configured(Map.of()).get(missing.toString()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'" + missing + "'")
                .hasMessageContaining("does not exist");
    }

    @Test
    void aDirectoryIsRefusedPointingToTheDirectoryProvider() {
        assertThatThrownBy(() -> configured(Map.of()).get(dir.toString()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("is a directory")
                .hasMessageContaining("DirectoryConfigProvider");
    }

    @Test
    void anEmptyPathIsRefusedShowingTheReferenceSyntax() {
        assertThatThrownBy(() -> configured(Map.of()).get(""))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("${<alias>:/path/to/file.properties:<key>}");
    }

    @Test
    void readsAFileInsideAllowedPaths() throws IOException {
        Path secrets = Files.createDirectory(dir.resolve("secrets"));
        Path other = Files.createDirectory(dir.resolve("other"));
        Path file = Files.writeString(secrets.resolve("db.properties"), "password=secret\n");
        FileConfigProvider provider = configured(Map.of(FileConfigProvider.ALLOWED_PATHS, other + ", " + secrets));

        assertThat(provider.get(file.toString()).data()).containsEntry("password", "secret");
    }

    @Test
    void refusesAFileOutsideAllowedPathsSayingSo() throws IOException {
        Path secrets = Files.createDirectory(dir.resolve("secrets"));
        Path outside = write("other.properties", "password=secret\n");
        FileConfigProvider provider = configured(Map.of(FileConfigProvider.ALLOWED_PATHS, secrets.toString()));

        assertThatThrownBy(() -> provider.get(outside.toString()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Path '" + outside + "' is outside")
                .hasMessageContaining("allowed.paths (" + secrets + ")");
    }

    @Test
    void refusesAPathThatClimbsOutOfAllowedPaths() throws IOException {
        Path secrets = Files.createDirectory(dir.resolve("secrets"));
        write("other.properties", "password=secret\n");
        FileConfigProvider provider = configured(Map.of(FileConfigProvider.ALLOWED_PATHS, secrets.toString()));

        assertThatThrownBy(() -> provider.get(secrets + "/../other.properties"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("is outside");
    }

    @Test
    void refusesARelativePathWhenAllowedPathsIsSet() throws IOException {
        FileConfigProvider provider = configured(Map.of(FileConfigProvider.ALLOWED_PATHS, dir.toString()));

        assertThatThrownBy(() -> provider.get("db.properties"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Path 'db.properties' is outside");
    }

    @Test
    void allowedPathsMustBeAbsoluteAndExist() {
        assertThatThrownBy(() -> configured(Map.of(FileConfigProvider.ALLOWED_PATHS, "relative/dir")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'allowed.paths'")
                .hasMessageContaining("'relative/dir' is not an absolute path");
        Path missing = dir.resolve("missing");
        assertThatThrownBy(() -> configured(Map.of(FileConfigProvider.ALLOWED_PATHS, missing.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'" + missing + "' does not exist");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static FileConfigProvider configured(Map<String, ?> settings) {
        FileConfigProvider provider = new FileConfigProvider();
        provider.configure(settings);
        return provider;
    }
}
