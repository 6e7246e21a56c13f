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
true
