package io.tributary.runtime.plugins;

import static io.tributary.runtime.plugins.TestPlugins.compile;
import static io.tributary.runtime.plugins.TestPlugins.inPackage;
import static io.tributary.runtime.plugins.TestPlugins.jar;
import static io.tributary.runtime.plugins.TestPlugins.services;
import static io.tributary.runtime.plugins.TestPlugins.sourceConnector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.connector.ConnectRecord;
import io.tributary.sdk.converter.Converter;
import io.tributary.sdk.converter.ConverterType;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaAndValue;
import io.tributary.sdk.errors.ConfigException;
import io.tributary.sdk.plugin.PluginType;
import io.tributary.sdk.plugin.Versioned;
import io.tributary.sdk.source.SourceConnector;
import io.tributary.sdk.transforms.Transformation;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How names given to the registry find a class: class names, aliases, simple names, versions. */
class PluginResolutionTest {

    /** A built-in transformation, listed in the runtime loader's service file. */
    public static class TagTransformation<R extends ConnectRecord<R>> implements Transformation<R>, Versioned {
        @Override
        public String version() {
            return "3.1";
        }

        @Override
        public ConfigDef config() {
            return ConfigDef.empty();
        }

        @Override
        public void configure(Map<String, ?> configs) {}

        @Override
        public R apply(R record) {
            return record;
        }
    }

    /** A built-in transformation no service file lists; reachable through an alias only. */
    public static class UnlistedTransformation<R extends ConnectRecord<R>> extends TagTransformation<R> {}

    /** A built-in converter that does not report a version. */
    public static class PlainConverter implements Converter {
        @Override
        public void configure(Map<String, ?> configs, ConverterType type) {}

        @Override
        public byte[] fromData(String topic, Schema schema, Object value) {
            return new byte[0];
        }

        @Override
        public SchemaAndValue toData(String topic, byte[] bytes) {
            return SchemaAndValue.NULL;
        }
    }

    private static final String DUPLICATE = "com.example.dup.DupSource";
    private static final String FIRST_SAME = "com.example.a.Same";
    private static final String SECOND_SAME = "com.example.b.Same";
    private static final String UNIQUE = "com.example.a.Unique";
    private static final String FAILING = "com.example.a.FailingSource";
    private static final String KAFKA_TAG = "org.apache.kafka.connect.transforms.Tag";

    @TempDir
    static Path temp;

    private static Path pluginsFolder;
    private static URLClassLoader runtimeLoader;
    private static Plugins plugins;

    @BeforeAll
    static void loadPlugins() throws Exception {
        pluginsFolder = temp.resolve("plugins");
        Map<String, byte[]> classes = compile(
                temp,
                Map.of(
                        FIRST_SAME, sourceConnector(FIRST_SAME, "1.0", "\"a\""),
                        SECOND_SAME, sourceConnector(SECOND_SAME, "1.0", "\"b\""),
                        UNIQUE, sourceConnector(UNIQUE, "1.0", "\"unique\""),
                        FAILING,
                                sourceConnector(FAILING, "1.0", "\"\"", "throw new IllegalStateException(\"boom\");")));
        jar(
                pluginsFolder.resolve("a.jar"),
                inPackage(classes, "com.example.a"),
                services(PluginType.SOURCE, FIRST_SAME, UNIQUE, FAILING));
        jar(
                pluginsFolder.resolve("b.jar"),
                inPackage(classes, "com.example.b"),
                services(PluginType.SOURCE, SECOND_SAME));
        // The higher version comes second on plugin.path, and sorts first as plain text.
        duplicate("dup-a-old.jar", "1.9.0", "old");
        duplicate("dup-b-new.jar", "1.10.0", "new");

        Path runtimeClasses = Files.createDirectories(temp.resolve("runtime/META-INF/services"));
        Files.writeString(runtimeClasses.resolve(Transformation.class.getName()), TagTransformation.class.getName());
        Files.writeString(runtimeClasses.resolve(Converter.class.getName()), PlainConverter.class.getName());
        runtimeLoader = new URLClassLoader(
                new URL[] {temp.resolve("runtime").toUri().toURL()}, PluginResolutionTest.class.getClassLoader());
        plugins = Plugins.builder()
                .pluginPath(List.of(pluginsFolder))
                .workDirectory(temp.resolve("work"))
                .parentLoader(runtimeLoader)
                .aliases(Map.of(KAFKA_TAG, TagTransformation.class, "Tag", TagTransformation.class))
                .aliases(Map.of("Unlisted", UnlistedTransformation.class))
                .build();
    }

    @AfterAll
    static void close() throws Exception {
        plugins.close();
        runtimeLoader.close();
    }

    @Test
    void listsBuiltInPluginsWithTheVersionTheyReport() {
        assertThat(plugins.plugins())
                .contains(
                        new PluginDescriptor(
                                PluginType.TRANSFORMATION, TagTransformation.class.getName(), "3.1", Plugins.BUILT_IN),
                        new PluginDescriptor(
                                PluginType.CONVERTER, PlainConverter.class.getName(), "unknown", Plugins.BUILT_IN));
        assertThat(plugins.loaderFor(TagTransformation.class.getName())).isSameAs(runtimeLoader);
        assertThat(plugins.plugins())
                .as("each plugin lists only its own service files, not the runtime's again")
                .filteredOn(plugin -> plugin.className().equals(TagTransformation.class.getName()))
                .extracting(PluginDescriptor::location)
                .containsExactly(Plugins.BUILT_IN);
    }

