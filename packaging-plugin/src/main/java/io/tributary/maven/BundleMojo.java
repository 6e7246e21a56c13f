package io.tributary.maven;

import io.tributary.maven.bundle.BundleBuilder;
import io.tributary.maven.bundle.BundleException;
import io.tributary.maven.bundle.BundleRequest;
import io.tributary.maven.bundle.ConnectBundleBuilder;
import io.tributary.maven.bundle.PluginJarBuilder;
import java.io.File;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Builds the connector bundle {@code target/<owner>-<name>-<version>.zip}, laid out like a Confluent Hub
 * component archive: {@code manifest.json}, {@code lib/} with the project's JAR and its runtime
 * dependencies (never the Tributary SDK or kafka-clients, which workers provide), {@code doc/} with the
 * README, the LICENSE and a generated configuration reference, {@code etc/} with example configurations
 * and {@code assets/} with a logo. The manifest lists every connector, converter, transformation and
 * predicate the project's service files name, with its settings. Fails, naming the class, when a listed
 * class cannot be a plugin.
 */
@Mojo(
        name = "bundle",
        defaultPhase = LifecyclePhase.PACKAGE,
        requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public class BundleMojo extends BundleNameMojo {

    @Component
    private MavenProjectHelper projectHelper;

    /** The publisher's display name. Defaults to the project's organization name, else the owner. */
    @Parameter(property = "tributary.bundle.ownerName")
    private String ownerName;

    /** The component's display name. Defaults to the project's name. */
    @Parameter(property = "tributary.bundle.title", defaultValue = "${project.name}")
    private String title;

    /** What the component does. Defaults to the project's description. */
    @Parameter(property = "tributary.bundle.description", defaultValue = "${project.description}")
    private String description;

    /** Search tags for the manifest, comma-separated on the command line. */
    @Parameter(property = "tributary.bundle.tags")
    private List<String> tags;

    /** Where the component's documentation is. Defaults to the project's URL. */
    @Parameter(property = "tributary.bundle.documentationUrl", defaultValue = "${project.url}")
    private String documentationUrl;

    /** Where the component's source is. Defaults to the project's SCM URL. */
    @Parameter(property = "tributary.bundle.sourceUrl", defaultValue = "${project.scm.url}")
    private String sourceUrl;

    /**
     * The release date, {@code yyyy-MM-dd}; it also dates every entry of the ZIP, so a build is repeatable.
     * Defaults to the date of {@code project.build.outputTimestamp} when set, else today.
     */
    @Parameter(property = "tributary.bundle.releaseDate")
    private String releaseDate;

    @Parameter(defaultValue = "${project.build.outputTimestamp}", readonly = true)
    private String outputTimestamp;

    /** The README put in {@code doc/}, if it exists. */
    @Parameter(property = "tributary.bundle.readme", defaultValue = "${project.basedir}/README.md")
    private File readme;

    /** The license text put in {@code doc/}, if it exists. */
    @Parameter(property = "tributary.bundle.licenseFile", defaultValue = "${project.basedir}/LICENSE")
    private File licenseFile;

    /** A folder of example configurations, copied to {@code etc/} if it exists. */
    @Parameter(property = "tributary.bundle.etc", defaultValue = "${project.basedir}/src/bundle/etc")
    private File etcDirectory;

    /** A folder of images, copied to {@code assets/} if it exists. */
    @Parameter(property = "tributary.bundle.assets", defaultValue = "${project.basedir}/src/bundle/assets")
    private File assetsDirectory;

    /** The logo's file name in the assets folder, named in the manifest. */
    @Parameter(property = "tributary.bundle.logo")
    private String logo;

    /** Whether to attach the ZIP to the project, so that {@code install} and {@code deploy} publish it. */
    @Parameter(property = "tributary.bundle.attach", defaultValue = "true")
    private boolean attach;

    /**
     * What to build: {@code zip}, the bundle; {@code jar}, one self-contained plugin JAR with the project's
     * runtime dependencies merged in (for places that take a single JAR); or {@code both}.
     */
    @Parameter(property = "tributary.bundle.format", defaultValue = "zip")
    private String format;

    /**
     * Whether to build the Connect bundle too, {@code target/<owner>-<name>-<version>-connect.zip}: the connector
     * for Apache Kafka Connect 3.x and 4.x, with the SDK, the adapter library and a generated Connect class for
     * each plugin (see the plugin's README, "Deploying to Kafka Connect"). Attached with the classifier {@code
     * connect}.
     */
    @Parameter(property = "tributary.bundle.connect", defaultValue = "false")
    private boolean connect;

    /** This plugin's own dependencies: where the Connect bundle's SDK and adapter library come from. */
    @Parameter(defaultValue = "${plugin.artifacts}", readonly = true, required = true)
    private List<Artifact> pluginArtifacts;

    /** Skips the goal. */
    @Parameter(property = "tributary.bundle.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping the connector bundle (tributary.bundle.skip)");
            return;
        }
        if (Projects.skipsPomProject(project, getLog(), "the connector bundle")) {
            return;
        }
        File jar = project.getArtifact().getFile();
        if (jar == null || !jar.isFile()) {
            throw new MojoExecutionException("The project's JAR is not built yet: run the bundle goal in the"
                    + " package phase, after the jar plugin (mvn package), on a project of jar packaging");
        }
        BundleRequest request = new BundleRequest(
                resolvedOwner(),
                name,
                version,
                title == null || title.isBlank() ? name : title,
                description == null ? "" : description.strip(),
                ownerName != null ? ownerName : organization().orElse(resolvedOwner()),
                tags == null ? List.of() : tags,
                Projects.licenses(project).stream()
                        .map(l -> new BundleRequest.License(l.getName(), l.getUrl() == null ? "" : l.getUrl()))
                        .toList(),
                documentationUrl == null ? "" : documentationUrl,
                sourceUrl == null ? "" : sourceUrl,
                resolvedReleaseDate(),
                jar.toPath(),
                libraries(),
                existing(readme),
                existing(licenseFile),
                existing(etcDirectory),
                existing(assetsDirectory),
                Optional.ofNullable(logo),
                outputDirectory.toPath());
        if (!List.of("zip", "jar", "both").contains(format)) {
            throw new MojoExecutionException(
                    "tributary.bundle.format is '" + format + "'; use zip (the bundle), jar (one plugin JAR) or both");
        }
        if (!format.equals("zip")) {
            try {
                java.nio.file.Path pluginJar = PluginJarBuilder.build(request);
                getLog().info("Plugin JAR: " + pluginJar);
                if (attach) {
                    projectHelper.attachArtifact(project, "jar", "plugin", pluginJar.toFile());
                }
            } catch (BundleException e) {
                throw new MojoFailureException(e.getMessage(), e);
            }
            if (format.equals("jar")) {
                if (connect) {
                    buildConnectBundle(request);
                }
                return;
            }
        }
        BundleBuilder.Result result;
        try {
            result = BundleBuilder.build(request);
        } catch (BundleException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        result.components()
                .forEach(c -> getLog().info("Bundled " + c.kind().replace('_', ' ') + " " + c.className()
                        + (c.version().isEmpty() ? "" : " " + c.version())));
        if (!result.leftOut().isEmpty()) {
            getLog().info("Left out, as workers provide them: " + String.join(", ", result.leftOut()));
        }
        getLog().info("Connector bundle: " + result.zip() + " ("
                + result.libraries().size() + " JARs in lib/)");
        if (attach) {
            projectHelper.attachArtifact(project, "zip", "bundle", result.zip().toFile());
        }
        if (connect) {
            buildConnectBundle(request);
        }
    }

    private void buildConnectBundle(BundleRequest request) throws MojoExecutionException, MojoFailureException {
        // The SDK this plugin and its adapter library were built with: the adapter is made for that SDK.
        Artifact sdk = pluginArtifact("tributary-sdk");
        project.getDependencies().stream()
                .filter(d -> d.getGroupId().equals("io.tributary")
                        && d.getArtifactId().equals("tributary-sdk"))
                .filter(d -> d.getVersion() != null && !d.getVersion().equals(sdk.getVersion()))
                .findFirst()
                .ifPresent(d -> getLog().warn("The project is built against tributary-sdk " + d.getVersion()
                        + ", but the Connect bundle holds " + sdk.getVersion() + ", with the adapter library of"
                        + " this plugin's version; use the Tributary Maven plugin of the project's SDK version"));
        ConnectBundleBuilder.Result result;
        try {
            result = ConnectBundleBuilder.build(
                    request,
                    sdk.getFile().toPath(),
                    pluginArtifact("tributary-connect-adapter").getFile().toPath());
        } catch (BundleException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        result.components()
                .forEach(c ->
                        getLog().info("Connect class for the " + c.kind().replace('_', ' ') + ": " + c.className()));
        result.tasks().forEach(t -> getLog().info("Connect class for the task: " + t));
        getLog().info("Connect bundle: " + result.zip() + " ("
                + result.libraries().size() + " JARs in lib/); unpack it into a folder on Kafka Connect's plugin.path");
        if (attach) {
            projectHelper.attachArtifact(project, "zip", "connect", result.zip().toFile());
        }
    }

    private Artifact pluginArtifact(String artifactId) throws MojoExecutionException {
        return pluginArtifacts.stream()
                .filter(a -> a.getGroupId().equals("io.tributary")
                        && a.getArtifactId().equals(artifactId))
                .findFirst()
                .orElseThrow(
                        () -> new MojoExecutionException("The Tributary Maven plugin's own dependency io.tributary:"
                                + artifactId + " was not resolved; the Connect bundle needs it"));
    }

    private Optional<String> organization() {
        return Optional.ofNullable(project.getOrganization())
                .map(org -> org.getName())
                .filter(org -> !org.isBlank());
    }

    private String resolvedReleaseDate() throws MojoExecutionException {
        if (releaseDate != null && !releaseDate.isBlank()) {
            try {
                return LocalDate.parse(releaseDate).toString();
            } catch (DateTimeParseException e) {
                throw new MojoExecutionException(
                        "tributary.bundle.releaseDate '" + releaseDate + "' is not a date; write it as yyyy-MM-dd");
            }
        }
        if (outputTimestamp != null && !outputTimestamp.isBlank()) {
            try {
                return OffsetDateTime.parse(outputTimestamp).toLocalDate().toString();
            } catch (DateTimeParseException e) {
                try {
                    return java.time.Instant.ofEpochSecond(Long.parseLong(outputTimestamp))
                            .atOffset(ZoneOffset.UTC)
                            .toLocalDate()
                            .toString();
                } catch (NumberFormatException notSeconds) {
                    getLog().debug("project.build.outputTimestamp is neither a date nor seconds; using today");
                }
            }
        }
        return LocalDate.now(ZoneOffset.UTC).toString();
    }

    private List<BundleRequest.Library> libraries() {
        List<BundleRequest.Library> libraries = new ArrayList<>();
        for (Artifact artifact : project.getArtifacts()) {
            String scope = artifact.getScope();
            if (artifact.getFile() == null
                    || !(Artifact.SCOPE_COMPILE.equals(scope) || Artifact.SCOPE_RUNTIME.equals(scope))) {
                continue;
            }
            List<String> trail = new ArrayList<>();
            List<String> path = artifact.getDependencyTrail();
            if (path != null) {
                // The trail starts with the project and ends with the artifact itself.
                for (int i = 1; i < path.size() - 1; i++) {
                    String[] parts = path.get(i).split(":");
                    trail.add(parts[0] + ":" + parts[1]);
                }
            }
            libraries.add(new BundleRequest.Library(
                    artifact.getGroupId(),
                    artifact.getArtifactId(),
                    artifact.getVersion(),
                    artifact.getFile().toPath(),
                    trail));
        }
        return libraries;
    }

    private static Optional<java.nio.file.Path> existing(File file) {
        return file != null && file.exists() ? Optional.of(file.toPath()) : Optional.empty();
    }
}
