package io.tributary.runtime.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Standalone mode's offsets file: what survives a restart, and how the file is written. */
class FileOffsetStoreTest {

    private static final Map<String, Object> ORDERS = Map.of("table", "orders");
    private static final Map<String, Object> CUSTOMERS = Map.of("table", "customers");

    @TempDir
    Path folder;

    private Path file() {
        return folder.resolve("connect.offsets");
    }

    private static Map<Map<String, Object>, Map<String, Object>> changes(
            Map<String, Object> partition, Map<String, Object> offset) {
        Map<Map<String, Object>, Map<String, Object>> changes = new HashMap<>();
        changes.put(partition, offset);
        return changes;
    }

    private List<String> filesInFolder() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aNewStoreWithoutFileHasNoOffsetsAndWritesNothing() throws IOException {
        FileOffsetStore store = new FileOffsetStore(file());

        assertThat(store.allOffsets("orders-source")).isEmpty();
        assertThat(store.offsets("orders-source", List.of(ORDERS))).isEmpty();
        assertThat(filesInFolder()).isEmpty();
    }

    @Test
    void aPartitionWithIntegerValuesFindsItsOffsetAfterReopening() {
        Map<String, Object> shard = Map.of("shard", 1, "weights", List.of(1, 2));
        FileOffsetStore store = new FileOffsetStore(file());
        store.commit("shards-source", changes(shard, Map.of("position", 5)));
        store.close();

        FileOffsetStore reopened = new FileOffsetStore(file());
        assertThat(reopened.offsets("shards-source", List.of(shard)))
                .containsExactly(Map.entry(shard, Map.of("position", 5L)));
    }

    @Test
    void theMemoryStoreMatchesPartitionsAsTheFileStoreDoes() {
        MemoryOffsetStore store = new MemoryOffsetStore();
        store.commit("shards-source", changes(Map.of("shard", 1L), Map.of("position", 5)));

        assertThat(store.offsets("shards-source", List.of(Map.of("shard", 1))))
                .containsExactly(Map.entry(Map.of("shard", 1), Map.of("position", 5L)));
    }

    @Test
    void committedOffsetsAreReadBackAfterReopening() {
        FileOffsetStore store = new FileOffsetStore(file());
        store.commit("orders-source", changes(ORDERS, Map.of("position", 42L, "file", "orders-0001.log")));
        store.commit("orders-source", changes(CUSTOMERS, Map.of("position", 7L)));
        store.close();

        FileOffsetStore reopened = new FileOffsetStore(file());

        assertThat(reopened.allOffsets("orders-source"))
                .containsOnly(
                        entry(ORDERS, Map.of("position", 42L, "file", "orders-0001.log")),
                        entry(CUSTOMERS, Map.of("position", 7L)));
        assertThat(reopened.offsets("orders-source", List.of(CUSTOMERS, Map.of("table", "unknown"))))
                .containsOnly(entry(CUSTOMERS, Map.of("position", 7L)));
    }

    @Test
    void wholeNumbersComeBackAsLongsAndOtherValuesKeepTheirType() {
        FileOffsetStore store = new FileOffsetStore(file());
        Map<String, Object> offset = new HashMap<>();
        offset.put("small", 3);
        offset.put("large", 5_000_000_000L);
        offset.put("ratio", 0.5);
        offset.put("done", true);
        offset.put("ids", List.of(1, 2));
        offset.put("nested", Map.of("lsn", 99));
        store.commit("orders-source", changes(ORDERS, offset));

        Map<String, Object> read =
                new FileOffsetStore(file()).allOffsets("orders-source").get(ORDERS);

        assertThat(read)
                .containsEntry("small", 3L)
                .containsEntry("large", 5_000_000_000L)
                .containsEntry("ratio", 0.5)
                .containsEntry("done", true)
                .containsEntry("ids", List.of(1L, 2L))
                .containsEntry("nested", Map.of("lsn", 99L));
    }

    @Test
    void aCommitForcesTheFolderToDiskAfterTheRenameAndFailsIfItCannot() {
        List<Path> synced = new java.util.ArrayList<>();
        FileOffsetStore store = new FileOffsetStore(file(), folder -> {
            assertThat(file())
                    .as("the rename happened before the folder is forced")
                    .exists();
            synced.add(folder);
        });

        store.commit("orders-source", changes(ORDERS, Map.of("position", 1L)));

        assertThat(synced).containsExactly(folder.toAbsolutePath());
        FileOffsetStore failing = new FileOffsetStore(file(), folder -> {
            throw new IOException("device gone");
        });
        assertThatThrownBy(() -> failing.commit("orders-source", changes(ORDERS, Map.of("position", 2L))))
                .hasMessageContaining("device gone");
        assertThat(failing.allOffsets("orders-source"))
                .as("an offset not known to be durable is not served")
                .containsExactly(entry(ORDERS, Map.of("position", 1L)));
    }

