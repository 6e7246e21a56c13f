package io.tributary.maven;

import java.util.List;
import java.util.Locale;
import org.apache.maven.model.License;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/** What the goals need to know of the project beyond their parameters. */
final class Projects {
    /** Tributary's parent of connector projects: its licenses are Tributary's, not the connector's. */
    private static final String CONNECTOR_PARENT = "io.tributary:tributary-connector-parent";

    private Projects() {}

    /**
     * True, after saying so, for a project of {@code pom} packaging: the parent or aggregator of connector
     * modules, which inherits the goals but has no classes of its own.
     */
    static boolean skipsPomProject(MavenProject project, Log log, String what) {
        if (!"pom".equals(project.getPackaging())) {
            return false;
        }
        log.info("Skipping " + what + ": " + project.getArtifactId() + " is a pom project, without classes");
        return true;
    }

    /**
     * The bundle's owner: the one given, else the project's organization name in lower case with dashes,
     * else the last part of its groupId.
     */
    static String owner(MavenProject project, String given) {
        if (given != null && !given.isBlank()) {
            return given;
        }
        if (project.getOrganization() != null
                && project.getOrganization().getName() != null
                && !project.getOrganization().getName().isBlank()) {
            return project.getOrganization()
                    .getName()
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9]+", "-")
                    .replaceAll("(^-|-$)", "");
        }
        String group = project.getGroupId();
        return group.substring(group.lastIndexOf('.') + 1);
    }

    /**
     * The licenses the project declares, or the nearest of its parents does; none when they come from
     * the connector parent, whose license is Tributary's and says nothing of the connector's.
     */
    static List<License> licenses(MavenProject project) {
        for (MavenProject declaring = project; declaring != null; declaring = declaring.getParent()) {
            List<License> declared = declaring.getOriginalModel().getLicenses();
            if (!declared.isEmpty()) {
                String id = declaring.getGroupId() + ":" + declaring.getArtifactId();
                return id.equals(CONNECTOR_PARENT) ? List.of() : declared;
            }
        }
        return List.of();
    }
}
