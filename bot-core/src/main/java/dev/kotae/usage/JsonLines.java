package dev.kotae.usage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
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

    public static List<JsonNode> read(Path file) {
        List<JsonNode> values = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return values;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("cannot read {}: {}", file, e.getMessage());
            return values;
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode node = JSON.readTree(line);
                if (node != null && node.isObject()) {
                    values.add(node);
                    continue;
                }
            } catch (IOException e) {
                // reported below
            }
            LOG.warn("{}:{}: skipping a line that is not a JSON object", file.getFileName(), i + 1);
        }
        return values;
    }
}
