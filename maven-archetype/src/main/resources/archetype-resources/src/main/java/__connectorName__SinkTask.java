package ${package};

import io.tributary.sdk.connector.TopicPartition;
import io.tributary.sdk.errors.DataException;
import io.tributary.sdk.errors.RetriableException;
import io.tributary.sdk.errors.TributaryException;
import io.tributary.sdk.sink.SinkRecord;
import io.tributary.sdk.sink.SinkTask;
import io.tributary.sdk.sink.SinkTaskContext;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Map;

/**
 * The task of {@link ${connectorName}SinkConnector}. Writes are buffered and made durable in {@link
 * #preCommit}, so the runtime commits no offset past a record that is not in the file.
 */
public class ${connectorName}SinkTask implements SinkTask {
    private SinkTaskContext context;
    private Path file;
    private BufferedWriter writer;

    @Override
    public String version() {
        return Versions.of(getClass());
    }

    @Override
    public void start(SinkTaskContext context) {
        this.context = context;
        file = Path.of(context.config(${connectorName}SinkConnector.CONFIG).getString(${connectorName}SinkConnector.FILE));
        try {
            writer = Files.newBufferedWriter(
                    file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new TributaryException("Cannot open " + file + " for appending: " + e.getMessage(), e);
        }
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        for (SinkRecord record : records) {
            String line = String.valueOf(record.value());
            if (line.contains("\n") || line.contains("\r")) {
                // A bad record goes to the errant record reporter (and the dead letter queue, if there
                // is one); its neighbours are still written. errors.tolerance decides whether it fails the task.
                context.errantRecordReporter()
                        .report(record, new DataException("A value with a line break would split into two lines"));
                continue;
            }
            try {
                writer.write(line);
                writer.newLine();
            } catch (IOException e) {
                // The runtime puts the same batch again after a back-off.
                throw new RetriableException("Cannot write to " + file + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public Map<TopicPartition, Long> preCommit(Map<TopicPartition, Long> currentOffsets) {
        try {
            writer.flush();
        } catch (IOException e) {
            throw new RetriableException("Cannot flush " + file + ": " + e.getMessage(), e);
        }
        return currentOffsets;
    }

    @Override
    public void stop() {
        try {
            if (writer != null) {
                writer.close();
            }
        } catch (IOException e) {
            throw new TributaryException("Cannot close " + file + ": " + e.getMessage(), e);
        }
    }
}
