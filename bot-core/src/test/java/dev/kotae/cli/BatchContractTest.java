package dev.kotae.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kotae.answer.AnswerSettings;
import dev.kotae.answer.Knowledge;
import dev.kotae.answer.KotaeService;
import dev.kotae.corpus.CorpusLoader;
import dev.kotae.corpus.EmbeddedCorpus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code kotae batch}: one JSON answer object per input line, whatever the line holds. */
class BatchContractTest {
    private static KotaeService kotae;

    @BeforeAll
    static void load() throws Exception {
        kotae = new KotaeService(Knowledge.build(CorpusLoader.load(EmbeddedCorpus.root())), AnswerSettings.defaults());
    }

    @Test
    void hostileLinesEachGetExactlyOneAnswerInOrder() throws Exception {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        List<String> lines = List.of("WAFとは？", "", "   ", "x".repeat(100_000), "😀🔥 とは", "\u202eWAF\u202c とは",
                "*:* AND OR ((((", "<!channel> WAFとは", "ヘルプ");
        for (String line : lines) {
            input.write(line.getBytes(StandardCharsets.UTF_8));
            input.write('\n');
        }
        input.write(new byte[] {(byte) 0xff, (byte) 0xfe, 'W', 'A', 'F', '\n'});
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        KotaeCommand.Batch.answerLines(kotae, new ByteArrayInputStream(input.toByteArray()),
                new PrintStream(output, true, StandardCharsets.UTF_8));
        List<String> printed = output.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(lines.size() + 1, printed.size());
        ObjectMapper json = new ObjectMapper();
        for (String line : printed) {
            JsonNode answer = json.readTree(line);
            for (String field : List.of("kind", "text", "citations", "confidence", "followUps", "suggestions", "tookMicros")) {
                assertTrue(answer.has(field), field + " missing in " + line);
            }
        }
        assertEquals("glossary", json.readTree(printed.get(0)).get("kind").asText());
        assertEquals("none", json.readTree(printed.get(1)).get("kind").asText());
        assertEquals("none", json.readTree(printed.get(3)).get("kind").asText());
        assertEquals("help", json.readTree(printed.get(8)).get("kind").asText());
    }

    @Test
    void citationsHaveTheContractFields() throws Exception {
        JsonNode answer = new ObjectMapper().readTree(AnswerPrinter.json(kotae.answer("WAFとは？")));
        JsonNode citation = answer.get("citations").get(0);
        for (String field : List.of("source", "doc", "section", "title", "page", "term", "snippet")) {
            assertTrue(citation.has(field), field);
        }
        assertEquals("glossary", citation.get("source").asText());
        assertEquals("WAF（ワフ）", citation.get("term").asText());
        assertTrue(kotae.answer("WAFとは？").plainText().contains("出典: 用語集「WAF（ワフ）」"));
    }
}
