package io.tributary.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.sdk.data.SchemaAndValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/**
 * The contracts fail a connector that breaks them, and say which point failed and why: each contract
 * point is called on a careless connector and its message checked.
 */
class CarelessConnectorsTest {
    @TempDir
    Path dir;

    private final Map<String, String> settings = new HashMap<>();

    private final SourceConnectorContract<CarelessSourceConnector> source = new SourceConnectorContract<>() {
        @Override
        public CarelessSourceConnector newConnector() {
            return new CarelessSourceConnector();
        }

        @Override
        public Map<String, String> validConfig() {
            Map<String, String> config = new HashMap<>(Map.of("topic", "numbers"));
            config.putAll(settings);
            return config;
        }

        @Override
        public Map<String, String> invalidValues() {
            return Map.of("batch.size", "-1");
        }

        @Override
        public int recordsToCheck() {
            return 3;
        }
    };

    private final SinkConnectorContract<CarelessSinkConnector> sink = new SinkConnectorContract<>() {
        @Override
        public CarelessSinkConnector newConnector() {
            return new CarelessSinkConnector();
        }

        @Override
        public Map<String, String> validConfig() {
            Map<String, String> config =
                    new HashMap<>(Map.of("file", dir.resolve("out.txt").toString()));
            config.putAll(settings);
            return config;
        }

        @Override
        public List<?> externalData() throws IOException {
            Path file = dir.resolve("out.txt");
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        }

        @Override
        public Optional<SchemaAndValue> badValue() {
            return Optional.of(new SchemaAndValue(null, "two\nlines"));
        }
    };

    @Test
    void anUndocumentedSettingIsNamed() {
        assertThatThrownBy(source::everySettingIsDocumented)
                .isInstanceOf(ContractViolation.class)
                .hasMessage("Contract point 'every setting is documented' failed: settings without documentation:"
                        + " [db.password]; give each ConfigKey a documentation(...) text");
    }

    @Test
    void aSecretInPlainTextIsNamed() {
        assertThatThrownBy(source::secretsArePasswordsAndMasked)
                .isInstanceOf(ContractViolation.class)
                .hasMessageStartingWith("Contract point 'secrets are passwords and masked' failed: settings named as"
                        + " secrets but not of type PASSWORD: [db.password (STRING)]");
    }

    @Test
    void aBadValueThatValidationAcceptsIsNamed() {
        assertThatThrownBy(source::aBadValueIsRejectedWithTheSettingsName)
                .isInstanceOf(ContractViolation.class)
                .hasMessageStartingWith("Contract point 'a bad value is rejected with the setting's name' failed:"
                        + " 'batch.size' = '-1' was not reported under 'batch.size'");
    }

    @Test
    void tooManyTaskConfigsAreCounted() {
        settings.put("careless.tasks", "true");

        assertThatThrownBy(source::taskConfigsAreAtMostMaxTasksAndStable)
                .isInstanceOf(ContractViolation.class)
                .hasMessage("Contract point 'taskConfigs(n) returns at most n configs, stable for the same input'"
                        + " failed: taskConfigs(1) returned 2 configurations; a connector may return at most"
                        + " maxTasks");
    }

    @Test
    void aConnectorStopBeforeStartThatThrowsIsShown() {
        assertThatThrownBy(source::connectorToleratesAStopBeforeStartAndASecondStop)
                .isInstanceOf(ContractViolation.class)
                .hasMessageStartingWith("Contract point 'the connector starts, stops, and tolerates a stop twice or"
                        + " before start' failed: stop() before start() threw java.lang.NullPointerException");
    }

    @Test
    void recordsWithoutOffsetsAreShown() {
        settings.put("offsets", "false");

        assertThatThrownBy(source::recordsCarryTheirTopicPartitionAndOffset)
                .isInstanceOf(ContractViolation.class)
                .hasMessageStartingWith("Contract point 'records carry a topic, a source partition and a source"
                        + " offset' failed: a record has no source partition, so nothing of it can be committed");
    }

    @Test
    void aRestartFromTheBeginningIsShown() {
        assertThatThrownBy(source::aRestartResumesFromTheCommittedOffset)
                .isInstanceOf(ContractViolation.class)
                .hasMessage("Contract point 'a restart resumes from the committed offset, without gaps or repeats'"
                        + " failed: after the restart, source partition {all=numbers} should go on with the records"
                        + " polled but not committed, [{offset={next=4}, key=null, value=3}, {offset={next=5},"
                        + " key=null, value=4}, {offset={next=6}, key=null, value=5}], but went on with"
                        + " [{offset={next=1}, key=null, value=0}, {offset={next=2}, key=null, value=1},"
                        + " {offset={next=3}, key=null, value=2}]");
    }

    @Test
    void emptyPollsThatReturnAtOnceAreMeasured() {
        assertThatThrownBy(source::anEmptyPollWaitsForData)
                .isInstanceOf(ContractViolation.class)
                .hasMessageStartingWith("Contract point 'an empty poll does not busy-loop' failed: 5 empty polls took")
                .hasMessageEndingWith("wait for data in poll() (a short sleep or a blocking read, cut short by stop())"
                        + " before returning an empty list");
    }

    @Test
    void aSinkThatDoesNotFlushBeforeTheCommitLosesData() {
        settings.put("flush", "false");

        assertThatThrownBy(sink::putThenPreCommitMakesDataDurable)
                .isInstanceOf(ContractViolation.class)
                .hasMessage("Contract point 'put then preCommit makes the data durable' failed: the external system"
                        + " should hold [value-0, value-1, value-2, value-3, value-4] but holds []; missing [value-0,"
                        + " value-1, value-2, value-3, value-4]");
    }

    @Test
    void aSinkThatDropsABadRecordWithoutReportingItIsShown() {
        assertThatThrownBy(sink::aBadRecordGoesToTheErrantRecordReporter)
                .isInstanceOf(ContractViolation.class)
                .hasMessage("Contract point 'a bad record goes to the errant record reporter' failed: with the bad"
                        + " value two\nlines between two good records, the errant record reporter got []; report a"
                        + " record that cannot be written with context.errantRecordReporter()");
    }

    @Test
    void aSinkThatCannotWriteAfterARebalanceIsShown() {
        assertThatThrownBy(sink::openAndCloseOnRebalanceKeepEveryRecord)
                .isInstanceOf(ContractViolation.class)
                .hasMessageStartingWith("Contract point 'open and close on rebalance are handled' failed:")
                .hasMessageContaining("Stream closed");
    }

    @Test
    void aTaskStopBeforeStartThatThrowsIsShown() {
        assertThatThrownBy(sink::taskToleratesAStopBeforeStartAndASecondStop)
                .isInstanceOf(ContractViolation.class)
                .hasMessageStartingWith("Contract point 'the task tolerates a stop twice or before start' failed:"
                        + " stop() before start() threw java.lang.NullPointerException");
    }

    @Test
    void aPointThatDoesNotApplyIsSkippedWithItsReason() {
        assertThatThrownBy(sink::aRedeliveredBatchIsWrittenOnce)
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("does not claim idempotent writes");
        assertThat(new ContractViolation("p", "d", null).point()).isEqualTo("p");
    }
}
