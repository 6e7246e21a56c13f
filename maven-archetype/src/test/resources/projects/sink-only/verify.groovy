// Only the sink connector, its tests and its example were generated, and the bundle holds it alone.
import java.util.zip.ZipFile

File project = new File(basedir, 'project/archive-connector')
if (!project.isDirectory()) {
    project = basedir
}
File sources = new File(project, 'src/main/java/com/example/archive')
assert new File(sources, 'ArchiveSinkConnector.java').isFile()
assert !new File(sources, 'ArchiveSourceConnector.java').exists()
assert !new File(sources, 'ArchiveSourceTask.java').exists()
assert !new File(project, 'config/archive-connector-source.properties').exists()
File bundle = new File(project, 'target/example-archive-connector-1.0.0.zip')
assert bundle.isFile() : "no bundle at ${bundle}"
String manifest = new ZipFile(bundle).withCloseable { zip ->
    zip.getInputStream(zip.getEntry('example-archive-connector-1.0.0/manifest.json')).text
}
assert manifest.contains('com.example.archive.ArchiveSinkConnector')
assert !manifest.contains('ArchiveSourceConnector')
assert new File(project, 'target/failsafe-reports/TEST-com.example.archive.ArchiveSinkIT.xml').isFile()
true
