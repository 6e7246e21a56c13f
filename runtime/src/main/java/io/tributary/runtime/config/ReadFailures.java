package io.tributary.runtime.config;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Says why a file could not be read, in words an operator can act on. */
final class ReadFailures {

    private ReadFailures() {}

    /**
     * @param e the failure
     * @return the reason, such as "it does not exist"; never null
     */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "it does not exist";
        }
        if (e instanceof AccessDeniedException) {
            return "the worker's user may not read it";
        }
        if (e instanceof NotDirectoryException) {
            return "it is not a directory";
        }
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message != null ? " (" + message + ")" : "");
    }
}
