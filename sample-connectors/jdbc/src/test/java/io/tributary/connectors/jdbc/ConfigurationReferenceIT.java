package io.tributary.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's settings tables are the reference the packaging plugin generated in this build. */
class ConfigurationReferenceIT {

    @Test
    void theReadmeHoldsEveryRowOfTheGeneratedReference() throws IOException {
        Path generated = Path.of("target/tributary-docs/configuration.md");
        assertThat(generated).as("the docs goal's output; run mvn verify").isRegularFile();
        List<String> rows = Files.readAllLines(generated).stream()
                .filter(line -> line.startsWith("| `"))
                .toList();
        String readme = Files.readString(Path.of("README.md"));

        assertThat(rows)
                .isNotEmpty()
                .allSatisfy(row -> assertThat(readme)
                        .as("README.md is out of date with the connectors' settings; copy the tables of " + generated)
                        .contains(row));
    }
}
