package io.tributary.testkit.db;

import io.tributary.testkit.TestKitSettings;

/**
 * A database server the kit does not run, named by the {@code <kind>.url}, {@code <kind>.username} and
 * {@code <kind>.password} settings. Tests share its database: the kit creates and drops none there.
 */
final class ExternalServer extends DatabaseServer {
    private final String product;
    private final String url;
    private final String username;
    private final String password;

    /**
     * @param kind the settings' prefix, such as {@code postgres}
     * @param product what the server is, for messages, such as {@code PostgreSQL}
     * @param defaultUsername the user name when {@code <kind>.username} is not set
     */
    ExternalServer(String kind, String product, String defaultUsername) {
        this.product = product;
        this.url = TestKitSettings.get(kind + ".url")
                .orElseThrow(() -> new IllegalStateException("The external " + product + " provider needs a JDBC URL:"
                        + " set " + TestKitSettings.systemProperty(kind + ".url") + " or "
                        + TestKitSettings.environmentVariable(kind + ".url")));
        this.username = TestKitSettings.get(kind + ".username").orElse(defaultUsername);
        this.password = TestKitSettings.get(kind + ".password").orElse("");
    }

    @Override
    String jdbcUrl(String database) {
        return url;
    }

    @Override
    String adminDatabase() {
        throw new UnsupportedOperationException("The kit makes no databases on an external server");
    }

    @Override
    boolean createsDatabases() {
        return false;
    }

    @Override
    void dropDatabase(String name) {
        throw new UnsupportedOperationException("The kit drops no databases on an external server");
    }

    @Override
    String username() {
        return username;
    }

    @Override
    String password() {
        return password;
    }

    @Override
    String description() {
        return "external " + product + " at " + url;
    }

    @Override
    public void close() {}
}
