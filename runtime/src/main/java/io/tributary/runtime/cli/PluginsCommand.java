package io.tributary.runtime.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.runtime.plugins.PluginDescriptor;
import io.tributary.runtime.plugins.Plugins;
import io.tributary.runtime.standalone.ConfigFiles;
import io.tributary.runtime.standalone.StandaloneRuntime;
import io.tributary.runtime.worker.WorkerConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tributary plugins}: lists the plugins a running worker has (asking its REST API), or, given a
 * worker file or {@code --plugin-path}, those a worker would find there and those it would skip.
 */
@Command(
        name = "plugins",
        description = "Lists the connector plugins of the worker at --url (all kinds with --all); with a worker"
                + " file or --plugin-path, lists the plugins found there instead, and those that would be skipped.")
final class PluginsCommand extends ConnectorsCommand.ClientCommand {

    @Option(names = "--all", description = "List every kind of plugin, not only connectors.")
    private boolean all;

    @Option(
            names = "--plugin-path",
            split = ",",
            description = "Folders, JARs or bundle ZIPs to scan, instead of the worker's plugin.path.")
    private List<String> pluginPath;

    @Parameters(arity = "0..1", paramLabel = "WORKER_PROPERTIES", description = "The worker's settings.")
    private Path workerFile;

    @Override
    public Integer call() {
        if (pluginPath == null && workerFile == null) {
            return listRemote();
        }
        Map<String, String> settings =
                workerFile != null ? new HashMap<>(ConfigFiles.read(workerFile)) : new HashMap<>();
        if (pluginPath != null) {
            settings.put(WorkerConfig.PLUGIN_PATH, String.join(",", pluginPath));
        }
        PrintWriter out = out();
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

    private int listRemote() {
        JsonNode plugins = options.client().get("connector-plugins?connectorsOnly=" + !all);
        if (json()) {
            Output.json(out(), plugins);
            return 0;
        }
        List<List<String>> rows = new ArrayList<>();
        plugins.forEach(p -> rows.add(List.of(
                p.path("type").asText(""),
                p.path("class").asText(""),
                p.path("version").asText(""))));
        Output.table(out(), List.of("TYPE", "CLASS", "VERSION"), rows);
        return 0;
    }
}
