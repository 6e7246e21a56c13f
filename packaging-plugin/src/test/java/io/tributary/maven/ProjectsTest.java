package io.tributary.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.model.License;
import org.apache.maven.model.Model;
import org.apache.maven.model.Organization;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

/** What the goals read from the project: whether to skip it, the bundle's owner, the connector's licenses. */
class ProjectsTest {

    @Test
    void aPomProjectIsSkippedAndAJarProjectIsNot() {
        List<String> said = new ArrayList<>();
        SystemStreamLog log = new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                said.add(content.toString());
            }
        };

        assertThat(Projects.skipsPomProject(project("com.acme", "connectors", "pom"), log, "the bundle"))
                .isTrue();
        assertThat(Projects.skipsPomProject(project("com.acme", "acme-connector", "jar"), log, "the bundle"))
                .isFalse();
        assertThat(said).containsExactly("Skipping the bundle: connectors is a pom project, without classes");
    }

    @Test
    void theOwnerIsTheOneGivenElseTheOrganizationElseTheGroupsLastPart() {
        MavenProject plain = project("com.acme.kafka", "acme-connector", "jar");
        MavenProject organized = project("com.acme.kafka", "acme-connector", "jar");
        Organization organization = new Organization();
        organization.setName("Acme Data, Inc.");
        organized.getModel().setOrganization(organization);

        assertThat(Projects.owner(organized, "acme-labs")).isEqualTo("acme-labs");
        assertThat(Projects.owner(organized, " ")).isEqualTo("acme-data-inc");
        assertThat(Projects.owner(plain, null)).isEqualTo("kafka");
    }

    @Test
    void licensesComeFromTheNearestDeclaringProjectButNotFromTheConnectorParent() {
        MavenProject connectorParent = project("io.tributary", "tributary-connector-parent", "pom");
        connectorParent.getOriginalModel().addLicense(license("Apache License, Version 2.0"));
        MavenProject company = project("com.acme", "acme-parent", "pom");
        company.getOriginalModel().addLicense(license("Acme Commercial"));

        MavenProject underConnectorParent = project("com.acme", "acme-connector", "jar");
        underConnectorParent.setParent(connectorParent);
        MavenProject underCompany = project("com.acme", "acme-connector", "jar");
        underCompany.setParent(company);
        MavenProject own = project("com.acme", "acme-connector", "jar");
        own.getOriginalModel().addLicense(license("MIT"));
        own.setParent(company);

        assertThat(Projects.licenses(underConnectorParent)).isEmpty();
        assertThat(Projects.licenses(underCompany)).extracting(License::getName).containsExactly("Acme Commercial");
        assertThat(Projects.licenses(own)).extracting(License::getName).containsExactly("MIT");
    }

    private static MavenProject project(String groupId, String artifactId, String packaging) {
        Model model = new Model();
        model.setGroupId(groupId);
        model.setArtifactId(artifactId);
        model.setVersion("1.0");
        model.setPackaging(packaging);
        MavenProject project = new MavenProject(model);
        project.setOriginalModel(model.clone());
        return project;
    }

    private static License license(String name) {
        License license = new License();
        license.setName(name);
        return license;
    }
}
