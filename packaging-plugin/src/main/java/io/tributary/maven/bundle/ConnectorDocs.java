package io.tributary.maven.bundle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes the configuration reference of a project's plugin classes, the same one a bundle's doc/ holds. */
public final class ConnectorDocs {
    private ConnectorDocs() {}

    /**
     * @param classes the project's JAR, or its folder of compiled classes with their service files
     * @param classpath the JARs and folders the classes need
     * @param title the heading's title, such as the project's name
     * @param outputFile the Markdown file to write
     * @return the plugin classes described
     * @throws BundleException if a listed class cannot be a plugin, or the file cannot be written
     */
    public static List<Component> write(Path classes, List<Path> classpath, String title, Path outputFile) {
        List<Component> components = PluginDescriber.describe(classes, classpath);
        try {
            Files.createDirectories(outputFile.toAbsolutePath().getParent());
            Files.writeString(outputFile, ConfigReference.render(title, components), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BundleException("Cannot write " + outputFile, List.of(e.toString()));
        }
        return components;
    }
}
