package dev.kotae.usage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * Follows one append-only JSON-lines file: each call hands over the whole lines appended since the
 * last one, as bytes, and keeps a line still being written for next time. A file that shrank or was
 * replaced is read again from its start ({@link #reset} tells the caller to drop what it summed).
 * A line longer than {@link #MAX_LINE} is skipped whole.
 */
final class LogTail {
    /** Longer lines are damage, as {@link JsonLines} reads them: skipped, not parsed. */
    static final int MAX_LINE = JsonLines.MAX_LINE_BYTES;
    private static final int BUFFER = 2 * MAX_LINE;

    /** Receives one complete line, without its newline. */
    interface LineSink {
        void line(byte[] bytes, int offset, int length);
    }

    private final Path file;
    private long offset;
    private Object fileKey;
    private long skipped;

    LogTail(Path file) {
        this.file = file;
    }

    /**
     * Reads what was appended. Returns true when the file was replaced or truncated since the last
     * read: the caller's sums are then stale and the file is read from its start.
     */
    boolean read(LineSink sink, Runnable reset) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            if (offset > 0) {
                offset = 0;
                fileKey = null;
                reset.run();
                return true;
            }
            return false;
        }
        boolean replaced = false;
        if (attributes.size() < offset || fileKey != null && !Objects.equals(fileKey, attributes.fileKey())) {
            offset = 0;
            replaced = true;
            reset.run();
        }
        fileKey = attributes.fileKey();
        if (attributes.size() == offset) {
            return replaced;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
            byte[] bytes = buffer.array();
            long position = offset;
            boolean skipping = false;
            while (true) {
                int n = channel.read(buffer, position + buffer.position());
                if (n <= 0) {
                    break;
                }
                int end = buffer.position();
                int start = 0;
                for (int i = 0; i < end; i++) {
                    if (bytes[i] == '\n') {
                        if (skipping) {
                            skipping = false;
                        } else if (i - start > MAX_LINE) {
                            skipped++;
                        } else if (i > start) {
                            sink.line(bytes, start, i - start);
                        }
                        start = i + 1;
                    }
                }
                position += start;
                if (start == 0 && end == bytes.length) {
                    // One line fills the buffer: too long to be ours; drop it up to its newline.
                    if (!skipping) {
                        skipped++;
                    }
                    skipping = true;
                    position += end;
                    buffer.clear();
                    continue;
                }
                System.arraycopy(bytes, start, bytes, 0, end - start);
                buffer.position(end - start);
            }
            // Whatever follows the last newline is a line still being written: read it next time.
            offset = position;
        }
        return replaced;
    }

    /** Lines skipped as too long so far. */
    long skipped() {
        return skipped;
    }
}
