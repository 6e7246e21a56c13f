package io.tributary.runtime.cli;

import io.tributary.runtime.rest.PasswordHashes;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tributary hash-password USER}: prints a users-file line for the REST API's basic authentication. */
@Command(
        name = "hash-password",
        description = "Reads a password (from the terminal without echo, or the first line of standard input) and"
                + " prints USER:HASH, a line for the file named by rest.basic.auth.users.file.")
final class HashPasswordCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "USER", description = "The user the line is for.")
    private String user;

    @Override
    public Integer call() throws IOException {
        if (user.isBlank() || user.contains(":")) {
            spec.commandLine().getErr().println("A user name must be non-empty and hold no ':'");
            return 2;
        }
        char[] password = readPassword();
        if (password == null || password.length == 0) {
            spec.commandLine().getErr().println("No password given; type one, or pipe it in on standard input");
            return 2;
        }
        try {
            PrintWriter out = spec.commandLine().getOut();
            out.println(user + ":" + PasswordHashes.hash(password));
            out.flush();
        } finally {
            Arrays.fill(password, '\0');
        }
        return 0;
    }

    private static char[] readPassword() throws IOException {
        Console console = System.console();
        if (console != null) {
            return console.readPassword("Password for the REST API: ");
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        return line == null ? null : line.toCharArray();
    }
}
