package io.tributary.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * Connect's bench source and sink, {@link ConnectBenchSource} and {@link ConnectBenchSink} as Kafka Connect runs
 * them, written into a plugin JAR with Connect's service files, so the Tributary worker runs the same classes
 * from its {@code plugin.path} through its Connect adapters. What the classes use besides (the record
 * counter, the shared constants) the plugin's class loader takes from the benchmark's own class path.
 */
final class ConnectBenchPlugin {
    private static final List<Class<?>> CLASSES = List.of(
            ConnectBenchSource.class,
            ConnectBenchSource.BenchTask.class,
            ConnectBenchSink.class,
            ConnectBenchSink.BenchTask.class);

    private ConnectBenchPlugin() {}

    /**
     * @param folder a new folder to use as {@code plugin.path}
     * @return the folder, holding {@code connect-bench/connect-bench.jar}
     */
    static Path write(Path folder) {
        Path jar = folder.resolve("connect-bench").resolve("connect-bench.jar");
        try {
            Files.createDirectories(jar.getParent());
            try (OutputStream file = Files.newOutputStream(jar);
                    JarOutputStream out = new JarOutputStream(file)) {
                for (Class<?> type : CLASSES) {
                    String entry = type.getName().replace('.', '/') + ".class";
                    out.putNextEntry(new JarEntry(entry));
                    try (InputStream bytes =
                            ConnectBenchPlugin.class.getClassLoader().getResourceAsStream(entry)) {
                        if (bytes == null) {
                            throw new IllegalStateException("The benchmark's class path has no " + entry);
                        }
                        bytes.transferTo(out);
                    }
                    out.closeEntry();
                }
                service(out, "org.apache.kafka.connect.source.SourceConnector", ConnectBenchSource.class);
                service(out, "org.apache.kafka.connect.sink.SinkConnector", ConnectBenchSink.class);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the bench plugin " + jar, e);
        }
        return folder;
    }

    private static void service(JarOutputStream out, String serviceInterface, Class<?> implementation)
            throws IOException {
        out.putNextEntry(new JarEntry("META-INF/services/" + serviceInterface));
        out.write((implementation.getName() + "\n").getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
