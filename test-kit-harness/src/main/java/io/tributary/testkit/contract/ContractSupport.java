package io.tributary.testkit.contract;

import static io.tributary.testkit.contract.ContractViolation.fail;

import io.tributary.sdk.connector.Connector;
import io.tributary.sdk.connector.Task;
import io.tributary.testkit.driver.ConnectorDriver;
import java.util.List;
import java.util.Map;

/** What the contracts share beyond their points: starting the connector and making its task. */
final class ContractSupport {
    private ContractSupport() {}

    /** Starts a new instance of the contract's connector with its valid settings. */
    static <C extends Connector> ConnectorDriver<C> start(ConnectorContract<C> contract) {
        return ConnectorDriver.<C>forConnector(contract::newConnector)
                .config(contract.validConfig())
                .start();
    }

    /** The configuration of the first task, for the contract points that run a task. */
    static <C extends Connector> Map<String, String> firstTaskConfig(ConnectorContract<C> contract, String point) {
        ConnectorDriver<C> driver = start(contract);
        try {
            List<Map<String, String>> configs = driver.taskConfigs(1);
            if (configs.isEmpty()) {
                throw fail(
                        point,
                        "taskConfigs(1) with validConfig() returned no configuration, so no task can run;"
                                + " give settings under which the connector has work");
            }
            return configs.get(0);
        } finally {
            driver.stop();
        }
    }

    /** Makes a task of the connector's task class with its public no-argument constructor, as a worker does. */
    static <T extends Task> T newTask(ConnectorContract<?> contract, Class<T> kind, String point) {
        Class<? extends Task> taskClass = contract.newConnector().taskClass();
        if (taskClass == null) {
            throw fail(point, "taskClass() returned null");
        }
        if (!kind.isAssignableFrom(taskClass)) {
            throw fail(point, taskClass.getName() + " is not a " + kind.getSimpleName());
        }
        try {
            return kind.cast(taskClass.getConstructor().newInstance());
        } catch (ReflectiveOperationException e) {
            throw new ContractViolation(
                    point, "a worker cannot make " + taskClass.getName() + " with a public no-argument constructor", e);
        }
    }
}
