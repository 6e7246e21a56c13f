package io.tributary.connectors.jdbc;

/** The version the connectors report: the project's, from the JAR's manifest. */
final class Versions {
    private Versions() {}

    static String of(Class<?> type) {
        String version = type.getPackage().getImplementationVersion();
        return version == null ? "0.0.0-dev" : version;
    }
}
