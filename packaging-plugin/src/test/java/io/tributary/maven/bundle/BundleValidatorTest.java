package io.tributary.maven.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.maven.bundle.fixtures.GreetingSource;
import io.tributary.maven.bundle.fixtures.Shout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bundles checked as a worker meets them: a good one passes; copies, splits and clashes are refused. */
class BundleValidatorTest {
    @TempDir
    Path folder;

    private Path jar(String name, Map<String, Object> entries) throws IOException {
        return TestJars.jar(folder, name, entries);
    }

    private Path bundle(Path... libraries) throws IOException {
        Map<String, Object> project = new LinkedHashMap<>();
        project.put(TestJars.classFile(GreetingSource.class), GreetingSource.class);
        project.put(TestJars.classFile(GreetingSource.Task.class), GreetingSource.Task.class);
        project.put(TestJars.classFile(Shout.class), Shout.class);
        project.put("META-INF/services/io.tributary.sdk.source.SourceConnector", GreetingSource.class.getName());
        project.put("META-INF/services/io.tributary.sdk.transforms.Transformation", Shout.class.getName());
        Path projectJar = jar("greetings.jar", project);
        return BundleBuilder.build(TestJars.request(folder, projectJar, libraries))
                .zip();
    }

    @Test
    void aGoodBundleLoadsWithItsPluginsAndNoProblem() throws IOException {
        BundleValidator.Report report = BundleValidator.validate(bundle(), folder.resolve("work"));

        assertThat(report.problems()).isEmpty();
        assertThat(report.components())
                .extracting(Component::className)
                .containsExactly(GreetingSource.class.getName(), Shout.class.getName());
    }

    @Test
    void aBundledCopyOfTheSdkOrOfKafkaClientsIsRefused() throws IOException {
        Path sdkCopy = jar("shaded.jar", Map.of("io/tributary/sdk/source/SourceConnector.class", "x"));
        Path clientsCopy = jar("fat.jar", Map.of("org/apache/kafka/clients/producer/KafkaProducer.class", "x"));

        BundleValidator.Report report = BundleValidator.validate(bundle(sdkCopy, clientsCopy), folder.resolve("work"));

        assertThat(report.problems())
                .anySatisfy(p -> assertThat(p).startsWith("lib/shaded.jar holds a copy of the Tributary SDK"))
                .anySatisfy(p -> assertThat(p).startsWith("lib/fat.jar holds a copy of kafka-clients"));
    }

    @Test
    void splitPackagesAndClassesThatDifferBetweenJarsAreRefused() throws IOException {
        Path first =
                jar("util-1.0.jar", Map.of("com/example/util/Strings.class", "one", "com/example/util/A.class", "a"));
        Path second = jar("util-2.0.jar", Map.of("com/example/util/Strings.class", "two"));

        BundleValidator.Report report = BundleValidator.validate(bundle(first, second), folder.resolve("work"));

        assertThat(report.problems())
                .contains("package com.example.util is split between lib/util-1.0.jar, lib/util-2.0.jar: which JAR a"
                        + " class of it comes from depends on their order; keep one JAR per package")
                .contains("com.example.util.Strings differs between lib/util-1.0.jar, lib/util-2.0.jar: two versions"
                        + " of one library are bundled; exclude one of them");
    }
}
