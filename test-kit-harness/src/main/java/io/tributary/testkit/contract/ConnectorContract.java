package io.tributary.testkit.contract;

import static io.tributary.testkit.contract.ContractViolation.check;
import static io.tributary.testkit.contract.ContractViolation.fail;

import io.tributary.sdk.annotation.Evolving;
import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.config.ConfigValidation;
import io.tributary.sdk.connector.Connector;
import io.tributary.testkit.driver.ConnectorDriver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The contract points every connector keeps, whatever its kind: a documented and checked config
 * definition, secrets kept as passwords, task configurations bounded and stable, and a lifecycle that
 * tolerates extra or early stops. {@link SourceConnectorContract} and {@link SinkConnectorContract} add
 * the points of each kind; implement one of them in a test class.
 *
 * <p>Each point is a test of its own, named after it. A failure is a {@link ContractViolation} whose
 * message names the point and says what the connector did instead.
 *
 * @param <C> the connector type
 */
@Evolving
public interface ConnectorContract<C extends Connector> {
    /** Setting names that hold secrets: such a setting must be of type {@code PASSWORD}. */
    Pattern SECRET_NAME = Pattern.compile(
            "(?i)(^|[._-])(password|passwd|secret|token|credentials?|api[._-]?key|private[._-]?key)([._-]|$)");

    /**
     * Makes a new instance of the connector under test, as a worker does with its public no-argument
     * constructor.
     *
     * @return a connector that is not started
     */
    C newConnector();

    /**
     * A configuration that the connector accepts and runs with, pointing at the external system the
     * test set up. Called for each contract point; give each test its own external state (a fresh file,
     * table or topic), since JUnit makes a new test instance for each point.
     *
     * @return the connector's settings, without the worker's ({@code name}, {@code connector.class},
     *     {@code tasks.max}, ...)
     */
    Map<String, String> validConfig();

    /**
     * Settings with values the connector must reject, beside those the contract makes up by itself
     * (a word for a number or a boolean). The default is none.
     *
     * @return setting name to a value that validation must report for that setting
     */
    default Map<String, String> invalidValues() {
        return Map.of();
    }

    /**
     * The largest {@code tasks.max} the contract asks task configurations for; it asks for each from 1.
     *
     * @return the largest number of tasks to check, at least 1; 3 by default
     */
    default int maxTasksToCheck() {
        return 3;
    }

    /** Every setting of the config definition says what it does. */
    @Test
    default void everySettingIsDocumented() {
        check("every setting is documented", () -> {
            List<String> undocumented = new ArrayList<>();
            for (ConfigKey key : definition().keys()) {
                if (key.documentation() == null || key.documentation().isBlank()) {
                    undocumented.add(key.name());
                }
            }
            if (!undocumented.isEmpty()) {
                throw new AssertionError("settings without documentation: " + undocumented
                        + "; give each ConfigKey a documentation(...) text");
            }
        });
    }

    /** A required setting left out is reported, under its own name. */
    @Test
    default void aMissingRequiredSettingIsReportedByName() {
        check("a missing required setting is reported by name", () -> {
            Map<String, String> valid = validConfig();
            for (ConfigKey key : definition().keys()) {
                if (key.hasDefault() || !valid.containsKey(key.name())) {
                    continue;
                }
                Map<String, String> without = new HashMap<>(valid);
                without.remove(key.name());
                ConfigValidation validation = newConnector().validate(without);
                if (!validation.errors().containsKey(key.name())) {
                    throw new AssertionError("without the required setting '" + key.name()
                            + "' validation reported " + validation.errors()
                            + "; a required setting has no default, so validation must name it");
                }
            }
        });
    }