    @Test
    void resolvesAliasesToTheClassesTheyStandFor() {
        assertThat(plugins.newPlugin(KAFKA_TAG, Transformation.class)).isExactlyInstanceOf(TagTransformation.class);
        assertThat(plugins.newPlugin("Tag", Transformation.class)).isExactlyInstanceOf(TagTransformation.class);
        assertThat(plugins.newPlugin("Unlisted", Transformation.class))
                .isExactlyInstanceOf(UnlistedTransformation.class);
        assertThat(plugins.loaderFor(KAFKA_TAG)).isSameAs(runtimeLoader);
    }

    @Test
    void resolvesASimpleNameThatOnlyOnePluginClassHas() {
        assertThat(plugins.newPlugin("Unique", SourceConnector.class)).hasToString("unique");
        assertThat(plugins.newPlugin("PluginResolutionTest$PlainConverter", Converter.class))
                .isExactlyInstanceOf(PlainConverter.class);
    }

    @Test
    void resolvesASimpleNameWithoutItsKindsSuffixAsConnectDoes() {
        assertThat(plugins.newPlugin("PluginResolutionTest$Plain", Converter.class))
                .isExactlyInstanceOf(PlainConverter.class);
        assertThatExceptionOfType(ConfigException.class)
                .isThrownBy(() -> plugins.newPlugin("PluginResolutionTest$Plain", SourceConnector.class));
    }

    @Test
    void refusesASimpleNameThatSeveralPluginClassesHave() {
        assertThatExceptionOfType(ConfigException.class)
                .isThrownBy(() -> plugins.newPlugin("Same", SourceConnector.class))
                .withMessage("Plugin name 'Same' is ambiguous: it is the simple name of " + FIRST_SAME + ", "
                        + SECOND_SAME + "; use the fully qualified class name");
    }

    @Test
    void resolvesAClassInTwoPluginsToTheHighestVersionAndListsBoth() {
        assertThat(plugins.newPlugin(DUPLICATE, SourceConnector.class)).hasToString("new");
        assertThat(plugins.plugins())
                .filteredOn(plugin -> plugin.className().equals(DUPLICATE))
                .extracting(
                        PluginDescriptor::version,
                        plugin -> Path.of(plugin.location()).getFileName().toString())
                .containsExactly(tuple("1.9.0", "dup-a-old.jar"), tuple("1.10.0", "dup-b-new.jar"));
    }

    @Test
    void explainsAnUnknownName() {
        assertThatExceptionOfType(ConfigException.class)
                .isThrownBy(() -> plugins.newPlugin("com.example.Nowhere", Transformation.class))
                .withMessageContaining("'com.example.Nowhere' was not found")
                .withMessageContaining("add the plugin that holds it to plugin.path")
                .withMessageContaining("META-INF/services/io.tributary.sdk.transforms.Transformation");
        assertThatExceptionOfType(ConfigException.class)
                .isThrownBy(() -> plugins.loaderFor("Nowhere"))
                .withMessageContaining("'Nowhere' was not found");
        assertThatExceptionOfType(ConfigException.class)
                .isThrownBy(() -> plugins.newPlugin(" ", Transformation.class))
                .withMessageContaining("empty");
    }

    @Test
    void refusesAClassOfTheWrongKind() {
        assertThatExceptionOfType(ConfigException.class)
                .isThrownBy(() -> plugins.newPlugin(UNIQUE, Transformation.class))
                .withMessage("Plugin '" + UNIQUE + "' (from " + pluginsFolder.resolve("a.jar")
                        + ") is not a Transformation; use a class that implements "
                        + Transformation.class.getName());
    }

    @Test
    void reportsAFailingConstructorWithItsCause() {
        assertThat(plugins.plugins())
                .filteredOn(plugin -> plugin.className().equals(FAILING))
                .extracting(PluginDescriptor::version)
                .containsExactly(Versioned.UNKNOWN_VERSION);
        assertThatExceptionOfType(ConfigException.class)
                .isThrownBy(() -> plugins.newPlugin(FAILING, SourceConnector.class))
                .withMessageStartingWith("Cannot create plugin '" + FAILING + "'")
                .withMessageContaining("its constructor threw java.lang.IllegalStateException: boom")
                .havingCause()
                .isInstanceOf(IllegalStateException.class)
                .withMessage("boom");
    }

    @Test
    void runsCodeWithALoaderAsContextLoader() {
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        ClassLoader pluginLoader = plugins.loaderFor(UNIQUE);

        ClassLoader during =
                Plugins.withLoader(pluginLoader, () -> Thread.currentThread().getContextClassLoader());

        assertThat(during).isSameAs(pluginLoader);
        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
    }

    private static void duplicate(String jarName, String version, String text) {
        Map<String, byte[]> classes =
                compile(temp, Map.of(DUPLICATE, sourceConnector(DUPLICATE, version, '"' + text + '"')));
        jar(
                pluginsFolder.resolve(jarName),
                inPackage(classes, "com.example.dup"),
                services(PluginType.SOURCE, DUPLICATE));
    }
}
