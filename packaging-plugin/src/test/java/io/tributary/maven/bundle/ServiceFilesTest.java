package io.tributary.maven.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.maven.bundle.fixtures.GreetingSource;
import io.tributary.maven.bundle.fixtures.HalfDoneSource;
import io.tributary.maven.bundle.fixtures.Shout;
import io.tributary.sdk.plugin.PluginType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Service files written from compiled classes: the plugins listed, the rest left out, the author's kept. */
class ServiceFilesTest {
    @TempDir
    Path classes;

    private void compiled(Class<?>... types) throws IOException {
        for (Class<?> type : types) {
            String resource = type.getName().replace('.', '/') + ".class";
            Path file = classes.resolve(resource);
            Files.createDirectories(file.getParent());
            try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
                Files.copy(in, file);
            }
        }
    }

    @Test
    void everyConcretePluginClassIsListedInItsInterfacesFile() throws IOException {
        compiled(GreetingSource.class, GreetingSource.Task.class, Shout.class, HalfDoneSource.class);

        Map<PluginType, List<String>> written = ServiceFiles.write(classes, List.of());

        assertThat(written)
                .containsOnly(
                        Map.entry(PluginType.SOURCE, List.of(GreetingSource.class.getName())),
                        Map.entry(PluginType.TRANSFORMATION, List.of(Shout.class.getName())));
        assertThat(classes.resolve("META-INF/services/io.tributary.sdk.source.SourceConnector"))
                .content()
                .contains(GreetingSource.class.getName())
                .doesNotContain(HalfDoneSource.class.getName())
                .doesNotContain("Task");
    }

    @Test
    void aServiceFileTheAuthorWroteIsKept() throws IOException {
        compiled(GreetingSource.class, Shout.class);
        Path own = classes.resolve("META-INF/services/io.tributary.sdk.transforms.Transformation");
        Files.createDirectories(own.getParent());
        Files.writeString(own, "# none on purpose\n");

        Map<PluginType, List<String>> written = ServiceFiles.write(classes, List.of());

        assertThat(written).containsOnlyKeys(PluginType.SOURCE);
        assertThat(own).hasContent("# none on purpose");
    }
}
