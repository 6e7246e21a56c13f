// Removes the connector kinds not asked for (connectorTypes=source or sink) and names .gitignore,
// which an archetype cannot hold under its own name.
import java.nio.file.Files
import java.nio.file.Path

Path project = Path.of(request.outputDirectory, request.artifactId)
Properties properties = request.properties
String types = properties.getProperty('connectorTypes', 'source,sink')
String name = properties.getProperty('connectorName')
String artifactId = request.artifactId
Path mainSources = project.resolve('src/main/java').resolve(properties.getProperty('package').replace('.', '/'))
Path testSources = project.resolve('src/test/java').resolve(properties.getProperty('package').replace('.', '/'))

def drop = { String kind ->
    String prefix = name + kind.capitalize()
    Files.deleteIfExists(mainSources.resolve(prefix + 'Connector.java'))
    Files.deleteIfExists(mainSources.resolve(prefix + 'Task.java'))
    Files.deleteIfExists(testSources.resolve(prefix + 'ConnectorTest.java'))
    Files.deleteIfExists(testSources.resolve(prefix + 'TaskTest.java'))
    Files.deleteIfExists(testSources.resolve(prefix + 'ContractTest.java'))
    Files.deleteIfExists(testSources.resolve(prefix + 'IT.java'))
    Files.deleteIfExists(project.resolve('config/' + artifactId + '-' + kind + '.properties'))
}
if (!types.contains('source')) {
    drop('source')
}
if (!types.contains('sink')) {
    drop('sink')
}
Files.move(project.resolve('gitignore'), project.resolve('.gitignore'))
