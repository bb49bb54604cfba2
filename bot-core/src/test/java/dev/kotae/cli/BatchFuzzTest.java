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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/** {@code kotae batch} on lines of arbitrary bytes: exactly one JSON answer object per line, in order. */
class BatchFuzzTest {
    private static KotaeService kotae;

    private static synchronized KotaeService kotae() throws Exception {
        if (kotae == null) {
            kotae = new KotaeService(Knowledge.build(CorpusLoader.load(EmbeddedCorpus.root())), AnswerSettings.defaults());
        }
        return kotae;
    }

    @Provide
    Arbitrary<List<byte[]>> lines() {
        // Any byte but the line terminators (\n, \r), which the reader splits on.
        Arbitrary<byte[]> line = Arbitraries.bytes().filter(b -> b != '\n' && b != '\r').array(byte[].class).ofMaxSize(300);
        Arbitrary<byte[]> text = Arbitraries.strings().all().ofMaxLength(100)
                .map(s -> s.replace('\n', ' ').replace('\r', ' ').replace('\u2028', ' ').replace('\u2029', ' ')
                        .replace('\u0085', ' ').getBytes(StandardCharsets.UTF_8));
        return Arbitraries.oneOf(line, text).list().ofMinSize(1).ofMaxSize(8);
    }

    @Property(tries = 40, shrinking = ShrinkingMode.BOUNDED)
    void oneJsonAnswerPerLine(@ForAll("lines") List<byte[]> lines) throws Exception {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        for (byte[] line : lines) {
            input.write(line);
            input.write('\n');
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        KotaeCommand.Batch.answerLines(kotae(), new ByteArrayInputStream(input.toByteArray()),
                new PrintStream(output, true, StandardCharsets.UTF_8));
        List<String> printed = output.toString(StandardCharsets.UTF_8).split("\n", -1).length > 0
                ? List.of(output.toString(StandardCharsets.UTF_8).split("\n")) : List.of();
        assertEquals(lines.size(), printed.size(), output.toString(StandardCharsets.UTF_8));
        ObjectMapper json = new ObjectMapper();
        for (String line : printed) {
            JsonNode answer = json.readTree(line);
            assertTrue(answer.has("kind") && answer.has("text"), line);
            assertTrue(!line.contains("<!"), line);
        }
    }
}
