package io.tributary.runtime.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The runtime's version, as the build wrote it. */
final class RuntimeVersion {
    private RuntimeVersion() {}

    /** @return the version, such as {@code 0.1.0}; never null */
    static String get() {
        try (InputStream in = RuntimeVersion.class.getResourceAsStream("/io/tributary/runtime/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the runtime's version", e);
        }
    }
}
