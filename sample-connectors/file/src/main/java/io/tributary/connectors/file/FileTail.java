package io.tributary.connectors.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads the complete lines of one file from a byte position on, and notices when the file is truncated,
 * replaced by another (rotation), or gone. A line is complete once its line break is written; the bytes
 * after the last break wait for the next read, except at the end of a file that was replaced, which will
 * not grow any more.
 */
final class FileTail implements AutoCloseable {
    private static final int CHUNK = 64 * 1024;

    /** A complete line and the byte position right after it, in the file identified by {@code fileKey}. */
    record Line(String text, long endPosition, String fileKey) {}

    /** What changed in the file since the last read, for the task to log. */
    enum Change {
        NONE,
        OPENED,
        TRUNCATED,
        REPLACED,
        MISSING
    }

    private final Path path;
    private FileChannel channel;
    private String fileKey;
    /** The position after the last complete line returned. */
    private long position;

    private final ByteArrayBuilder pending = new ByteArrayBuilder();
    private Change lastChange = Change.NONE;
    private boolean missing;

    /**
     * @param path the file
     * @param resumeKey the identity of the file the position was read in, or null when unknown
     * @param resumePosition where to go on in that file
     */
    FileTail(Path path, String resumeKey, long resumePosition) {
        this.path = path;
        this.fileKey = resumeKey;
        this.position = resumePosition;
    }

    Path path() {
        return path;
    }

    /** @return what the last {@link #read(int)} found changed, then {@link Change#NONE} */
    Change takeChange() {
        Change change = lastChange;
        lastChange = Change.NONE;
        return change;
    }

    /**
     * Reads up to {@code max} complete lines.
     *
     * @param max the most lines to return
     * @return the lines, in order; empty when there is nothing new or the file is missing
     * @throws IOException if the file cannot be read
     */
    List<Line> read(int max) throws IOException {
        List<Line> lines = new ArrayList<>();
        String current = currentKey();
        if (current == null) {
            if (channel != null) {
                // Gone: what it still held is read to its end, since nothing will be added.
                readAvailable(lines, max, true);
                if (lines.size() < max) {
                    closeChannel();
                }
            } else if (!missing) {
                missing = true;
                lastChange = Change.MISSING;
            }
            return lines;
        }
        missing = false;
        if (channel != null && !current.equals(fileKey)) {
            // Replaced: first the rest of the old file, then the new one from its start.
            readAvailable(lines, max, true);
            if (lines.size() >= max) {
                return lines;
            }
            closeChannel();
            open(current, 0);
            lastChange = Change.REPLACED;
        } else if (channel == null) {
            long start = current.equals(fileKey) || fileKey == null ? position : 0;
            open(current, start);
            lastChange = start == 0 && position > 0 ? Change.REPLACED : Change.OPENED;
        }
        if (channel.size() < position) {
            // Truncated: read again from the start.
            channel.position(0);
            position = 0;
            pending.clear();
            lastChange = Change.TRUNCATED;
        }
        readAvailable(lines, max, false);
        return lines;
    }

    private void open(String key, long start) throws IOException {
        channel = FileChannel.open(path, StandardOpenOption.READ);
        long size = channel.size();
        position = start <= size ? start : 0;
        channel.position(position);
        fileKey = key;
        pending.clear();
    }

    private void readAvailable(List<Line> lines, int max, boolean finalRead) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
        long consumed = position + pending.size();
        while (lines.size() < max) {
            int start = pending.indexOf((byte) '\n');
            if (start >= 0) {
                emit(lines, start);
                continue;
            }
            buffer.clear();
            int read = channel.read(buffer, consumed);
            if (read <= 0) {
                break;
            }
            pending.append(buffer.array(), 0, read);
            consumed += read;
        }
        if (finalRead && lines.size() < max && pending.size() > 0 && pending.indexOf((byte) '\n') < 0) {
            // The last line of a file that will not grow has no line break: it is complete.
            byte[] rest = pending.take(pending.size());
            position += rest.length;
            lines.add(new Line(decode(rest, rest.length), position, fileKey));
        }
    }

    private void emit(List<Line> lines, int lineBreak) {
        byte[] bytes = pending.take(lineBreak + 1);
        position += bytes.length;
        int length = lineBreak;
        if (length > 0 && bytes[length - 1] == '\r') {
            length--;
        }
        lines.add(new Line(decode(bytes, length), position, fileKey));
    }

    private static String decode(byte[] bytes, int length) {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    /** @return the identity of the file now at the path, or null when there is none */
    private String currentKey() throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null;
        }
        Object key = attributes.fileKey();
        return key != null
                ? key.toString()
                : "created=" + attributes.creationTime().toMillis();
    }

    private void closeChannel() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
        pending.clear();
    }

    @Override
    public void close() throws IOException {
        closeChannel();
    }

    @Override
    public String toString() {
        return path + "@" + position + " (" + Objects.requireNonNullElse(fileKey, "not opened") + ")";
    }

    /** Bytes read past the last complete line; taking from the front only moves a mark. */
    private static final class ByteArrayBuilder {
        private byte[] bytes = new byte[CHUNK];
        private int begin;
        private int end;
        /** Where the search for a line break goes on: the bytes before it hold none. */
        private int searched;

        int size() {
            return end - begin;
        }

        void append(byte[] source, int offset, int length) {
            if (end + length > bytes.length) {
                int size = size();
                byte[] target =
                        size + length > bytes.length ? new byte[Math.max(bytes.length * 2, size + length)] : bytes;
                System.arraycopy(bytes, begin, target, 0, size);
                searched -= begin;
                bytes = target;
                begin = 0;
                end = size;
            }
            System.arraycopy(source, offset, bytes, end, length);
            end += length;
        }

        /** @return the index, from the front, of the first such byte, or -1 */
        int indexOf(byte value) {
            for (int i = Math.max(searched, begin); i < end; i++) {
                if (bytes[i] == value) {
                    searched = i;
                    return i - begin;
                }
            }
            searched = end;
            return -1;
        }

        byte[] take(int count) {
            byte[] taken = java.util.Arrays.copyOfRange(bytes, begin, begin + count);
            begin += count;
            if (searched < begin) {
                searched = begin;
            }
            return taken;
        }

        void clear() {
            begin = 0;
            end = 0;
            searched = 0;
        }
    }
}
