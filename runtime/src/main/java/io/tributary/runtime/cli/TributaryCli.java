package io.tributary.runtime.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tributary} command: runs workers and inspects plugins. */
@Command(
        name = "tributary",
        mixinStandardHelpOptions = true,
        versionProvider = TributaryCli.Version.class,
        description = "Runs connectors that move data between Kafka and other systems, and manages those of any"
                + " worker that speaks Kafka Connect's REST API.",
        subcommands = {
            DemoCommand.class,
            StandaloneCommand.class,
            DistributedCommand.class,
            PluginsCommand.class,
            ConnectorsCommand.class,
            OffsetsCommand.class,
            ValidateCommand.class,
            HashPasswordCommand.class,
            CommandLine.HelpCommand.class
        })
public final class TributaryCli {

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        int exitCode = commandLine().execute(args);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    /** @return the command line, for running it in-process */
    public static CommandLine commandLine() {
        return new CommandLine(new TributaryCli())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(TributaryCli::failed)
                .setParameterExceptionHandler(TributaryCli::misused);
    }

    /** A command line that does not parse: says what is wrong, suggests what was meant, and shows the usage. */
    private static int misused(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        java.io.PrintWriter err = command.getErr();
        err.println(e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        command.usage(err);
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    /**
     * Exit codes: 1 when the worker refused the request (its message is printed as it is), 2 for a problem
     * with the command's own input, 3 when the worker cannot be reached.
     */
    private static int failed(Exception e, CommandLine command, CommandLine.ParseResult parsed) throws Exception {
        java.io.PrintWriter err = command.getErr();
        if (e instanceof WorkerClient.Refusal refusal) {
            err.println(refusal.getMessage());
            err.flush();
            return 1;
        }
        if (e instanceof WorkerClient.Unreachable unreachable) {
            err.println(unreachable.getMessage());
            err.flush();
            return 3;
        }
        if (e instanceof IllegalArgumentException
                || e instanceof java.io.UncheckedIOException
                || e instanceof io.tributary.sdk.errors.ConfigException) {
            err.println(e.getMessage());
            err.flush();
            return 2;
        }
        throw e;
    }

    /** Reports the runtime's version from the JAR manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = TributaryCli.class.getPackage().getImplementationVersion();
            return new String[] {"tributary " + (version != null ? version : "(development build)")};
        }
    }
}