    /**
     * A bad value is rejected under its setting's name: a word for a number or a boolean, and each value
     * of {@link #invalidValues()}.
     */
    @Test
    default void aBadValueIsRejectedWithTheSettingsName() {
        check("a bad value is rejected with the setting's name", () -> {
            Map<String, String> bad = new LinkedHashMap<>();
            for (ConfigKey key : definition().keys()) {
                switch (key.type()) {
                    case INT, SHORT, LONG, DOUBLE -> bad.put(key.name(), "not-a-number");
                    case BOOLEAN -> bad.put(key.name(), "perhaps");
                    default -> {}
                }
            }
            bad.putAll(invalidValues());
            for (Map.Entry<String, String> setting : bad.entrySet()) {
                Map<String, String> config = new HashMap<>(validConfig());
                config.put(setting.getKey(), setting.getValue());
                ConfigValidation validation = newConnector().validate(config);
                List<String> errors = validation.errors().get(setting.getKey());
                if (errors == null || errors.isEmpty() || errors.stream().allMatch(String::isBlank)) {
                    throw new AssertionError("'" + setting.getKey() + "' = '" + setting.getValue()
                            + "' was not reported under '" + setting.getKey() + "'; validation reported "
                            + validation.errors());
                }
            }
        });
    }

    /**
     * A setting whose name says it holds a secret is of type {@code PASSWORD}, so that the worker masks
     * it in its logs and REST answers, and a parsed config does not show a password's value.
     */
    @Test
    default void secretsArePasswordsAndMasked() {
        check("secrets are passwords and masked", () -> {
            List<String> plain = new ArrayList<>();
            for (ConfigKey key : definition().keys()) {
                if (SECRET_NAME.matcher(key.name()).find() && key.type() != ConfigDef.Type.PASSWORD) {
                    plain.add(key.name() + " (" + key.type() + ")");
                }
            }
            if (!plain.isEmpty()) {
                throw new AssertionError("settings named as secrets but not of type PASSWORD: " + plain
                        + "; a worker shows their values in its logs and REST answers");
            }
            Map<String, String> valid = validConfig();
            String shown = definition().parse(valid).toString();
            for (ConfigKey key : definition().keys()) {
                String value = valid.get(key.name());
                if (key.type() == ConfigDef.Type.PASSWORD
                        && value != null
                        && !value.isEmpty()
                        && shown.contains(value)) {
                    throw new AssertionError("the parsed config shows the value of password '" + key.name() + "'");
                }
            }
        });
    }

    /**
     * {@code taskConfigs(n)} returns at most {@code n} configurations, and the same ones for the same
     * settings: when asked again, and from another instance.
     */
    @Test
    default void taskConfigsAreAtMostMaxTasksAndStable() {
        check("taskConfigs(n) returns at most n configs, stable for the same input", () -> {
            ConnectorDriver<C> first = ContractSupport.start(this);
            ConnectorDriver<C> second = ContractSupport.start(this);
            try {
                for (int n = 1; n <= maxTasksToCheck(); n++) {
                    List<Map<String, String>> configs = first.taskConfigs(n);
                    List<Map<String, String>> again = first.taskConfigs(n);
                    List<Map<String, String>> elsewhere = second.taskConfigs(n);
                    if (!configs.equals(again)) {
                        throw new AssertionError(
                                "taskConfigs(" + n + ") changed between two calls: " + configs + " then " + again);
                    }
                    if (!configs.equals(elsewhere)) {
                        throw new AssertionError("taskConfigs(" + n + ") differs between two instances started with"
                                + " the same settings: " + configs + " and " + elsewhere
                                + "; a worker that restarts the connector would reconfigure every task");
                    }
                }
            } finally {
                first.stop();
                second.stop();
            }
        });
    }

    /** The connector starts and stops, and a stop before start or a second stop does no harm. */
    @Test
    default void connectorToleratesAStopBeforeStartAndASecondStop() {
        check("the connector starts, stops, and tolerates a stop twice or before start", () -> {
            C unstarted = newConnector();
            try {
                unstarted.stop();
            } catch (RuntimeException e) {
                throw new AssertionError("stop() before start() threw " + e, e);
            }
            ConnectorDriver<C> driver = ContractSupport.start(this);
            driver.stop();
            try {
                driver.connector().stop();
            } catch (RuntimeException e) {
                throw new AssertionError("a second stop() threw " + e, e);
            }
        });
    }

    /**
     * The connector's definition of its settings.
     *
     * @return the definition a new instance gives
     */
    private ConfigDef definition() {
        ConfigDef definition = newConnector().config();
        if (definition == null) {
            throw fail("the connector has a config definition", "config() returned null");
        }
        return definition;
    }
}
