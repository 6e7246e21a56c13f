package io.tributary.runtime.cli;

import io.tributary.runtime.plugins.PluginDescriptor;
import io.tributary.runtime.plugins.Plugins;
import io.tributary.runtime.standalone.ConfigFiles;
import io.tributary.runtime.standalone.StandaloneRuntime;
import io.tributary.runtime.worker.WorkerConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tributary plugins}: lists the plugins a worker would find, and those it would skip. */
@Command(name = "plugins", description = "Lists the plugins found on plugin.path, with type, class and version.")
final class PluginsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--plugin-path",
            split = ",",
            description = "Folders, JARs or bundle ZIPs to scan, instead of the worker's plugin.path.")
    private List<String> pluginPath;

    @Parameters(arity = "0..1", paramLabel = "WORKER_PROPERTIES", description = "The worker's settings.")
    private Path workerFile;

    @Override
    public Integer call() {
        Map<String, String> settings =
                workerFile != null ? new HashMap<>(ConfigFiles.read(workerFile)) : new HashMap<>();
        if (pluginPath != null) {
            settings.put(WorkerConfig.PLUGIN_PATH, String.join(",", pluginPath));
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Plugins plugins = StandaloneRuntime.plugins(new WorkerConfig(settings))) {
            List<PluginDescriptor> found = plugins.plugins().stream()
                    .sorted(Comparator.comparing(
                                    (PluginDescriptor p) -> p.type().ordinal())
                            .thenComparing(PluginDescriptor::className))
                    .toList();
            out.printf("%-17s %-70s %-16s %s%n", "TYPE", "CLASS", "VERSION", "LOCATION");
            for (PluginDescriptor plugin : found) {
                out.printf(
                        "%-17s %-70s %-16s %s%n",
                        plugin.type().displayName(), plugin.className(), plugin.version(), plugin.location());
            }
            plugins.problems().forEach(problem -> out.println("SKIPPED " + problem));
            out.flush();
        }
        return 0;
    }
}
