package dev.kotae.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plain {@code kotae ask WORDS…}, answered without picocli's model, prints and exits exactly as
 * picocli's {@code ask} does ({@code ask -- WORDS…} still goes through picocli); and which commands
 * start opening the embedded corpus's generation before the command line is parsed.
 */
class PlainAskTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @BeforeEach
    void capture() {
        savedOut = KotaeCommand.OUT;
        savedErr = KotaeCommand.ERR;
        KotaeCommand.OUT = new PrintStream(out, true, StandardCharsets.UTF_8);
        KotaeCommand.ERR = new PrintStream(err, true, StandardCharsets.UTF_8);
    }

    @AfterEach
    void restore() {
        KotaeCommand.OUT = savedOut;
        KotaeCommand.ERR = savedErr;
    }

    /** Exit code, stdout and stderr of one command. */
    private record Ran(int exit, String out, String err) {}

    private Ran run(Map<String, String> env, String... args) {
        out.reset();
        err.reset();
        int exit = KotaeCommand.run(env, args);
        return new Ran(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void thePlainFormPrintsWhatPicocliPrints() {
        for (String[] words : new String[][] {{"WAFとは？"}, {"攻めのIT投資の", "事例をまとめて"}, {""}, {"量子コンピュータで猫を飼う方法"}}) {
            String[] plain = new String[words.length + 1];
            String[] parsed = new String[words.length + 2];
            plain[0] = parsed[0] = "ask";
            parsed[1] = "--";
            System.arraycopy(words, 0, plain, 1, words.length);
            System.arraycopy(words, 0, parsed, 2, words.length);
            assertTrue(PlainAsk.is(plain) && !PlainAsk.is(parsed));
            Ran fast = run(Map.of(), plain);
            assertEquals(run(Map.of(), parsed), fast, String.join(" ", words));
            assertEquals(0, fast.exit());
        }
    }

    @Test
    void aFailureIsReportedAsPicocliReportsIt() {
        Map<String, String> notACorpus = Map.of("KOTAE_CORPUS_DIR", dir.toString()); // no documents/ in it
        Ran fast = run(notACorpus, "ask", "WAF");
        assertEquals(run(notACorpus, "ask", "--", "WAF"), fast);
        assertEquals(1, fast.exit());
        assertTrue(fast.err().contains("コーパス"), fast.err());
        assertEquals(2, run(Map.of("KOTAE_MIN_CONFIDENCE", "abc"), "ask", "WAF").exit(), "settings are checked first, as before");
    }

    @Test
    void onlyTheOptionlessFormIsPlain() {
        assertTrue(PlainAsk.is("ask", "WAFとは？"));
        assertTrue(PlainAsk.is("ask", "WAF", "とは"));
        assertFalse(PlainAsk.is("ask"));
        assertFalse(PlainAsk.is("ask", "--json", "WAF"));
        assertFalse(PlainAsk.is("ask", "WAF", "--explain"));
        assertFalse(PlainAsk.is("ask", "-h"));
        assertFalse(PlainAsk.is("ask", "@questions.txt"));
        assertFalse(PlainAsk.is("batch"));
        assertFalse(PlainAsk.is("--corpus", "x", "ask", "WAF"));
    }

    @Test
    void theGenerationIsOpenedEarlyOnlyForTheEmbeddedCorpusInMemory() {
        assertTrue(KotaeCommand.opensEmbeddedInMemory(Map.of(), "ask", "WAFとは？"));
        assertTrue(KotaeCommand.opensEmbeddedInMemory(Map.of(), "ask", "--json", "WAFとは？"));
        assertTrue(KotaeCommand.opensEmbeddedInMemory(Map.of(), "batch"));
        assertTrue(KotaeCommand.opensEmbeddedInMemory(Map.of(), "chat"));
        assertFalse(KotaeCommand.opensEmbeddedInMemory(Map.of()));
        assertFalse(KotaeCommand.opensEmbeddedInMemory(Map.of(), "validate"));
        assertFalse(KotaeCommand.opensEmbeddedInMemory(Map.of(), "reindex"));
        assertFalse(KotaeCommand.opensEmbeddedInMemory(Map.of(), "ask", "--corpus", "x", "WAF"));
        assertFalse(KotaeCommand.opensEmbeddedInMemory(Map.of(), "ask", "--index=x", "WAF"));
        assertFalse(KotaeCommand.opensEmbeddedInMemory(Map.of(), "ask", "@args"));
        assertFalse(KotaeCommand.opensEmbeddedInMemory(Map.of("KOTAE_CORPUS_DIR", dir.toString()), "ask", "WAF"));
        assertFalse(KotaeCommand.opensEmbeddedInMemory(Map.of("KOTAE_INDEX_DIR", dir.toString()), "ask", "WAF"));
        assertFalse(KotaeCommand.opensEmbeddedInMemory(Map.of("KOTAE_MIN_CONFIDENCE", "abc"), "ask", "WAF"));
    }
}
