package dev.kotae.usage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Append-only JSON-lines files: one object per line, appended whole; a line that does not parse
 * (a torn write, a hand edit) is skipped with a warning, never fatal.
 */
public final class JsonLines {
    /** Instants are written as ISO-8601 text, readable by people and by {@code Instant.parse}. */
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new SimpleModule()
            .addSerializer(java.time.Instant.class, ToStringSerializer.instance));
    private static final Logger LOG = LoggerFactory.getLogger(JsonLines.class);

    private JsonLines() {}

    public static synchronized void append(Path file, Object value) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, JSON.writeValueAsString(value) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            LOG.warn("cannot append to {}: {}", file, e.getMessage());
        }
    }

    /**
     * Every JSON object in the file, in order. Read line by line: a line with bytes that are not UTF-8
     * is read with U+FFFD in their place (and a warning); a line that is not a JSON object (torn by a
     * crash, edited by hand) or longer than {@link #MAX_LINE_BYTES} is skipped with a warning. One bad
     * line never costs the rest of the file.
     */
    public static List<JsonNode> read(Path file) {
        List<JsonNode> values = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return values;
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            LineReader lines = new LineReader(in);
            byte[] line;
            int number = 0;
            while ((line = lines.next()) != null) {
                number++;
                if (lines.overlong()) {
                    LOG.warn("{}:{}: skipping a line longer than {} bytes", file.getFileName(), number, MAX_LINE_BYTES);
                    continue;
                }
                JsonNode node = parse(file, number, line);
                if (node != null) {
                    values.add(node);
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot read {} to the end: {}", file, e.getMessage());
        }
        return values;
    }

    /** No line Kotae writes comes near this (stored texts are capped); a longer one is damage. */
    static final int MAX_LINE_BYTES = 1 << 20;

    private static JsonNode parse(Path file, int number, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        String line;
        try {
            line = decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            line = new String(bytes, StandardCharsets.UTF_8); // the replacing decoder: U+FFFD for each bad sequence
            LOG.warn("{}:{}: bytes that are not UTF-8, read as U+FFFD", file.getFileName(), number);
        }
        if (line.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(line);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (IOException e) {
            // reported below
        }
        LOG.warn("{}:{}: skipping a line that is not a JSON object", file.getFileName(), number);
        return null;
    }

    /** Splits a byte stream at {@code \n}, keeping at most {@link #MAX_LINE_BYTES} of a line in memory. */
    private static final class LineReader {
        private final InputStream in;
        private boolean overlong;

        LineReader(InputStream in) {
            this.in = in;
        }

        /** The next line without its {@code \n} (or {@code \r\n}), or null at the end. */
        byte[] next() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            overlong = false;
            int b;
            boolean any = false;
            while ((b = in.read()) != -1) {
                any = true;
                if (b == '\n') {
                    break;
                }
                if (line.size() < MAX_LINE_BYTES) {
                    line.write(b);
                } else {
                    overlong = true;
                }
            }
            if (!any) {
                return null;
            }
            byte[] bytes = line.toByteArray();
            int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
            return end == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, end);
        }

        boolean overlong() {
            return overlong;
        }
    }
}
