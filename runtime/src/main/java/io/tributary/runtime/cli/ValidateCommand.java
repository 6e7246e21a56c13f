package io.tributary.runtime.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.runtime.standalone.ConfigFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tributary validate -f FILE}: has the worker check a connector configuration without running it. */
@Command(
        name = "validate",
        description = "Has the worker check a connector configuration (.properties or .json) and lists every problem;"
                + " exits with 1 when there is one.")
final class ValidateCommand extends ConnectorsCommand.ClientCommand {
    @Option(
            names = {"-f", "--file"},
            required = true,
            description = "The connector's configuration.")
    Path file;

    @Override
    public Integer call() {
        Map<String, String> config = ConfigFiles.read(file);
        String connectorClass = config.get("connector.class");
        if (connectorClass == null || connectorClass.isBlank()) {
            throw new IllegalArgumentException(
                    file + " has no connector.class; the worker needs it to know what to" + " validate against");
        }
        JsonNode report = options.client()
                .put("connector-plugins/" + WorkerClient.segment(connectorClass) + "/config/validate", config)
                .body();
        int errors = report.path("error_count").asInt();
        if (json()) {
            Output.json(out(), report);
            return errors == 0 ? 0 : 1;
        }
        List<List<String>> rows = new ArrayList<>();
        report.path("configs")
                .forEach(setting -> setting.path("value")
                        .path("errors")
                        .forEach(error -> rows.add(
                                List.of(setting.path("value").path("name").asText(), error.asText()))));
        if (rows.isEmpty()) {
            out().println("Valid: no problems found in " + file);
            out().flush();
            return 0;
        }
        Output.table(out(), List.of("SETTING", "PROBLEM"), rows);
        out().println(errors + (errors == 1 ? " setting has" : " settings have") + " problems");
        out().flush();
        return 1;
    }
}
