import java.util.zip.ZipFile
import groovy.json.JsonSlurper

// The goals, declared in an aggregator, skip it (it has no classes) and run on its connector module.
def log = new File(basedir, 'build.log').text
assert log.contains('Skipping the connector bundle: greetings-parent is a pom project, without classes')
assert log.contains('Skipping the bundle check: greetings-parent is a pom project, without classes')

// The bundle is named <owner>-<tributary.bundle.name>-<version>, and validate finds it by that name.
def zip = new File(basedir, 'connector/target/example-org-echo-1.0.0.zip')
assert zip.isFile() : 'the connector module built example-org-echo-1.0.0.zip'
assert log.contains('The bundle example-org-echo-1.0.0.zip is fit for a worker')

// Licenses a parent of the project's own declares are the connector's too.
def manifest = new ZipFile(zip).withCloseable { z ->
    new JsonSlurper().parse(z.getInputStream(z.getEntry('example-org-echo-1.0.0/manifest.json')))
}
assert manifest.license.collect { it.name } == ['Apache License 2.0'] : "license ${manifest.license}"
assert manifest.connectors.collect { it['class'] } == ['com.example.echo.EchoSourceConnector']
return true
