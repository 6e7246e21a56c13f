// Only the source connector, its tests and its example were generated, and the bundle holds it alone.
import java.util.zip.ZipFile

File project = new File(basedir, 'project/ticker-connector')
if (!project.isDirectory()) {
    project = basedir
}
File sources = new File(project, 'src/main/java/com/example/ticker')
assert new File(sources, 'TickerSourceConnector.java').isFile()
assert !new File(sources, 'TickerSinkConnector.java').exists()
assert !new File(sources, 'TickerSinkTask.java').exists()
assert !new File(project, 'src/test/java/com/example/ticker/TickerSinkIT.java').exists()
assert !new File(project, 'src/test/java/com/example/ticker/TickerSinkContractTest.java').exists()
assert new File(project, 'target/surefire-reports/TEST-com.example.ticker.TickerSourceContractTest.xml').isFile()
assert !new File(project, 'config/ticker-connector-sink.properties').exists()
File bundle = new File(project, 'target/example-ticker-connector-1.0.0.zip')
assert bundle.isFile() : "no bundle at ${bundle}"
String manifest = new ZipFile(bundle).withCloseable { zip ->
    zip.getInputStream(zip.getEntry('example-ticker-connector-1.0.0/manifest.json')).text
}
assert manifest.contains('com.example.ticker.TickerSourceConnector')
assert !manifest.contains('TickerSinkConnector')
assert new File(project, 'target/failsafe-reports/TEST-com.example.ticker.TickerSourceIT.xml').isFile()

// The Connect bundle: the generated Connect classes of the source connector and its task, listed for Connect.
File connectBundle = new File(project, 'target/example-ticker-connector-1.0.0-connect.zip')
assert connectBundle.isFile() : "no Connect bundle at ${connectBundle}"
new ZipFile(connectBundle).withCloseable { zip ->
    String top = 'example-ticker-connector-1.0.0-connect/'
    assert zip.getEntry(top + 'manifest.json').with { zip.getInputStream(it).text }
            .contains('com.example.ticker.connect.TickerSourceConnector')
    def classes = zip.getEntry(top + 'lib/ticker-connector-1.0.0-connect-classes.jar')
    assert classes != null : "no generated classes in ${connectBundle}"
    assert zip.entries().toList().any { it.name ==~ /.*lib\/tributary-connect-adapter-.*\.jar/ }
    assert zip.entries().toList().any { it.name ==~ /.*lib\/tributary-sdk-.*\.jar/ }
    def inner = new java.util.zip.ZipInputStream(zip.getInputStream(classes))
    def names = []
    for (def entry = inner.nextEntry; entry != null; entry = inner.nextEntry) {
        names << entry.name
    }
    assert names.contains('com/example/ticker/connect/TickerSourceConnector.class')
    assert names.contains('com/example/ticker/connect/TickerSourceTask.class')
    assert names.contains('META-INF/services/org.apache.kafka.connect.source.SourceConnector')
    assert !names.any { it.contains('Sink') }
}
true
