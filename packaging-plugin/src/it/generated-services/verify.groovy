import java.util.zip.ZipFile
import groovy.json.JsonSlurper

// No service file in the sources: the services goal wrote it from the compiled classes.
def services = new File(basedir, 'target/classes/META-INF/services/io.tributary.sdk.source.SourceConnector')
assert services.isFile() : 'the service file was written'
def listed = services.readLines().findAll { !it.startsWith('#') && !it.isBlank() }
assert listed == ['com.example.greetings.GreetingSourceConnector'] : "listed ${listed}"

def zip = new File(basedir, 'target/example-org-generated-services-1.0.0.zip')
def manifest = new ZipFile(zip).withCloseable { z ->
    new JsonSlurper().parse(z.getInputStream(z.getEntry('example-org-generated-services-1.0.0/manifest.json')))
}
assert manifest.connectors.collect { it['class'] } == ['com.example.greetings.GreetingSourceConnector']
def log = new File(basedir, 'build.log').text
assert log.contains('Wrote META-INF/services/io.tributary.sdk.source.SourceConnector: com.example.greetings.GreetingSourceConnector')
def docs = new File(basedir, 'target/tributary-docs/configuration.md')
assert docs.isFile() : 'the docs goal wrote the reference'
assert docs.text.contains('## `com.example.greetings.GreetingSourceConnector`')
assert docs.text.contains('| `topic` | string | (required) | medium | Where greetings go. |')
return true
