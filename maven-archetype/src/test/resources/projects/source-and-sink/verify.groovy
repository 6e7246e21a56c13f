// The generated project built, tested and packaged itself: check what it made.
import java.util.zip.ZipFile

File project = new File(basedir, 'project/acme-connector')
if (!project.isDirectory()) {
    project = basedir
}
File bundle = new File(project, 'target/example-acme-connector-1.0.0.zip')
assert bundle.isFile() : "no bundle at ${bundle}"
def entries = new ZipFile(bundle).withCloseable { zip -> zip.entries().collect { it.name } }
assert entries.contains('example-acme-connector-1.0.0/manifest.json')
assert entries.contains('example-acme-connector-1.0.0/lib/acme-connector-1.0.0.jar')
assert entries.contains('example-acme-connector-1.0.0/etc/acme-connector-source.properties')
assert entries.findAll { it.contains('/lib/') && it.endsWith('.jar') }.size() == 1 : "lib/ holds more than the connector: ${entries}"
String manifest = new ZipFile(bundle).withCloseable { zip ->
    zip.getInputStream(zip.getEntry('example-acme-connector-1.0.0/manifest.json')).text
}
assert manifest.contains('com.example.acme.AcmeSourceConnector')
assert manifest.contains('com.example.acme.AcmeSinkConnector')
// The connector parent's license is Tributary's, not the connector's.
assert !manifest.contains('Apache License') : manifest
assert new File(project, '.gitignore').isFile()
String worker = new File(project, 'config/worker.properties').text
assert worker.contains('plugin.path=target/example-acme-connector-1.0.0.zip')

String log = new File(project, 'build.log').exists() ? new File(project, 'build.log').text : ''
['AcmeSourceTaskTest', 'AcmeSinkTaskTest', 'AcmeSourceConnectorTest', 'AcmeSourceContractTest', 'AcmeSinkContractTest', 'AcmeSourceIT', 'AcmeSinkIT'].each { test ->
    def reports = ['surefire-reports', 'failsafe-reports'].collect { new File(project, "target/${it}/TEST-com.example.acme.${test}.xml") }
    assert reports.any { it.isFile() } : "${test} did not run"
}
assert !log.contains('[WARNING] COMPILATION WARNING') : 'the generated code compiles with warnings'
true
