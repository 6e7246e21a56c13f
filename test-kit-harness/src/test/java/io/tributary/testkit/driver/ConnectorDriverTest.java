package io.tributary.testkit.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.config.Validator;
import io.tributary.sdk.errors.ConfigException;
import io.tributary.sdk.source.SourceConnector;
import io.tributary.sdk.source.SourceConnectorContext;
import io.tributary.sdk.source.SourceTask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConnectorDriverTest {

    /** One task per table, up to tasks.max; a watcher thread asks for new task configurations. */
    public static class TablesConnector implements SourceConnector {
        static final ConfigDef CONFIG = ConfigDef.builder()
                .define(ConfigKey.builder("tables", ConfigDef.Type.LIST)
                        .validator(Validator.nonEmptyList())
                        .documentation("Tables to read."))
                .define(ConfigKey.builder("poll.ms", ConfigDef.Type.LONG)
                        .defaultValue(10L)
                        .documentation("How often to look for new tables."))
                .build();
        static final AtomicInteger STARTS = new AtomicInteger();

        private final List<String> tables = new ArrayList<>();
        private SourceConnectorContext context;
        private Thread watcher;

        @Override
        public String version() {
            return "1.0";
        }

        @Override
        public ConfigDef config() {
            return CONFIG;
        }

        @Override
        public void start(SourceConnectorContext context) {
            this.context = context;
            STARTS.incrementAndGet();
            tables.addAll(context.config().getList("tables"));
            Map<String, Object> resumed = context.offsetReader().offset(Map.of("table", tables.get(0)));
            if (resumed != null) {
                context.raiseError(new IllegalStateException("resumed at " + resumed));
            }
        }

        /** Finds a new table from the connector's own thread. */
        void discover(String table) {
            watcher = new Thread(() -> {
                synchronized (tables) {
                    tables.add(table);
                }
                context.requestTaskReconfiguration();
            });
            watcher.start();
        }

        @Override
        public Class<? extends SourceTask> taskClass() {
            return SourceTask.class;
        }

        @Override
        public List<Map<String, String>> taskConfigs(int maxTasks) {
            synchronized (tables) {
                return tables.stream()
                        .limit(maxTasks)
                        .map(table -> Map.of("table", table))
                        .toList();
            }
        }

        @Override
        public void stop() {}
    }

    @Test
    void validatesStartsAndAsksForTaskConfigurationsAsAWorkerDoes() {
        ConnectorDriver<TablesConnector> driver = ConnectorDriver.forConnector(TablesConnector::new)
                .name("tables")
                .config(Map.of("tables", "a,b,c"))
                .build();

        assertThat(driver.validate().errorCount()).isZero();
        driver.start();

        assertThat(driver.isRunning()).isTrue();
        assertThat(driver.taskConfigs(2)).containsExactly(Map.of("table", "a"), Map.of("table", "b"));
        assertThat(driver.taskConfigs(5)).hasSize(3);
        driver.stop().stop();
        assertThat(driver.isRunning()).isFalse();
        assertThatThrownBy(() -> driver.taskConfigs(1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The connector is not running; start() it first");
    }

    @Test
    void anInvalidConfigurationIsNotStartedAndEveryProblemIsListed() {
        ConnectorDriver<TablesConnector> driver = ConnectorDriver.forConnector(TablesConnector::new)
                .config(Map.of("poll.ms", "often"))
                .build();

        assertThat(driver.validate().errors()).containsOnlyKeys("tables", "poll.ms");
        assertThatThrownBy(driver::start)
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("tables")
                .hasMessageContaining("poll.ms");
        assertThat(driver.isRunning()).isFalse();
    }

    @Test
    void waitsForReconfigurationRequestsFromTheConnectorsOwnThreads() {
        ConnectorDriver<TablesConnector> driver = ConnectorDriver.forConnector(TablesConnector::new)
                .config(Map.of("tables", "a"))
                .start();

        driver.connector().discover("b");
        driver.awaitReconfigurationRequests(1, Duration.ofSeconds(10));

        assertThat(driver.reconfigurationRequests()).isEqualTo(1);
        assertThat(driver.taskConfigs(4)).containsExactly(Map.of("table", "a"), Map.of("table", "b"));
        assertThatThrownBy(() -> driver.awaitReconfigurationRequests(2, Duration.ofMillis(50)))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Expected 2 task reconfiguration request(s) within PT0.05S but the connector made 1");
    }

    @Test
    void aRestartMakesANewInstanceThatReadsTheCommittedOffsetsAndRaisedErrorsAreKept() {
        int before = TablesConnector.STARTS.get();
        ConnectorDriver<TablesConnector> driver = ConnectorDriver.forConnector(TablesConnector::new)
                .config(Map.of("tables", "a"))
                .committedOffset(Map.of("table", "a"), Map.of("row", 42L))
                .start();
        TablesConnector first = driver.connector();

        driver.restart();

        assertThat(driver.connector()).isNotSameAs(first);
        assertThat(TablesConnector.STARTS.get() - before).isEqualTo(2);
        assertThat(driver.raisedErrors())
                .hasSize(2)
                .allSatisfy(error -> assertThat(error).hasMessage("resumed at {row=42}"));
        assertThatThrownBy(driver::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The connector runs already; stop() it first");
    }
}
