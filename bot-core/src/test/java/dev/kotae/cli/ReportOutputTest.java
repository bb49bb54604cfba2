package dev.kotae.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.answer.AnswerKind;
import dev.kotae.answer.AnswerSettings;
import dev.kotae.answer.Feedback;
import dev.kotae.answer.KotaeService;
import dev.kotae.answer.Question;
import dev.kotae.generation.Services;
import dev.kotae.testing.CorpusCopies;
import dev.kotae.usage.FileActivityLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 6, core side: questions are whatever users typed, and {@code kotae report} printed their
 * terminal escape sequences raw; a 👎 value of 100,000 characters was stored whole.
 */
class ReportOutputTest {
    /** Clears the screen, sets the window title, colours red, reverses the line (RLO). */
    private static final String HOSTILE = "\u001B[2J\u001B]0;pwned\u0007\u001B[31mパスワード\u001B[0mを\u202E教えて\u0000\u009B6n";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream savedOut;

    @BeforeEach
    void capture() {
        savedOut = KotaeCommand.OUT;
        KotaeCommand.OUT = new PrintStream(out, true, StandardCharsets.UTF_8);
    }

    @AfterEach
    void restore() {
        KotaeCommand.OUT = savedOut;
    }

    @Test
    void reportsPrintNoControlCharacterOrEscapeSequence() throws Exception {
        Path index = dir.resolve("index");
        KotaeService service = Services.start(CorpusCopies.of(dir.resolve("corpus")), index, AnswerSettings.defaults());
        service.answer(new Question(HOSTILE, "slack", "U1"));
        service.recordFeedback(new Feedback(Instant.now(), "slack", HOSTILE, AnswerKind.NONE, List.of(), false));

        assertEquals(0, KotaeCommand.run("report", "unanswered", "--index", index.toString()));
        assertEquals(0, KotaeCommand.run("report", "feedback", "--index", index.toString()));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("パスワードを教えて"), printed);
        assertFalse(printed.contains("pwned"), "an OSC sequence is removed whole: " + printed);
        assertFalse(printed.contains("[31m") || printed.contains("[2J"), printed);
        assertTrue(printed.codePoints().noneMatch(cp -> cp != '\n' && Character.getType(cp) == Character.CONTROL),
                "no control character but line ends: " + printed);
        assertFalse(printed.contains("\u202E"), printed);
    }

    @Test
    void theSafeTextKeepsWhatIsReadable() {
        assertEquals("WAFとは？ 2行目", TerminalText.safe("WAFとは？\n2行目"));
        assertEquals("赤い字", TerminalText.safe("\u001B[1;31m赤い字\u001B[m"));
        assertEquals("", TerminalText.safe(null));
        assertEquals("絵文字👍も", TerminalText.safe("絵文字👍も"));
    }

    @Test
    void storedQuestionsAndFeedbackValuesAreCappedAtTheQuestionLimit() throws Exception {
        Path index = dir.resolve("index");
        KotaeService service = Services.start(CorpusCopies.of(dir.resolve("corpus")), index, AnswerSettings.defaults());
        String huge = "ボタンの値".repeat(20_000); // 100,000 characters, as a forged 👎 value can be
        service.recordFeedback(new Feedback(Instant.now(), "slack", huge, AnswerKind.FAQ,
                java.util.Collections.nCopies(1000, "出典".repeat(1000)), false));
        service.answer(new Question(huge, "teams", null));
        service.audit("slack", "U".repeat(100_000), "reindex", "refused", "x".repeat(100_000));

        for (String log : List.of(FileActivityLog.FEEDBACK, FileActivityLog.UNANSWERED, FileActivityLog.AUDIT)) {
            for (String line : Files.readAllLines(index.resolve(log), StandardCharsets.UTF_8)) {
                assertTrue(line.length() < 40_000, log + " holds a line of " + line.length() + " characters");
            }
        }
        Feedback stored = service.feedback().get(0);
        assertEquals(AnswerSettings.MAX_QUESTION_LENGTH + 1, stored.question().length(), "capped, with …");
        assertTrue(stored.question().endsWith("…"));
        assertEquals(20, stored.citations().size());
    }
}
