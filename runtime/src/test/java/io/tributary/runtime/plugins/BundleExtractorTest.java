package io.tributary.runtime.plugins;

import static io.tributary.runtime.plugins.TestPlugins.bytes;
import static io.tributary.runtime.plugins.TestPlugins.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BundleExtractorTest {

    @TempDir
    Path temp;

    private Path workDirectory;
    private BundleExtractor extractor;

    @BeforeEach
    void createExtractor() {
        workDirectory = temp.resolve("work");
        extractor = new BundleExtractor(workDirectory);
    }

    @Test
    void extractsTheBundleAndReturnsItsTopFolder() throws Exception {
        Path zip = zip(temp.resolve("greeter-1.0.zip"), bundleEntries("greeter", "lib one"));

        Path top = extractor.extract(zip);

        assertThat(top.getFileName()).hasToString("greeter");
        assertThat(top).startsWith(workDirectory);
        assertThat(top.resolve("manifest.json")).exists();
        assertThat(top.resolve("lib/one.jar")).hasContent("lib one");
        assertThat(top.resolve("doc/README.md")).exists();
    }

    @Test
    void reusesTheExtractionOfAnUnchangedZipAndExtractsAChangedOneAfresh() throws Exception {
        Path zip = zip(temp.resolve("greeter.zip"), bundleEntries("greeter", "first"));
        Path first = extractor.extract(zip);
        Path marker = Files.writeString(first.resolve("extracted-once"), "");

        Path again = extractor.extract(zip);

        assertThat(again).isEqualTo(first);
        assertThat(marker).exists();

        zip(zip, bundleEntries("greeter", "second, longer"));
        Files.setLastModifiedTime(zip, FileTime.from(Instant.now().plusSeconds(60)));
        Path changed = extractor.extract(zip);

        assertThat(changed).isNotEqualTo(first);
        assertThat(changed.resolve("extracted-once")).doesNotExist();
        assertThat(changed.resolve("lib/one.jar")).hasContent("second, longer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"greeter/../../escaped.txt", "greeter/lib/../../../escaped.txt", "greeter\\..\\..\\x.txt"})
    void refusesEntriesThatClimbOutOfTheBundleFolder(String entry) throws IOException {
        Map<String, byte[]> entries = bundleEntries("greeter", "lib");
        entries.put(entry, bytes("planted"));
        Path zip = zip(temp.resolve("slip.zip"), entries);

        assertThatExceptionOfType(InvalidPluginException.class)
                .isThrownBy(() -> extractor.extract(zip))
                .withMessageContaining("'" + entry + "'")
                .withMessageContaining("outside the bundle's folder");
        assertThat(temp.resolve("escaped.txt")).doesNotExist();
        assertThat(workDirectory.resolveSibling("escaped.txt")).doesNotExist();
        assertThat(contentsOf(workDirectory)).isEmpty();
    }

    @Test
    void refusesAbsoluteEntries() throws IOException {
        Path target = temp.resolve("absolute.txt");
        Map<String, byte[]> entries = bundleEntries("greeter", "lib");
        entries.put(target.toAbsolutePath().toString(), bytes("planted"));
        Path zip = zip(temp.resolve("absolute.zip"), entries);

        assertThatExceptionOfType(InvalidPluginException.class)
                .isThrownBy(() -> extractor.extract(zip))
                .withMessageContaining("outside the bundle's folder");
        assertThat(target).doesNotExist();
    }

    @Test
    void refusesAFileThatIsNotAZip() throws IOException {
        Path zip = Files.writeString(temp.resolve("corrupt.zip"), "this is not a ZIP file");

        assertThatExceptionOfType(InvalidPluginException.class)
                .isThrownBy(() -> extractor.extract(zip))
                .withMessageStartingWith("is not a readable ZIP file")
                .withMessageContaining("build or download the bundle again");
        assertThat(contentsOf(workDirectory)).isEmpty();
    }

    @Test
    void refusesABundleWithoutManifest() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("greeter/lib/one.jar", bytes("lib"));
        Path zip = zip(temp.resolve("no-manifest.zip"), entries);

        assertThatExceptionOfType(InvalidPluginException.class)
                .isThrownBy(() -> extractor.extract(zip))
                .withMessageContaining("has no greeter/manifest.json");
    }

    @Test
    void refusesEntriesOutsideOneTopFolder() {
        Map<String, byte[]> loose = bundleEntries("greeter", "lib");
        loose.put("README.md", bytes("loose"));
        Map<String, byte[]> twoFolders = bundleEntries("greeter", "lib");
        twoFolders.put("other/manifest.json", bytes("{}"));

        assertThatExceptionOfType(InvalidPluginException.class)
                .isThrownBy(() -> extractor.extract(zip(temp.resolve("loose.zip"), loose)))
                .withMessageContaining("'README.md' outside a top folder");
        assertThatExceptionOfType(InvalidPluginException.class)
                .isThrownBy(() -> extractor.extract(zip(temp.resolve("two.zip"), twoFolders)))
                .withMessageContaining("more than one top folder");
    }

    private static Map<String, byte[]> bundleEntries(String top, String libContent) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(top + "/manifest.json", bytes("{}"));
        entries.put(top + "/lib/one.jar", bytes(libContent));
        entries.put(top + "/doc/README.md", bytes("docs"));
        return entries;
    }

    private static List<Path> contentsOf(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.toList();
        }
    }
}
