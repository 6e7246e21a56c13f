package io.tributary.connect;

/**
 * The names of the classes a connector's Connect bundle adds: each SDK plugin class gets a Connect class of the
 * same simple name in a {@code connect} package beneath its own. {@code com.acme.OrdersSourceConnector} becomes
 * {@code com.acme.connect.OrdersSourceConnector}; a nested {@code com.acme.Mask$Value} becomes {@code
 * com.acme.connect.Mask$Value}; a class in no package goes to the {@code connect} package. Kafka Connect users
 * name the result in {@code connector.class}, {@code transforms.*.type}, {@code predicates.*.type} and the
 * converter settings, or its simple name, which Connect takes as an alias.
 */
public final class ConnectNames {
    /** The package, under the SDK class's own, that holds the Connect classes. */
    public static final String PACKAGE = "connect";

    private ConnectNames() {}

    /**
     * @param sdkClassName an SDK plugin or task class's binary name, as {@link Class#getName()} gives it
     * @return the binary name of the Connect class that runs it
     */
    public static String connectClassName(String sdkClassName) {
        int dot = sdkClassName.lastIndexOf('.');
        if (dot < 0) {
            return PACKAGE + "." + sdkClassName;
        }
        return sdkClassName.substring(0, dot) + "." + PACKAGE + sdkClassName.substring(dot);
    }
}
