package dev.kotae.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 6: one invalid UTF-8 byte made the whole of {@code feedback.jsonl} or
 * {@code unanswered.jsonl} read as empty. Now each line stands alone.
 */
class JsonLinesTest {
    @TempDir
    Path dir;

    @Test
    void aTornLineAndABadByteCostOnlyTheirOwnLine() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(line("{\"at\":\"2025-01-01T00:00:00Z\",\"question\":\"有給休暇は何日？\"}"));
        file.writeBytes("{\"at\":\"2025-01-01T00:00:01Z\",\"question\":\"bad ".getBytes(StandardCharsets.UTF_8));
        file.write(0xE9); // Latin-1 é: not UTF-8
        file.writeBytes(line(" byte\"}"));
        file.writeBytes("{\"at\":\"2025-01-01T00:00:02Z\",\"quest".getBytes(StandardCharsets.UTF_8)); // torn by a crash
        file.writeBytes(line("{\"at\":\"2025-01-01T00:00:03Z\",\"question\":\"社員食堂の営業時間\"}"));
        file.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        file.writeBytes(line("{\"at\":\"2025-01-01T00:00:04Z\",\"question\":\"" + "x".repeat(JsonLines.MAX_LINE_BYTES) + "\"}"));
        file.writeBytes("{\"at\":\"2025-01-01T00:00:05Z\",\"question\":\"最後の行\"}\r".getBytes(StandardCharsets.UTF_8));
        Path log = Files.write(dir.resolve(FileActivityLog.UNANSWERED), file.toByteArray());

        List<String> questions = JsonLines.read(log).stream().map(n -> n.path("question").asText()).toList();
        assertEquals(List.of("有給休暇は何日？", "bad \uFFFD byte", "最後の行"), questions);
    }

    @Test
    void theUnansweredReportStillCountsTheGoodLines() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(line("{\"at\":\"2025-01-01T00:00:00Z\",\"platform\":\"slack\",\"question\":\"有給休暇は何日？\"}"));
        file.write(0xFF);
        file.writeBytes(line(""));
        file.writeBytes(line("{\"at\":\"2025-01-01T00:00:01Z\",\"platform\":\"teams\",\"question\":\"有給休暇は何日?\"}"));
        Files.write(dir.resolve(FileActivityLog.UNANSWERED), file.toByteArray());
        var candidates = UsageReports.unanswered(dir, null);
        assertEquals(1, candidates.size());
        assertEquals(2, candidates.get(0).count());
    }

    @Test
    void aMissingFileIsEmpty() {
        List<JsonNode> none = JsonLines.read(dir.resolve("absent.jsonl"));
        assertTrue(none.isEmpty());
    }

    private static byte[] line(String text) {
        return (text + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
