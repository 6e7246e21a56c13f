package io.tributary.runtime.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tributary} command: runs workers and inspects plugins. */
@Command(
        name = "tributary",
        mixinStandardHelpOptions = true,
        versionProvider = TributaryCli.Version.class,
        description = "Runs connectors that move data between Kafka and other systems.",
        subcommands = {
            DemoCommand.class,
            StandaloneCommand.class,
            PluginsCommand.class,
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
        return new CommandLine(new TributaryCli()).setCaseInsensitiveEnumValuesAllowed(true);
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
