package io.tributary.runtime.storage;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps source offsets in one JSON file, for standalone mode. Every commit rewrites the file
 * atomically (a temporary file in the same folder, forced to disk, then renamed over the old one), so a
 * crash leaves either the old or the new offsets, never a torn file.
 *
 * <p>The file holds {@code {"connector": [{"partition": {...}, "offset": {...}}, ...], ...}}.
 */
public final class FileOffsetStore implements OffsetStore {
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_LONG_FOR_INTS);
    private static final TypeReference<Map<String, List<Entry>>> FILE_TYPE = new TypeReference<>() {};

    /** One stored offset. */
    record Entry(Map<String, Object> partition, Map<String, Object> offset) {}

    /** Forces a folder's entries to disk. */
    @FunctionalInterface
    interface FolderSync {
        void sync(Path folder) throws IOException;
    }

    private final Path file;
    private final FolderSync folderSync;
    private final Map<String, Map<Map<String, Object>, Map<String, Object>>> offsets = new LinkedHashMap<>();

    /**
     * Opens the store, reading the file if it exists.
     *
     * @param file the offsets file; its folder is created if missing
     * @throws UncheckedIOException if the file exists but cannot be read as offsets
     */
    public FileOffsetStore(Path file) {
        this(file, FileOffsetStore::syncDirectory);
    }

    /**
     * @param file the offsets file
     * @param folderSync forces the folder's entry for the renamed file to disk
     */
    FileOffsetStore(Path file, FolderSync folderSync) {
        this.folderSync = folderSync;
        this.file = file.toAbsolutePath();
        if (Files.exists(this.file)) {
            try {
                Map<String, List<Entry>> stored = JSON.readValue(this.file.toFile(), FILE_TYPE);
                stored.forEach((connector, entries) -> {
                    Map<Map<String, Object>, Map<String, Object>> byPartition = new LinkedHashMap<>();
                    entries.forEach(e -> byPartition.put(e.partition(), e.offset()));
                    offsets.put(connector, byPartition);
                });
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "Cannot read source offsets from " + this.file + ": " + e.getMessage()
                                + "; fix or remove the file (removing it makes source connectors start over)",
                        e);
            }
        }
    }

    @Override
    public synchronized Map<Map<String, Object>, Map<String, Object>> offsets(
            String connector, Collection<Map<String, Object>> partitions) {
        Map<Map<String, Object>, Map<String, Object>> stored = offsets.getOrDefault(connector, Map.of());
        Map<Map<String, Object>, Map<String, Object>> found = new LinkedHashMap<>();
        for (Map<String, Object> partition : partitions) {
            Map<String, Object> offset = stored.get(OffsetMaps.normalize(partition));
            if (offset != null) {
                found.put(partition, offset);
            }
        }
        return found;
    }

    @Override
    public synchronized Map<Map<String, Object>, Map<String, Object>> allOffsets(String connector) {
        return new LinkedHashMap<>(offsets.getOrDefault(connector, Map.of()));
    }

    @Override
    public synchronized void commit(String connector, Map<Map<String, Object>, Map<String, Object>> changes) {
        if (changes.isEmpty()) {
            return;
        }
        // The change is made to a copy and takes effect in memory only once it is on disk: a failed write
        // leaves both as they were, so readers never see offsets a crash would lose.
        Map<Map<String, Object>, Map<String, Object>> updated =
                new LinkedHashMap<>(offsets.getOrDefault(connector, Map.of()));
        changes.forEach((partition, offset) -> {
            if (offset == null) {
                updated.remove(OffsetMaps.normalize(partition));
            } else {
                updated.put(OffsetMaps.normalize(partition), OffsetMaps.normalize(offset));
            }
        });
        Map<String, Map<Map<String, Object>, Map<String, Object>>> next = new LinkedHashMap<>(offsets);
        next.put(connector, updated);
        write(next);
        offsets.put(connector, updated);
    }

    private void write(Map<String, Map<Map<String, Object>, Map<String, Object>>> all) {
        Map<String, List<Entry>> content = new LinkedHashMap<>();
        all.forEach((connector, byPartition) -> {
            List<Entry> entries = new ArrayList<>();
            byPartition.forEach((partition, offset) -> entries.add(new Entry(partition, offset)));
            content.put(connector, entries);
        });
        try {
            Files.createDirectories(file.getParent());
            Path temporary =
                    Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try {
                try (var channel =
                        java.nio.channels.FileChannel.open(temporary, java.nio.file.StandardOpenOption.WRITE)) {
                    channel.write(java.nio.ByteBuffer.wrap(
                            JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(content)));
                    channel.force(true);
                }
                try {
                    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
                }
                folderSync.sync(file.getParent());
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot write source offsets to " + file + ": " + e.getMessage()
                            + "; check that the folder is writable and the disk has space",
                    e);
        }
    }

    /**
     * Forces the folder's entry for the renamed file to disk: without it, a power loss after the rename can
     * bring the old file back. Some file systems and platforms cannot open a folder for this; there the rename
     * is as durable as they make it.
     */
    private static void syncDirectory(Path directory) throws IOException {
        try (var channel = java.nio.channels.FileChannel.open(directory, java.nio.file.StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            if (!System.getProperty("os.name", "")
                    .toLowerCase(java.util.Locale.ROOT)
                    .startsWith("windows")) {
                throw e instanceof IOException io ? io : new IOException(e);
            }
        }
    }

    @Override
    public void close() {}

    @Override
    public String toString() {
        return "offsets file " + file;
    }
}