    @Test
    void aCommitThatCannotBeWrittenChangesNothingInMemory() throws IOException {
        Path nested = folder.resolve("state").resolve("connect.offsets");
        FileOffsetStore store = new FileOffsetStore(nested);
        store.commit("orders-source", changes(ORDERS, Map.of("position", 1L)));
        // The folder becomes a plain file: the next write cannot create its temporary file there.
        Files.delete(nested);
        Files.delete(nested.getParent());
        Files.writeString(nested.getParent(), "not a folder");

        assertThatThrownBy(() -> store.commit("orders-source", changes(ORDERS, Map.of("position", 2L))))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageContaining("Cannot write source offsets");
        assertThat(store.allOffsets("orders-source"))
                .as("offsets that never reached the disk must not be served")
                .containsExactly(entry(ORDERS, Map.of("position", 1L)));
        assertThat(store.offsets("orders-source", List.of(ORDERS)))
                .containsExactly(entry(ORDERS, Map.of("position", 1L)));
    }

    @Test
    void aLaterOffsetOfAPartitionReplacesTheEarlierOne() {
        FileOffsetStore store = new FileOffsetStore(file());
        store.commit("orders-source", changes(ORDERS, Map.of("position", 1L)));
        store.commit("orders-source", changes(ORDERS, Map.of("position", 2L)));

        assertThat(store.allOffsets("orders-source")).containsExactly(entry(ORDERS, Map.of("position", 2L)));
        assertThat(new FileOffsetStore(file()).allOffsets("orders-source"))
                .containsExactly(entry(ORDERS, Map.of("position", 2L)));
    }

    @Test
    void aNullOffsetRemovesThePartition() {
        FileOffsetStore store = new FileOffsetStore(file());
        store.commit("orders-source", changes(ORDERS, Map.of("position", 1L)));
        store.commit("orders-source", changes(CUSTOMERS, Map.of("position", 9L)));

        store.commit("orders-source", changes(ORDERS, null));

        assertThat(store.allOffsets("orders-source")).containsOnlyKeys(CUSTOMERS);
        assertThat(new FileOffsetStore(file()).allOffsets("orders-source")).containsOnlyKeys(CUSTOMERS);
    }

    @Test
    void connectorsKeepSeparateOffsetsForTheSamePartition() {
        FileOffsetStore store = new FileOffsetStore(file());
        store.commit("orders-source", changes(ORDERS, Map.of("position", 1L)));
        store.commit("audit-source", changes(ORDERS, Map.of("position", 500L)));
        store.commit("audit-source", changes(ORDERS, null));

        FileOffsetStore reopened = new FileOffsetStore(file());

        assertThat(reopened.allOffsets("orders-source")).containsExactly(entry(ORDERS, Map.of("position", 1L)));
        assertThat(reopened.allOffsets("audit-source")).isEmpty();
        assertThat(reopened.offsets("audit-source", List.of(ORDERS))).isEmpty();
    }

    @Test
    void returnedOffsetsAreACopyThatDoesNotChangeTheStore() {
        FileOffsetStore store = new FileOffsetStore(file());
        store.commit("orders-source", changes(ORDERS, Map.of("position", 1L)));

        store.allOffsets("orders-source").clear();

        assertThat(store.allOffsets("orders-source")).containsOnlyKeys(ORDERS);
    }

    @Test
    void commitsReplaceTheFileLeavingNoTemporaryFilesBehind() throws IOException {
        FileOffsetStore store = new FileOffsetStore(file());
        for (long position = 1; position <= 5; position++) {
            store.commit("orders-source", changes(ORDERS, Map.of("position", position)));
        }

        assertThat(filesInFolder()).containsExactly("connect.offsets");
        assertThat(Files.readString(file(), StandardCharsets.UTF_8))
                .contains("\"orders-source\"")
                .contains("\"position\" : 5");
    }

    @Test
    void createsTheFoldersOfTheFileOnTheFirstCommit() {
        Path nested = folder.resolve("state/offsets/connect.offsets");
        FileOffsetStore store = new FileOffsetStore(nested);

        store.commit("orders-source", changes(ORDERS, Map.of("position", 1L)));

        assertThat(nested).isRegularFile();
        assertThat(new FileOffsetStore(nested).allOffsets("orders-source")).containsOnlyKeys(ORDERS);
    }

    @Test
    void anEmptyCommitDoesNotWriteTheFile() throws IOException {
        FileOffsetStore store = new FileOffsetStore(file());

        store.commit("orders-source", Map.of());

        assertThat(filesInFolder()).isEmpty();
    }

    @Test
    void aCorruptFileIsReportedWithItsPathAndWhatToDo() throws IOException {
        Files.writeString(file(), "{\"orders-source\": [{\"partition\": ", StandardCharsets.UTF_8);

        assertThatExceptionOfType(UncheckedIOException.class)
                .isThrownBy(() -> new FileOffsetStore(file()))
                .withMessageContaining(file().toAbsolutePath().toString())
                .withMessageContaining("fix or remove the file");
    }

    @Test
    void aFileOfTheWrongShapeIsReportedLikeACorruptOne() throws IOException {
        Files.writeString(file(), "[1, 2, 3]", StandardCharsets.UTF_8);

        assertThatExceptionOfType(UncheckedIOException.class)
                .isThrownBy(() -> new FileOffsetStore(file()))
                .withMessageContaining(file().toAbsolutePath().toString())
                .withMessageContaining("fix or remove the file");
    }
}
