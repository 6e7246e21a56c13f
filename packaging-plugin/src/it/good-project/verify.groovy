import java.util.zip.ZipFile
import groovy.json.JsonSlurper

def zip = new File(basedir, 'target/example-org-kafka-connect-greetings-1.0.0.zip')
assert zip.isFile() : "no bundle at ${zip}"
def names = new ZipFile(zip).withCloseable { z -> z.entries().collect { it.name } }
assert names == [
    'example-org-kafka-connect-greetings-1.0.0/',
    'example-org-kafka-connect-greetings-1.0.0/doc/',
    'example-org-kafka-connect-greetings-1.0.0/doc/README.md',
    'example-org-kafka-connect-greetings-1.0.0/doc/configuration.md',
    'example-org-kafka-connect-greetings-1.0.0/etc/',
    'example-org-kafka-connect-greetings-1.0.0/etc/greetings.properties',
    'example-org-kafka-connect-greetings-1.0.0/lib/',
    'example-org-kafka-connect-greetings-1.0.0/lib/kafka-connect-greetings-1.0.0.jar',
    'example-org-kafka-connect-greetings-1.0.0/manifest.json',
] : "entries were ${names}"
def manifest = new ZipFile(zip).withCloseable { z ->
    new JsonSlurper().parse(z.getInputStream(z.getEntry('example-org-kafka-connect-greetings-1.0.0/manifest.json')))
}
assert manifest.name == 'kafka-connect-greetings'
assert manifest.version == '1.0.0'
assert manifest.title == 'Greetings Connector'
assert manifest.owner.username == 'example-org'
assert manifest.owner.name == 'Example Org'
assert manifest.release_date == '2026-12-01'
assert manifest.component_types == ['source']
assert manifest.license[0].name == 'Apache License 2.0'
assert manifest.connectors[0]['class'] == 'com.example.greetings.GreetingSourceConnector'
assert manifest.connectors[0].config[0].name == 'topic'
def log = new File(basedir, 'build.log').text
assert log.contains('Loaded source com.example.greetings.GreetingSourceConnector 1.0.0, 1 setting(s)')
assert log.contains('The bundle example-org-kafka-connect-greetings-1.0.0.zip is fit for a worker')
return true
