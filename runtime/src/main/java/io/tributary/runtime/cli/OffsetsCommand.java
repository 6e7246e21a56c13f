package io.tributary.runtime.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tributary offsets get|alter|reset NAME}: a connector's committed offsets. */
@Command(
        name = "offsets",
        description = "Reads a connector's committed offsets, or changes them while it is stopped.",
        subcommands = {OffsetsCommand.Get.class, OffsetsCommand.Alter.class, OffsetsCommand.Reset.class})
final class OffsetsCommand {

    @Command(name = "get", description = "Shows a connector's committed offsets.")
    static final class Get extends ConnectorsCommand.ClientCommand {
        @Parameters(paramLabel = "NAME", description = "The connector.")
        String name;

        @Override
        public Integer call() {
            JsonNode offsets = options.client().get(connectorPath(name) + "/offsets");
            if (json()) {
                Output.json(out(), offsets);
                return 0;
            }
            List<List<String>> rows = new ArrayList<>();
            offsets.path("offsets")
                    .forEach(entry -> rows.add(List.of(
                            entry.path("partition").toString(),
                            entry.path("offset").toString())));
            Output.table(out(), List.of("PARTITION", "OFFSET"), rows);
            return 0;
        }
    }

    @Command(
            name = "alter",
            description =
                    "Sets offsets of a stopped connector from a JSON file of {\"offsets\": [{\"partition\": {...},"
                            + " \"offset\": {...}}]}, as 'offsets get -o json' prints them; a null offset erases it.")
    static final class Alter extends ConnectorsCommand.ClientCommand {
        @Parameters(paramLabel = "NAME", description = "The connector.")
        String name;

        @Option(
                names = {"-f", "--file"},
                required = true,
                description = "The offsets, as JSON.")
        Path file;

        @Override
        public Integer call() {
            JsonNode offsets;
            try {
                offsets = new ObjectMapper().readTree(file.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file + " as JSON: " + e.getMessage(), e);
            }
            JsonNode answer = options.client()
                    .patch(connectorPath(name) + "/offsets", offsets)
                    .body();
            done(answer == null ? "Offsets altered" : answer.path("message").asText("Offsets altered"));
            return 0;
        }
    }

    @Command(name = "reset", description = "Erases every committed offset of a stopped connector.")
    static final class Reset extends ConnectorsCommand.ClientCommand {
        @Parameters(paramLabel = "NAME", description = "The connector.")
        String name;

        @Override
        public Integer call() {
            JsonNode answer =
                    options.client().delete(connectorPath(name) + "/offsets").body();
            done(answer == null ? "Offsets reset" : answer.path("message").asText("Offsets reset"));
            return 0;
        }
    }
}
